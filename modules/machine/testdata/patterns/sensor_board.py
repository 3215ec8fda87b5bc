# Sensor polling as device samples do it: a command-style humidity sensor
# and a register-style accelerometer on I2C1, the battery and an ADC
# channel, a watchdog fed from a periodic timer, an LED toggled by it.
from machine import I2C, Pin, Timer, WDT
from misc import ADC, Power
import utime

i2c = I2C(I2C.I2C1, I2C.FAST_MODE)


def aht_measure():
    i2c.write(0x38, bytearray(0x00), 0, bytearray([0xAC, 0x33, 0x00]), 3)
    utime.sleep_ms(10)
    raw = bytearray(6)
    if i2c.read(0x38, bytearray(0x00), 0, raw, 6, 0) != 0:
        return None
    hum = ((raw[1] << 12) | (raw[2] << 4) | (raw[3] >> 4)) * 100 / (1 << 20)
    temp = (((raw[3] & 0x0F) << 16) | (raw[4] << 8) | raw[5]) * 200 / (1 << 20) - 50
    return round(hum, 1), round(temp, 1)


def accel_id():
    buf = bytearray(1)
    i2c.read(0x12, bytearray([0x00]), 1, buf, 1, 0)
    return buf[0]


led = Pin(Pin.GPIO10, Pin.OUT, Pin.PULL_DISABLE, 0)
wdt = WDT(2)
blinks = [0]


def tick(t):
    wdt.feed()
    led.write(1 - led.read())
    blinks[0] += 1


feeder = Timer(Timer.Timer2)
feeder.start(period=50, mode=Timer.PERIODIC, callback=tick)
print("aht10", aht_measure())
print("qma7981 chip id 0x%02x" % accel_id())
adc = ADC()
adc.open()
print("vbatt", Power.getVbatt(), "adc0", adc.read(ADC.ADC0))
adc.close()
utime.sleep_ms(300)
feeder.stop()
wdt.stop()
print("blinked", blinks[0] >= 4)
