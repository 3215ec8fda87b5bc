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
