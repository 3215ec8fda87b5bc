# A vendor-style script: QuecPython's standard modules through the Python front end.
import utime
import ujson
import ubinascii
import uhashlib
import _thread

lock = _thread.allocate_lock()
count = 0


def worker(n):
    global count
    for i in range(n):
        lock.acquire()
        v = count
        utime.sleep_ms(1)
        count = v + 1
        lock.release()


_thread.start_new_thread(worker, (10,))
_thread.start_new_thread(worker, (10,))
while count < 20:
    utime.sleep_ms(5)
print("count", count)

data = ujson.dumps({"temp": 21.5, "ok": True})
print(data, ujson.loads(data)["temp"])

h = uhashlib.sha256()
h.update(b"abc")
print(ubinascii.hexlify(h.digest()).decode()[:16])

try:
    ujson.loads("{bad")
except ValueError as e:
    print("ValueError:", e)
