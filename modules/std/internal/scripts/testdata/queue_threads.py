# A sensor thread feeds a queue; the main thread drains it.
import _thread
import utime
import queue
import ucollections
import ujson

Reading = ucollections.namedtuple('Reading', ['seq', 'value'])
q = queue.Queue(4)
window = ucollections.deque((), 3)
done = []


def sensor(count):
    for i in range(count):
        q.put(Reading(i, i * 1.5))
    q.put(None)
    done.append(True)


_thread.start_new_thread(sensor, (6,))
total = 0
while True:
    r = q.get(timeout=5)
    if r is None:
        break
    window.append(r.value)
    total += r.value
    seq, value = r
    print(seq, value, r, list(window))
print(total, len(window), q.empty(), done)
try:
    q.get_nowait()
except queue.Empty:
    print('drained')
stats = ucollections.OrderedDict()
stats['count'] = 6
stats['total'] = total
print(ujson.dumps(stats), stats)
