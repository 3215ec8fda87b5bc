package machine_test

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/machine"
	_ "github.com/qstar-dev/qstar/modules/std/utime"
)

// runPy runs src as a .py script on the test board profile (or spec) and
// returns what it printed, waiting for its threads and timers.
func runPy(t *testing.T, spec, src string) (string, error) {
	t.Helper()
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) {
		env.Config["board"] = spec
	})
	err := runtimetest.Exec(in, "test.py", src)
	return out.String(), err
}

func mustPy(t *testing.T, spec, src, want string) {
	t.Helper()
	got, err := runPy(t, spec, src)
	if err != nil {
		t.Fatalf("script failed: %v\n%s", err, got)
	}
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

const profile = "sim:testdata/board.json"

func lines(s ...string) string { return strings.Join(s, "\n") + "\n" }

func TestPin(t *testing.T) {
	mustPy(t, profile, `
from machine import Pin
led = Pin(Pin.GPIO2, Pin.OUT, Pin.PULL_DISABLE, 1)
print(led.read(), led.get_dir())
print(led.write(0), led.read())
btn = Pin(Pin.GPIO3, Pin.IN, Pin.PULL_PU)
print(btn.read())          # wired to GPIO2, now low
led.write(1)
print(btn.read())
print(btn.write(1))        # an input: -1
print(Pin(Pin.GPIO5, Pin.IN).read(), Pin(Pin.GPIO6, Pin.IN, Pin.PULL_PU).read(), Pin(Pin.GPIO7, Pin.IN, Pin.PULL_PD).read())
print(Pin(Pin.GPIO2) is led, Pin.IN, Pin.OUT, Pin.PULL_DISABLE, Pin.PULL_PU, Pin.PULL_PD, Pin.GPIO47)
p = Pin(Pin.GPIO8)
print(p.get_dir(), p.read())
print(p.set_dir(Pin.IN), p.get_dir())
p.set_dir(1)
p.value(1)
print(p.value())
try:
    p.set_dir(3)
except ValueError as e:
    print("ValueError:", e)
for bad in (0, 48):
    try:
        Pin(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    Pin(Pin.GPIO9, 2)
except ValueError as e:
    print("ValueError:", e)
`, lines("1 1", "0 0", "0", "1", "-1", "1 1 0", "True 0 1 0 1 2 47", "1 0", "0 0", "1",
		"ValueError: Invalid direction parameter", "ValueError: invalid pin", "ValueError: invalid pin",
		"ValueError: invalid pin dir, range{0:dir in, 1:dir out}"))
}
