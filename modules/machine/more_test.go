package machine_test

import "testing"

func TestPinOnOffInitAndKeywords(t *testing.T) {
	mustPy(t, profile, `
from machine import Pin
p = Pin(Pin.GPIO11, dir=Pin.OUT, pull=Pin.PULL_DISABLE, value=1)
print(p.read())
p.off()
print(p.read())
p.on()
print(p.read(), p.value())
print(p.init(Pin.IN, Pin.PULL_PD), p.get_dir(), p.read())
p.init(dir=Pin.OUT, value=1)
print(p.get_dir(), p.read())
q = Pin(Pin.GPIO12, Pin.OUT, Pin.PULL_DISABLE, 1)
again = Pin(Pin.GPIO12, Pin.IN)   # the same pin, re-initialised as an input
print(again is q, q.get_dir())
print(p, q.write(2))
`, lines("1", "0", "1 1", "0 0 0", "1 1", "True 0", "<Pin GPIO11> -1"))
}

func TestUARTReadlineAndCountReset(t *testing.T) {
	mustPy(t, profile, `
from machine import UART, Pin, ExtInt
import utime
u = UART(UART.UART2, 9600)
u.write(b"one\ntwo\nthree")
utime.sleep_ms(20)
print(u.readline(), u.readline(), u.readline(), u.readline())
u.close()
out = Pin(Pin.GPIO2, Pin.OUT, Pin.PULL_DISABLE, 0)
e = ExtInt(ExtInt.GPIO3, ExtInt.IRQ_FALLING, ExtInt.PULL_PD, None)
e.enable()
out.write(1)
out.write(0)
print(e.read_count(0), e.count_reset(), e.read_count(0))
try:
    e.read_count(2)
except ValueError as err:
    print("ValueError:", err)
`, lines("b'one\\n' b'two\\n' b'three' b''", "[0, 1] 0 [0, 0]", "ValueError: invalid is_reset value, must in [0,1]"))
}
