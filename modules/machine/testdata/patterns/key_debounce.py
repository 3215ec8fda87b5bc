# A key driver in the style of tracker firmware: the interrupt starts an
# osTimer to debounce, the timer reads the level and publishes the press
# on sys_bus, where the application listens.
from machine import Pin, ExtInt
import osTimer
import sys_bus
import utime

KEY_TOPIC = "key_event"


class Key(object):
    def __init__(self, gpio):
        self.gpio = gpio
        self.timer = osTimer()
        self.irq = ExtInt(getattr(ExtInt, "GPIO%d" % gpio), ExtInt.IRQ_RISING_FALLING, ExtInt.PULL_PU, self._irq)
        self.irq.enable()

    def _irq(self, args):
        self.timer.stop()
        self.timer.start(20, 0, self._settled)

    def _settled(self, arg):
        level = self.irq.read_level()
        sys_bus.publish(KEY_TOPIC, {"gpio": self.gpio, "pressed": level == 0})


events = []
sys_bus.subscribe(KEY_TOPIC, lambda topic, msg: events.append((topic, msg["gpio"], msg["pressed"])))
key = Key(3)
drive = Pin(Pin.GPIO2, Pin.OUT, Pin.PULL_DISABLE, 1)   # wired to the key's line
utime.sleep_ms(60)
for level in (0, 1, 0):        # a bouncing press: only the settled level counts
    drive.write(level)
utime.sleep_ms(100)
drive.write(1)
utime.sleep_ms(100)
print(events)
print(key.irq.read_count(0))
