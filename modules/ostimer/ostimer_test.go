package ostimer_test

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/ostimer"
	_ "github.com/qstar-dev/qstar/modules/std/utime"
)

func run(t *testing.T, src string) string {
	t.Helper()
	in, out := runtimetest.NewInterp(t, nil)
	if err := runtimetest.Exec(in, "test.py", src); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	return out.String()
}

func TestOsTimer(t *testing.T) {
	got := run(t, `
import osTimer
import utime
hits = []
def cb(arg):
    hits.append(arg)
t = osTimer()
print(t.start(10, 1, cb))
utime.sleep_ms(55)
print(t.stop(), len(hits) >= 3, hits[0])
n = len(hits)
utime.sleep_ms(30)
print(len(hits) == n)
once = osTimer()
once.start(5, 0, lambda a: hits.append("once"))
utime.sleep_ms(50)
print(hits.count("once"))
print(once.delete_timer(), once.start(5, 0, cb), once.stop())

class Service:
    def __init__(self):
        self.timer = osTimer()
        self.count = 0
    def _cb(self, *argv):
        self.count += 1
        if self.count == 2:
            self.timer.stop()
    def go(self):
        self.timer.start(5, 1, self._cb)
s = Service()
s.go()
`)
	want := "0\n0 True None\nTrue\n1\n0 -1 -1\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestRaisingCallbackGoesOn(t *testing.T) {
	got := run(t, `
import osTimer, utime
n = [0]
def cb(arg):
    n[0] += 1
    raise RuntimeError("tick %d" % n[0])
t = osTimer()
t.start(5, 1, cb)
utime.sleep_ms(60)
t.stop()
print("ticks", n[0] >= 3)
`)
	if !strings.Contains(got, "RuntimeError: tick 1") || !strings.Contains(got, "RuntimeError: tick 2") || !strings.Contains(got, "ticks True") {
		t.Errorf("got:\n%s", got)
	}
}

// A timer never stopped ends with the interpreter, leaving no goroutine.
func TestCloseStopsTimers(t *testing.T) {
	before := runtime.NumGoroutine()
	in, _ := runtimetest.NewInterp(t, nil)
	if err := runtimetest.ExecFile(in, "test.py", "import osTimer\nt = osTimer()\nt.start(1, 1, lambda a: None)\n"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(20 * time.Millisecond)
	in.Close()
	in.Wait()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after close, %d before", n, before)
	}
}

// Timers register nothing to close at exit (the interpreter's close ends
// their threads), so a script making timers in a loop does not grow.
func TestTimersAreNotKept(t *testing.T) {
	in, out := runtimetest.NewInterp(t, nil)
	base := in.Env.Closers()
	err := runtimetest.Exec(in, "test.py", `
import osTimer
for i in range(200):
    t = osTimer()
    t.start(1000, 1, lambda a: None)
    t.stop()
    t.delete_timer()
`)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if n := in.Env.Closers() - base; n > 0 {
		t.Errorf("%d closers kept for 200 deleted timers", n)
	}
}

// TestNoCallbackAfterStop: a tick that fired while the script held the
// interpreter lock must not run once the script has called stop().
func TestNoCallbackAfterStop(t *testing.T) {
	got := run(t, `
import osTimer, utime
hits = []
t = osTimer()
t.start(1, 1, lambda a: hits.append(1))
ok = True
for _ in range(5):
    end = utime.ticks_add(utime.ticks_ms(), 20)
    while utime.ticks_diff(end, utime.ticks_ms()) > 0:
        pass
    t.stop()
    n = len(hits)
    utime.sleep_ms(20)
    ok = ok and len(hits) == n
    t.start(1, 1, lambda a: hits.append(1))
t.stop()
print(ok, len(hits) > 0)
`)
	if got != "True True\n" {
		t.Errorf("got %q, want a timer that stays stopped after stop()", got)
	}
}
