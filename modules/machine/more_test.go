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

func TestSPI(t *testing.T) {
	mustPy(t, profile, `
from machine import SPI
flash = SPI(SPI.SPI0, 0, 1)
jedec = bytearray(3)
print(flash.write_read(jedec, bytearray([0x9F, 0, 0]), 3), list(jedec))
print(flash.write(b"\x06", 1))
r = bytearray(2)
print(flash.read(r, 2), list(r))
loop = SPI(SPI.SPI1, 3, 6)
echo = bytearray(4)
print(loop.write_read(echo, b"ping", 4), echo)
for args in ((4, 0, 0), (0, 4, 0), (0, 0, 7)):
    try:
        SPI(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    SPI(2, 0, 0)
except ValueError as e:
    print("ValueError:", e)
`, lines("0 [239, 64, 24]", "0", "0 [239, 64]", "0 bytearray(b'ping')",
		"ValueError: port must be (0~3)", "ValueError: mode must be (0~3)", "ValueError: clk must be (0~6)",
		"ValueError: spi init fail"))
}

func TestUARTReadinto(t *testing.T) {
	mustPy(t, profile, `
from machine import UART
import utime
u = UART(UART.UART2, 9600)
u.write(b"abcdef")
utime.sleep_ms(20)
buf = bytearray(4)
print(u.readinto(buf), buf, u.readinto(buf, 1), buf, u.readinto(buf), buf, u.readinto(buf), u.any())
try:
    u.readinto(b"xx")
except TypeError as e:
    print("TypeError")
u.close()
`, lines("4 bytearray(b'fbcd') 1 bytearray(b'fbcd') 1 bytearray(b'fbcd') 0 0", "TypeError"))
}
