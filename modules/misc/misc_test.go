package misc_test

import (
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/modules/misc"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

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
print(misc.replEnable(0), misc.replEnable(1, 'abcdef'), misc.replEnable(2), misc.replEnable(3))
`)
	if err != nil {
		t.Fatal(err, got)
	}
	want := "3712 1 1\n3712\n0 1234 0 56 -1 -1 0\n0\n0 0 0 -1\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	_, got, _ = run(t, "sim", `from misc import Power
print(Power.getVbatt(), Power.batGetSoc())
print(Power.batManageInit([(3800, 90), (3400, 10), (3600, 50)], [(4100, 100)]), Power.batGetSoc())
print(Power.batManageInit([(3800, 190)], [(1, 1)]), Power.batManageInit(5, []), Power.batGetSoc())
print(Power.batSetCallback(lambda e: None), Power.batSetCallback(3))
`)
	if got != "3590 9\n0 48\n-1 -1 48\n0 -1\n" {
		t.Errorf("default board vbatt: %q", got)
	}
}

func TestPWM(t *testing.T) {
	_, got, err := run(t, "sim", `
from misc import PWM
import utime
pwm = PWM(PWM.PWM0, PWM.ABOVE_10US, 250, 500)
print(PWM.ABOVE_1US, PWM.ABOVE_MS, PWM.ABOVE_10US, PWM.ABOVE_BELOW_US, PWM.PWM3)
print(pwm.open(), pwm)
utime.sleep_ms(5)
print(pwm.close(), pwm)
for args in ((4, 1, 1, 2), (0, 7, 1, 2), (0, 1, 0, 2), (0, 1, 3, 2), (0, 1, 1, 70000)):
    try:
        PWM(*args)
    except ValueError as e:
        print("ValueError:", e)
`)
	if err != nil {
		t.Fatal(err, got)
	}
	want := `0 1 2 3 3
0 PWM(pin:0 high time:250 cycle_time:500) on
0 PWM(pin:0 high time:250 cycle_time:500) off
ValueError: invalid pwm value, must be in {0~3}
ValueError: invalid cycle_range value, must be in {0:us or 1:ms or 2:10us}
ValueError: invalid high_time value, must be in {0~65535}
ValueError: invalid high_time value, must less more cycle_time or be equal to cycle_time
ValueError: invalid cycle_time value, must be in {0~65535}
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestPWMV2(t *testing.T) {
	_, got, err := run(t, "sim", `
from misc import PWM_V2
pwms = [PWM_V2(n, 100.0, 10) for n in [PWM_V2.PWM0, PWM_V2.PWM1, PWM_V2.PWM2, PWM_V2.PWM3]]
p = pwms[3]
print(p.open(), p)
print(p.open(50, 25), p)
print(p.close(), p)
for args in ((4, 100.0, 10), (0, 0, 10), (0, 100.0, 101), (0, "x", 1)):
    try:
        PWM_V2(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    p.open(50)
except TypeError as e:
    print("TypeError", e)
`)
	if err != nil {
		t.Fatal(err, got)
	}
	want := `0 PWM_V2(pin:3 frequency:100 duty:10) on
0 PWM_V2(pin:3 frequency:50 duty:25) on
0 PWM_V2(pin:3 frequency:50 duty:25) off
ValueError invalid pwm value, must be in {0~3}
ValueError invalid frequency value, must be greater than 0
ValueError invalid duty value, must be in {0~100}
TypeError PWM_V2() argument 'frequency' must be a number, not str
TypeError open() takes frequency and duty together
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
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

// USB.getStatus reads the board's port; setCallback's function gets 0 and
// 1 as the cable is pulled and plugged back, in that order.
func TestUSB(t *testing.T) {
	defer misc.SetUSBPoll(5 * time.Millisecond)()
	sim := board.NewSim(nil)
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { board.Set(env, sim) })
	go func() {
		wait := func(s string) {
			for !strings.Contains(out.String(), s) {
				time.Sleep(time.Millisecond)
			}
		}
		wait("registered")
		sim.SetUSB(false)
		wait("usb 0")
		sim.SetUSB(true)
	}()
	err := runtimetest.Exec(in, "test.py", `
from misc import USB
import utime
u = USB()
seen = []
def changed(status):
    print('usb', status, u.getStatus())
    seen.append(status)
print(u.getStatus(), u.setCallback(3))
print('registered', u.setCallback(changed))
while len(seen) < 2:
    utime.sleep_ms(5)
`)
	if err != nil {
		t.Fatal(err, out.String())
	}
	if want := "1 -1\nregistered 0\nusb 0 0\nusb 1 1\n"; out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
	_, got, _ := run(t, "sim:testdata/nousb.json", "from misc import USB\nprint(USB().getStatus())\n")
	if got != "0\n" {
		t.Errorf("usb 0 profile: %q", got)
	}
}

func TestUSBNET(t *testing.T) {
	_, got, err := run(t, "sim", `from misc import USBNET, Power
print(USBNET.Type_ECM, USBNET.Type_RNDIS, USBNET.get_worktype(), USBNET.get_status())
print(USBNET.set_worktype(USBNET.Type_RNDIS), USBNET.set_worktype(2), USBNET.get_worktype())
print(USBNET.open(), USBNET.get_status(), USBNET.close(), USBNET.get_status())
print(USBNET.getNat(0, 1), USBNET.setNat(0, 1, 1), USBNET.getNat(0, 1), USBNET.setNat(1, 1, 1), USBNET.getNat(0, 8), USBNET.setNat(0, 2, 3))
print(USBNET.setMAC(b'\xac\x4b\xb3\xb9\xeb\xe6'), USBNET.getMAC(), USBNET.setMAC(b'\x01'), USBNET.setMAC(bytearray(6)), USBNET.getMAC())
`)
	if err != nil {
		t.Fatal(err, got)
	}
	if want := "1 3 1 0\n0 -1 1\n0 1 0 0\n0 0 1 -1 -1 -1\n0 b'\\xacK\\xb3\\xb9\\xeb\\xe6' -1 0 b'\\x00\\x00\\x00\\x00\\x00\\x00'\n"; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
