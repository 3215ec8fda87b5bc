package log_test

import (
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	"github.com/qstar-dev/qstar/runtime"

	_ "github.com/qstar-dev/qstar/modules/std/log"
	_ "github.com/qstar-dev/qstar/modules/std/sys"
)

func fixClock(env *runtime.Env) {
	env.Now = func() time.Time { return time.Date(2024, 5, 6, 7, 8, 9, 0, time.Local) }
}

func TestLevelsAndFormat(t *testing.T) {
	out := stdtest.MustRun(t, `
load("log", "log")
app = log.getLogger("App")
app.debug("hidden at the default INFO level")
app.info("connected", 3, None)
log.basicConfig(level=log.DEBUG)
app.debug("now shown")
log.basicConfig(level=log.ERROR)
app.warning("hidden")
app.error("failed:", {"rc": -1})
app.critical("down")
print(log.getLogger("App") == app, log.DEBUG, log.INFO, log.WARNING, log.ERROR, log.CRITICAL)
other = log.getLogger("Other")
other.setLevel(log.DEBUG)
other.debug("own level")
log.error("root logger")
`, fixClock)
	want := "[2024-05-06 07:08:09][App][INFO] connected 3 None\n" +
		"[2024-05-06 07:08:09][App][DEBUG] now shown\n" +
		"[2024-05-06 07:08:09][App][ERROR] failed: {'rc': -1}\n" +
		"[2024-05-06 07:08:09][App][CRITICAL] down\n" +
		"True 10 20 30 40 50\n" +
		"[2024-05-06 07:08:09][Other][DEBUG] own level\n" +
		"[2024-05-06 07:08:09][root][ERROR] root logger\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestSetOutput(t *testing.T) {
	out := stdtest.MustRun(t, `
load("log", "log")
load("sys", "sys")
log.set_output(sys.stderr)
log.getLogger("X").info("to stderr")
`, fixClock)
	if out != "[2024-05-06 07:08:09][X][INFO] to stderr\n" {
		t.Errorf("got %q", out)
	}
	_, err := stdtest.Run(t, "load('log', 'log')\nlog.set_output(5)", nil)
	if err == nil || runtime.ErrorLine(err) != "TypeError: set_output() argument must have a write() method (sys.stdout or a UART), not int" {
		t.Errorf("set_output(5): %v", err)
	}
}
