package machine_test

import (
	goruntime "runtime"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// Closing the interpreter ends UART readers, timers, interrupts and the
// watchdog: no goroutine outlives it.
func TestCloseLeavesNoGoroutines(t *testing.T) {
	before := goruntime.NumGoroutine()
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { env.Config["board"] = profile })
	err := runtimetest.ExecFile(in, "test.py", `
from machine import UART, Timer, ExtInt, Pin, WDT
u = UART(UART.UART2, 115200, 8, 0, 1, 0)
u.set_callback(lambda a: None)
u.write("x")
Timer(Timer.Timer1).start(period=5, mode=Timer.PERIODIC, callback=lambda t: None)
e = ExtInt(ExtInt.GPIO3, ExtInt.IRQ_RISING, ExtInt.PULL_PD, lambda a: None)
e.enable()
Pin(Pin.GPIO2, Pin.OUT, Pin.PULL_DISABLE, 1)
w = WDT(60)
`)
	if err != nil {
		t.Fatal(err, out.String())
	}
	time.Sleep(30 * time.Millisecond)
	in.Close()
	in.Wait()
	deadline := time.Now().Add(2 * time.Second)
	for goruntime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := goruntime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines after close, %d before:\n%s", n, before, buf[:goruntime.Stack(buf, true)])
	}
}

// A UART closed or an interrupt disabled by the script is not kept for
// exit: opening and closing many leaves the closers count where it was.
func TestClosedObjectsAreNotKept(t *testing.T) {
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { env.Config["board"] = profile })
	run := func(src string) {
		t.Helper()
		if err := runtimetest.ExecFile(in, "test.py", src); err != nil {
			t.Fatal(err, out.String())
		}
	}
	churn := `from machine import UART, ExtInt
for i in range(N):
    u = UART(UART.UART2, 115200, 8, 0, 1, 0)
    u.close()
    e = ExtInt(ExtInt.GPIO3, ExtInt.IRQ_RISING, ExtInt.PULL_PD, lambda a: None)
    e.enable()
    e.disable()
`
	run("N = 1\n" + churn) // the board itself registers one closer, once
	base := in.Env.Closers()
	run("N = 100\n" + churn)
	if n := in.Env.Closers() - base; n > 0 {
		t.Errorf("%d closers kept after 100 UARTs closed and 100 interrupts disabled", n)
	}
	run("from machine import ExtInt\ne = ExtInt(ExtInt.GPIO3, ExtInt.IRQ_RISING, ExtInt.PULL_PD, lambda a: None)\ne.enable()\n")
	if n := in.Env.Closers() - base; n != 1 {
		t.Errorf("an armed interrupt: %d closers, want 1", n)
	}
}
