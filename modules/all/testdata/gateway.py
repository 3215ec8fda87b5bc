# One device program using the gateway modules together, as QuecPython
# documents them: a TCP echo round trip (usocket), an HTTP GET (request),
# a frame packed and checked (ustruct, ure), seeded random, a deque of
# readings, a sys_bus topic, a queue fed by an osTimer, a machine.Timer and
# a Pin toggled. SERVER is the loopback address the test serves on.
import sys
import usocket
import request
import ure
import ustruct
import urandom
import ucollections
import sys_bus
import queue
import osTimer
import utime
from machine import Pin, Timer

host, tcp_port, http_port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

sock = usocket.socket(usocket.AF_INET, usocket.SOCK_STREAM)
sock.connect(usocket.getaddrinfo(host, tcp_port)[0][-1])
sock.send(b'ping')
print('tcp', sock.recv(16))
sock.close()

r = request.get('http://%s:%d/status' % (host, http_port))
print('http', r.status_code, r.json()['state'])

frame = ustruct.pack('>BHf', 7, 513, 1.5)
print('struct', len(frame), ustruct.unpack('>BHf', frame))
m = ure.search(r'id=(\d+);t=([\d.]+)', 'dev id=42;t=21.5 ok')
print('re', m.group(1), float(m.group(2)))

urandom.seed(3)
a = [urandom.randint(1, 100) for i in range(3)]
urandom.seed(3)
print('random', a == [urandom.randint(1, 100) for i in range(3)], all(1 <= x <= 100 for x in a))

readings = ucollections.deque((), 3)
for v in range(5):
    readings.append(v)
print('deque', list(readings))
Point = ucollections.namedtuple('Point', ['x', 'y'])
print('namedtuple', Point(1, 2))

got = []
sys_bus.subscribe('alarm', lambda topic, msg: got.append((topic, msg)))
sys_bus.publish('alarm', 'hot')

q = queue.Queue()
t = osTimer()
t.start(20, 1, lambda arg: q.put('tick'))
print('queue', q.get(), q.get())
t.stop()

fired = []
timer = Timer(Timer.Timer1)
timer.start(period=20, mode=Timer.ONE_SHOT, callback=lambda tm: fired.append(1))

led = Pin(Pin.GPIO1, Pin.OUT, Pin.PULL_DISABLE, 0)
led.write(1 - led.read())
print('pin', led.read())

for i in range(100):
    if got and fired:
        break
    utime.sleep_ms(10)
print('sys_bus', got)
print('machine.Timer', fired)
