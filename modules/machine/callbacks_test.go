package machine_test

import (
	"strings"
	"testing"
)

func TestExtIntFiresThroughWire(t *testing.T) {
	mustPy(t, profile, `
from machine import Pin, ExtInt
import utime
seen = []
def on_edge(args):
    seen.append(args)
out = Pin(Pin.GPIO2, Pin.OUT, Pin.PULL_DISABLE, 0)
ext = ExtInt(ExtInt.GPIO3, ExtInt.IRQ_RISING_FALLING, ExtInt.PULL_PD, on_edge)
print(ext.enable(), ext.line())
out.write(1)
out.write(0)
out.write(1)
utime.sleep_ms(50)
print(seen)
print(ext.read_count(0), ext.read_level())
print(ext.read_count(1), ext.read_count(0))
ext.disable()
out.write(0)
utime.sleep_ms(20)
print(len(seen), ext.read_count(0))
rising = []
only = ExtInt(ExtInt.GPIO3, ExtInt.IRQ_RISING, ExtInt.PULL_PD, lambda a: rising.append(a[1]))
only.enable()
out.write(1)
out.write(0)
out.write(1)
utime.sleep_ms(50)
print(rising, only.read_count(0))
try:
    ExtInt(ExtInt.GPIO3, 5, ExtInt.PULL_PD, on_edge)
except ValueError as e:
    print("ValueError:", e)
try:
    ExtInt(ExtInt.GPIO3, ExtInt.IRQ_RISING, ExtInt.PULL_PD)
except TypeError as e:
    print("TypeError")
`, lines("0 3", "[[3, 0], [3, 1], [3, 0]]", "[2, 1] 1", "[2, 1] [0, 0]", "3 [0, 0]", "[0, 0] [2, 0]",
		"ValueError: invalid mode value", "TypeError"))
}

func TestExtIntCallbackErrorKeepsGoing(t *testing.T) {
	got, err := runPy(t, profile, `
from machine import Pin, ExtInt
import utime
n = [0]
def cb(args):
    n[0] += 1
    if n[0] == 1:
        raise ValueError("first edge fails")
out = Pin(Pin.GPIO2, Pin.OUT, Pin.PULL_DISABLE, 0)
e = ExtInt(ExtInt.GPIO3, ExtInt.IRQ_RISING_FALLING, ExtInt.PULL_PD, cb)
e.enable()
out.write(1)
out.write(0)
utime.sleep_ms(50)
print("calls", n[0])
`)
	if err != nil {
		t.Fatal(err, got)
	}
	if !strings.Contains(got, "ValueError: first edge fails") || !strings.Contains(got, "calls 2") || !strings.Contains(got, "line 8") {
		t.Errorf("want a traceback and the second call:\n%s", got)
	}
}

func TestUART(t *testing.T) {
	mustPy(t, profile, `
from machine import UART
import utime
u = UART(UART.UART2, 115200, 8, 0, 1, 0)
print(u.write("hello"), u.write(b"\x00\xff"))
utime.sleep_ms(20)
print(u.any())
print(u.read(3), u.read(), u.read(), u.any())
got = []
def on_rx(args):
    got.append((args[0], args[1], u.read(args[2])))
print(u.set_callback(on_rx))
u.write(bytearray(b"abc"))
utime.sleep_ms(50)
print(got)
u.write("line1\nline2")
utime.sleep_ms(20)
u.set_callback(None)
print(u.close())
at = UART(UART.UART1, 9600)
at.write("AT\r\n")
at.write("AT+GMR\r\nAT+X\r\n")
utime.sleep_ms(20)
print(at.read())
at.close()
for args in ((9, 115200), (2, 12345), (2, 115200, 9), (2, 115200, 8, 3), (2, 115200, 8, 0, 3)):
    try:
        UART(*args)
    except ValueError as e:
        print("ValueError:", e)
`, lines("5 2", "7", "b'hel' b'lo\\x00\\xff' b'' 0", "0", "[(0, 2, b'abc')]", "0", "b'OK\\r\\nV1.0\\r\\n'",
		"ValueError: UART(9) does not exist", "ValueError: invalid baudrate", "ValueError: invalid data bits",
		"ValueError: invalid parity", "ValueError: invalid stop bits"))
}

func TestI2CRegisterMap(t *testing.T) {
	mustPy(t, profile, `
from machine import I2C
import utime
i2c = I2C(I2C.I2C1, I2C.STANDARD_MODE)
buf = bytearray(1)
print(i2c.read(0x40, bytearray([0xE7]), 1, buf, 1, 0), buf)
buf = bytearray(4)
print(i2c.read(0x40, bytearray([0x00]), 1, buf, 3, 0), list(buf))
print(i2c.write(0x40, bytearray([0x10]), 1, bytearray([1, 2, 3]), 2))
r = bytearray(3)
print(i2c.read(0x40, bytearray([0x10]), 1, r, 3, 5), list(r))
print(i2c.read(0x41, bytearray([0x00]), 1, r, 1, 0))
print(i2c.write(0x41, bytearray([0x00]), 1, b"x", 1))
w = bytearray(2)
print(i2c.read(30, bytearray([0x01, 0x00]), 2, w, 2, 0), list(w))
print(I2C(I2C.I2C0, I2C.FAST_MODE).read(0x40, bytearray([0]), 1, w, 1, 0))
one = bytearray(1)
print(I2C(I2C.I2C1, I2C.STANDARD_MODE, 0).read(0x40, bytearray([0xE7]), 1, one, 1, 0), one)
try:
    I2C(4, 0)
except ValueError as e:
    print("ValueError:", e)
`, lines("0 bytearray(b':')", "0 [100, 101, 102, 0]", "0", "0 [1, 2, 0]", "-1", "-1", "0 [7, 8]", "-1",
		"0 bytearray(b':')", "ValueError: bus id must be (0~3)"))
}

func TestTimer(t *testing.T) {
	mustPy(t, profile, `
from machine import Timer
import utime
ticks = []
def tick(t):
    ticks.append(t is timer)
    if len(ticks) == 3:
        t.stop()
timer = Timer(Timer.Timer1)
print(timer.stop())
print(timer.start(period=10, mode=timer.PERIODIC, callback=tick))
utime.sleep_ms(200)
print(ticks)
once = []
t2 = Timer(Timer.Timer2)
t2.start(period=5, mode=Timer.ONE_SHOT, callback=lambda t: once.append(1))
utime.sleep_ms(100)
print(once, Timer(Timer.Timer2) is t2)
t3 = Timer(Timer.Timer3)
t3.start(10, Timer.PERIODIC, lambda t: once.append(2))
utime.sleep_ms(35)
print(t3.stop(), len(once) >= 3)
try:
    Timer(4)
except ValueError as e:
    print("ValueError:", e)
`, lines("-1", "0", "[True, True, True]", "[1] True", "0 True",
		"ValueError: invalid value, Timern should be in (Timer0~Timer3)."))
}

func TestTimerCallbackErrorKeepsGoing(t *testing.T) {
	got, err := runPy(t, profile, `
from machine import Timer
import utime
n = [0]
def cb(t):
    n[0] += 1
    if n[0] == 3:
        t.stop()
    1 // 0
Timer(Timer.Timer0).start(period=5, mode=Timer.PERIODIC, callback=cb)
`)
	if err != nil {
		t.Fatal(err, got)
	}
	if strings.Count(got, "ZeroDivisionError") != 3 {
		t.Errorf("want three tracebacks, the timer going on:\n%s", got)
	}
}

func TestRTC(t *testing.T) {
	mustPy(t, profile, `
from machine import RTC
import utime
rtc = RTC()
print(len(rtc.datetime()), rtc.datetime()[7], RTC() is rtc)
print(rtc.datetime((2024, 2, 29, 0, 23, 59, 59, 0)))
d = rtc.datetime()
print(d[:4], d[4], d[5], d[6] in (59, 0))
print(rtc.datetime((2024, 13, 1, 0, 0, 0, 0, 0)))
fired = []
rtc.register_callback(lambda arg: fired.append(arg))
print(rtc.set_alarm((2024, 3, 1, 0, 0, 0, 0, 0)), rtc.enable_alarm(1))
utime.sleep_ms(1200)
print(fired)
`, lines("8 0 True", "0", "(2024, 2, 29, 4) 23 59 True", "-1", "0 0", "[None]"))
}
