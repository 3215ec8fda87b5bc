package umqtt

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/qstar-dev/qstar/modules/std/thread" // _thread, for the wait_msg thread
	_ "github.com/qstar-dev/qstar/modules/std/utime"
)

// disconnect() or close() in one thread wakes a wait_msg() blocked in
// another, which raises OSError "not connected" instead of hanging.
func testDisconnectWakesWaitMsgInAnotherThread(t *testing.T) {
	for _, stop := range []string{"disconnect", "close"} {
		t.Run(stop, func(t *testing.T) {
			b := startBroker(t, brokerOpts{})
			s := newScript(t)
			src := subst(`import _thread
import utime
from umqtt import MQTTClient
c = MQTTClient("waker", "127.0.0.1", $PORT)
c.set_callback(lambda t, m: print("message", t))
c.connect()
c.subscribe("w")
waiting = {}
def loop(name):
    try:
        while True:
            waiting[name] = True
            c.wait_msg()
    except OSError as e:
        print("wait_msg raised:", e)
_thread.start_new_thread(loop, ("a",))
_thread.start_new_thread(loop, ("b",))
while len(waiting) < 2:
    utime.sleep_ms(1)
utime.sleep_ms(50)
c.$STOP()
print("stopped")
`, "$PORT", b.port(), "$STOP", stop)
			done := make(chan string, 1)
			go func() { done <- s.runPyOK(t, src) }()
			var out string
			select {
			case out = <-done:
			case <-time.After(20 * time.Second): // a hang guard, not a timing check
				t.Fatalf("the script still waits: wait_msg was not woken by %s()", stop)
			}
			if !strings.Contains(out, "stopped\n") {
				t.Errorf("stdout %q lacks %q", out, "stopped")
			}
			// both threads blocked in wait_msg are woken
			raised := "wait_msg raised: MQTTClient waker@" + b.addr + " is not connected"
			if n := strings.Count(out, raised); n != 2 {
				t.Errorf("stdout %q has %d of %q, want 2", out, n, raised)
			}
		})
	}
}

// A script that keeps making clients (connect, disconnect, drop it) does
// not keep them: the runtime's closers stay bounded.
func testClosedClientsAreNotKept(t *testing.T) {
	b := startBroker(t, brokerOpts{})
	s := newScript(t)
	base := s.env.Closers()
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	run := func(n int) {
		s.runOK(t, subst(`load("umqtt", "MQTTClient")
def churn():
    for i in range($N):
        c = MQTTClient("churn%d" % i, "127.0.0.1", $PORT)
        c.connect()
        if i % 2:
            c.disconnect()
        else:
            c.close()
churn()
`, "$PORT", b.port(), "$N", strconv.Itoa(n)))
	}
	run(20) // warm up: module, paho's and mochi's pools
	before := heap()
	run(200)
	if n := s.env.Closers() - base; n > 1 {
		t.Errorf("%d closers registered after 220 clients were closed", n)
	}
	// informational only: memory is measured in benchmarks, not asserted
	t.Logf("heap after 200 more closed clients: %+d KB", (int64(heap())-int64(before))>>10)
	// A connected client is still closed at exit.
	s.runOK(t, subst(`load("umqtt", "MQTTClient")
kept = MQTTClient("kept", "127.0.0.1", $PORT)
kept.connect()
`, "$PORT", b.port()))
	if n := s.env.Closers() - base; n != 1 {
		t.Errorf("%d closers for one connected client", n)
	}
}
