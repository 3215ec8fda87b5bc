# A serial wrapper as DTU firmware writes it: ports and the RS-485 pin
# looked up by name, an RX callback that wakes a reader, a timer timeout.
from machine import UART, Timer
import _thread
import utime


class Port(object):
    def __init__(self, n, baud=115200, rs485=""):
        self._uart = UART(getattr(UART, "UART%d" % int(n)), baud, 8, 0, 1, 0)
        if rs485 != "":
            self._uart.control_485(getattr(UART, "GPIO%d" % int(rs485)), 1)
        self._lock = _thread.allocate_lock()
        self._ready = False
        self._timer = Timer(Timer.Timer1)
        self._uart.set_callback(self._on_rx)

    def _on_rx(self, args):
        status, port, size = args
        self._ready = True

    def _on_timeout(self, t):
        self._ready = True

    def request(self, line, timeout_ms):
        self._ready = False
        self._uart.write(line + "\r\n")
        self._timer.start(period=timeout_ms, mode=Timer.ONE_SHOT, callback=self._on_timeout)
        while not self._ready:
            utime.sleep_ms(5)
        self._timer.stop()
        utime.sleep_ms(20)
        n = self._uart.any()
        return self._uart.read(n).decode() if n else ""


modem = Port(1, 9600, rs485="12")
print(repr(modem.request("AT", 500)))
print(repr(modem.request("AT+GMR", 500)))
print(repr(modem.request("AT+NOPE", 100)))
echo = Port(2)
print(repr(echo.request("ping", 500)))
