import queue
import threading
import time

results = []
lock = threading.Lock()

def worker(n, delay):
    time.sleep(delay)
    with lock:
        results.append(n)

threads = [threading.Thread(target=worker, args=(i, 0.05 * (3 - i))) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), results)
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())

class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__(name="counter-%d" % n)
        self.n = n
        self.total = 0
    def run(self):
        for i in range(self.n):
            self.total += i

c = Counter(100)
print(c.is_alive())
c.start()
c.join()
print(c.name, c.total, c.is_alive())

ev = threading.Event()
def waiter():
    print("waiting", ev.is_set())
    ev.wait()
    print("woke", ev.is_set())
w = threading.Thread(target=waiter)
w.start()
time.sleep(0.05)
ev.set()
w.join()
print(ev.wait(0.01))

cond = threading.Condition()
items = []
def consumer():
    with cond:
        cond.wait_for(lambda: len(items) >= 2)
        print("got", items)
cth = threading.Thread(target=consumer)
cth.start()
for i in range(2):
    time.sleep(0.02)
    with cond:
        items.append(i)
        cond.notify()
cth.join()

sem = threading.BoundedSemaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release(); sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError", e)

rl = threading.RLock()
with rl:
    with rl:
        print("reentrant ok")

fired = []
t = threading.Timer(0.05, lambda: fired.append(1))
t.start(); t.join()
t2 = threading.Timer(10, lambda: fired.append(2))
t2.start(); t2.cancel(); t2.join()
print(fired)

loc = threading.local()
loc.x = 1
def setx():
    loc.x = 2
    print("in thread", loc.x)
th = threading.Thread(target=setx); th.start(); th.join()
print("main", loc.x)
print(threading.active_count())
b = threading.Barrier(3)
out = []
def arrive(i):
    b.wait()
    out.append(i)
ts = [threading.Thread(target=arrive, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out))
t = threading.Thread(target=lambda: None)
print(repr(t).split(",")[0])
try:
    t.join()
except RuntimeError as e:
    print(e)
q = queue.Queue()
def producer():
    for i in range(5):
        q.put(i)
        time.sleep(0.01)
    q.put(None)
def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        print("consumed", item)
p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start(); c.start(); p.join(); c.join()

def forever():
    while True:
        time.sleep(0.05)
d = threading.Thread(target=forever, daemon=True)
d.start()
print(d.daemon, d.is_alive())

def boom():
    raise ValueError("bad thing")
b = threading.Thread(target=boom, name="boomer")
b.start(); b.join()
print("main exits")
