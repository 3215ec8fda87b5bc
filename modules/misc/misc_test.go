package misc_test

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/misc"
	_ "github.com/qstar-dev/qstar/modules/std/thread"
	_ "github.com/qstar-dev/qstar/modules/std/utime"
)

func run(t *testing.T, spec, src string) (*runtime.Interp, string, error) {
	t.Helper()
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { env.Config["board"] = spec })
	err := runtimetest.Exec(in, "test.py", src)
	return in, out.String(), err
}

func TestPowerAndADC(t *testing.T) {
	_, got, err := run(t, "sim:../machine/testdata/board.json", `
from misc import Power, ADC, PowerKey
import misc
print(Power.getVbatt(), Power.powerOnReason(), Power.powerDownReason())
print(misc.Power().getVbatt())
adc = ADC()
print(adc.open(), adc.read(ADC.ADC0), adc.read(ADC.ADC1), adc.read(ADC.ADC2), adc.read(ADC.ADC3), adc.read(7), adc.close())
print(PowerKey().powerKeyEventRegister(lambda s: None))
`)
	if err != nil {
		t.Fatal(err, got)
	}
	want := "3712 1 1\n3712\n0 1234 0 56 -1 -1 0\n0\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	_, got, _ = run(t, "sim", "from misc import Power\nprint(Power.getVbatt())\n")
	if got != "3590\n" {
		t.Errorf("default board vbatt: %q", got)
	}
}

func TestPowerRestartEndsTheRun(t *testing.T) {
	in, got, err := run(t, "sim", `
from misc import Power
print("before")
Power.powerRestart()
print("after")
`)
	code, ok := runtime.ExitCode(err)
	if !ok || code != board.ExitRestart || strings.Contains(got, "after") {
		t.Fatalf("err %v output %q", err, got)
	}
	if c, ok := in.ExitRequested(); !ok || c != board.ExitRestart {
		t.Errorf("ExitRequested %d %v", c, ok)
	}
}

// powerDown from another thread still ends the whole run.
func TestPowerDownFromThread(t *testing.T) {
	in, got, err := run(t, "sim", `
import _thread, utime
from misc import Power
_thread.start_new_thread(lambda: Power.powerDown(), ())
utime.sleep(5)
print("not reached")
`)
	if !runtime.IsCancelled(err) || strings.Contains(got, "not reached") {
		t.Fatalf("err %v output %q", err, got)
	}
	if c, ok := in.ExitRequested(); !ok || c != board.ExitPowerDown {
		t.Errorf("ExitRequested %d %v", c, ok)
	}
}

func TestBadBoardIsOSError(t *testing.T) {
	_, got, err := run(t, "sim:/nonexistent/board.json", `
from misc import Power
try:
    Power.getVbatt()
except OSError as e:
    print("OSError", "no such file" in str(e))
`)
	if err != nil || got != "OSError True\n" {
		t.Errorf("err %v output %q", err, got)
	}
}
