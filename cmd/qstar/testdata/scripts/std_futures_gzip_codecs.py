import concurrent.futures as cf
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
import time, gzip, codecs, tempfile, os
def work(n):
    time.sleep(0.01 * (5 - n))
    return n * n
with ThreadPoolExecutor(max_workers=3) as ex:
    futs = [ex.submit(work, i) for i in range(5)]
    print(sorted(f.result() for f in as_completed(futs)))
    print(list(ex.map(work, range(4))))
    f = ex.submit(lambda: 1 / 0)
    print(type(f.exception()).__name__, f.done())
    done, not_done = wait(futs)
    print(len(done), len(not_done))
fut = cf.Future(); fut.set_result(5); print(fut.result(), fut.done(), fut.cancelled())
try:
    ex.submit(work, 1)
except RuntimeError as e:
    print("RuntimeError", e)
data = b"hello gateway " * 10
z = gzip.compress(data)
print(z[:2], gzip.decompress(z) == data, len(z) < len(data))
p = os.path.join(tempfile.mkdtemp(), "x.gz")
with gzip.open(p, "wt") as fh:
    fh.write("line1\nline2\n")
with gzip.open(p, "rt") as fh:
    print(fh.read().splitlines())
with gzip.open(p) as fh:
    print(fh.readline())
print(codecs.encode("hello", "rot13"), codecs.decode(b"68656c6c6f", "hex"), codecs.encode(b"hi", "hex"), codecs.decode(b"aGk=\n", "base64"), codecs.encode("é", "utf-8"), codecs.lookup("UTF8").name)
try:
    codecs.lookup("nope")
except LookupError as e:
    print("LookupError", e)
