package machine_test

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

func TestWDTFedByTimerKeepsRunning(t *testing.T) {
	mustPy(t, profile, `
from machine import WDT, Timer
import utime
wdt = WDT(1)
feeder = Timer(Timer.Timer0)
feeder.start(period=300, mode=Timer.PERIODIC, callback=lambda t: wdt.feed())
utime.sleep_ms(1600)
print(feeder.stop(), wdt.stop(), WDT(2) is wdt)
wdt.stop()
`, lines("0 0 True"))
}

func TestWDTNotFedRestarts(t *testing.T) {
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { env.Config["board"] = profile })
	err := runtimetest.Exec(in, "test.py", `
from machine import WDT
import utime
wdt = WDT(1)
print("armed")
utime.sleep(5)
print("not reached")
`)
	if !runtime.IsCancelled(err) {
		t.Fatalf("want the script cancelled by the reset, got %v", err)
	}
	code, ok := in.ExitRequested()
	if !ok || code != board.ExitRestart {
		t.Errorf("exit %d %v, want %d", code, ok, board.ExitRestart)
	}
	if s := out.String(); !strings.Contains(s, "armed") || strings.Contains(s, "not reached") || !strings.Contains(s, "watchdog: not fed for 1 s") {
		t.Errorf("output:\n%s", s)
	}
}
