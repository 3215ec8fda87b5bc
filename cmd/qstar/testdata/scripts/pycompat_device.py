# The Python front end end to end: a class-based client, global state set
# in a callback, try/except/finally, f-strings, % and str.format.
import utime


class Sensor(object):
    def __init__(self, name, values):
        self.name = name
        self._values = values
        self.reads = 0

    def read(self):
        self.reads += 1
        v = self._values[self.reads % len(self._values)]
        if v is None:
            raise OSError('sensor %s timeout' % self.name)
        return v

    def __str__(self):
        return f'Sensor({self.name}, reads={self.reads})'


state = 'idle'
log = []


def on_event(topic, msg):
    global state
    state = msg.decode()
    log.append('{}={}'.format(topic.decode(), state))


s = Sensor('t1', [21.5, None, 22.25, 23.0])
total = 0.0
n = 0
while True:
    try:
        v = s.read()
    except OSError as e:
        print('skip:', e)
        continue
    finally:
        n += 1
    total += v
    print('read {:>2}: {:6.2f}'.format(n, v))
    if n >= 4:
        on_event(b'dev/state', b'done')
        break
    utime.sleep_ms(1)

print(s, 'avg=%.3f' % (total / 3), state, log)
print(0 < total < 100, 2 ** 8, hex(255), isinstance(s, Sensor))
