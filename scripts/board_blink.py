# Blink an LED from a timer, read the battery and an ADC channel, and
# tell the rest of the program through sys_bus: the default simulated
# board, or real hardware with --board linux[:map.json].
from machine import Pin, Timer
from misc import Power, ADC
import sys_bus
import utime

led = Pin(Pin.GPIO1, Pin.OUT, Pin.PULL_DISABLE, 0)
blinks = []


def toggle(t):
    led.write(1 - led.read())
    blinks.append(led.read())
    if len(blinks) == 6:
        t.stop()
        sys_bus.publish("blink/done", len(blinks))


def done(topic, count):
    adc = ADC()
    adc.open()
    print("%s after %d toggles: led=%d vbatt=%dmV adc0=%dmV" % (topic, count, led.read(), Power.getVbatt(), adc.read(ADC.ADC0)))
    adc.close()


sys_bus.subscribe("blink/done", done)
Timer(Timer.Timer0).start(period=20, mode=Timer.PERIODIC, callback=toggle)
utime.sleep_ms(300)
print("levels", blinks)
