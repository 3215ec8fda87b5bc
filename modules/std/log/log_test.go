package log_test

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	"github.com/qstar-dev/qstar/runtime"

	_ "github.com/qstar-dev/qstar/modules/std/log"
	_ "github.com/qstar-dev/qstar/modules/std/sys"
)

// stdoutOnly keeps stderr apart, so a test sees where log lines go.
func stdoutOnly(errs *strings.Builder) func(*runtime.Env) {
	return func(env *runtime.Env) { env.Stderr = errs }
}

func TestLevelsAndFormat(t *testing.T) {
	var errs strings.Builder
	out := stdtest.MustRun(t, `
load("log", "log")
app = log.getLogger("App")
app.debug("hidden at the default INFO level")
app.info("connected %d times to %s", 3, None)
log.basicConfig(level=log.DEBUG)
app.debug("now shown")
log.basicConfig(level=log.ERROR)
app.warning("hidden")
app.error("failed: %s", {"rc": -1})
app.critical("down")
print(log.getLogger("App") == app, log.DEBUG, log.INFO, log.WARNING, log.ERROR, log.CRITICAL)
other = log.getLogger("Other")
other.setLevel(log.DEBUG)
other.debug("own level %s", (1, 2))
other.warning("100%% sure of %s", "it")
other.warning("50% kept as is")
log.error("root logger")
`, stdoutOnly(&errs))
	if out != "True 10 20 30 40 50\n" {
		t.Errorf("stdout: %q", out)
	}
	want := "INFO:App:connected 3 times to None\n" +
		"DEBUG:App:now shown\n" +
		"ERROR:App:failed: {'rc': -1}\n" +
		"CRIT:App:down\n" +
		"DEBUG:Other:own level (1, 2)\n" +
		"WARN:Other:100% sure of it\n" +
		"WARN:Other:50% kept as is\n" +
		"ERROR:root:root logger\n"
	if errs.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", errs.String(), want)
	}
}

// TestMessageArguments: as in the firmware, a message with arguments is
// %-formatted, and a mismatch is the TypeError that % raises.
func TestMessageArguments(t *testing.T) {
	_, err := stdtest.Run(t, "load('log', 'log')\nlog.getLogger('X').info('a', 1)", nil)
	if err == nil || runtime.ErrorLine(err) != "TypeError: not all arguments converted during string formatting" {
		t.Errorf("info('a', 1): %v", err)
	}
	out := stdtest.MustRun(t, "load('log', 'log')\nlog.getLogger('X').info(42)", nil)
	if out != "INFO:X:42\n" {
		t.Errorf("info(42): %q", out)
	}
}

func TestSetOutput(t *testing.T) {
	out := stdtest.MustRun(t, `
load("log", "log")
load("sys", "sys")
log.set_output(sys.stderr)
log.getLogger("X").info("to stderr")
`, nil)
	if out != "INFO:X:to stderr\n" {
		t.Errorf("got %q", out)
	}
	_, err := stdtest.Run(t, "load('log', 'log')\nlog.set_output(5)", nil)
	if err == nil || runtime.ErrorLine(err) != "TypeError: set_output() argument must have a write() method (sys.stdout or a UART), not int" {
		t.Errorf("set_output(5): %v", err)
	}
}
