# try/except/else/finally, raise, with, generators, loops with else.
class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, kind, value, tb):
        print("close", self.name, kind is not None)
        return False


def parse(s):
    try:
        n = int(s)
    except ValueError as e:
        print("bad:", e)
        return -1
    else:
        print("ok", n)
        return n
    finally:
        print("parsed", repr(s))


def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


def first_even(xs):
    for x in xs:
        if x % 2 == 0:
            break
    else:
        return None
    return x


parse("12")
parse("x")
with Resource("a") as r:
    print("using", r.name)
try:
    with Resource("b"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
print(list(countdown(3)))
g = countdown(1)
print(next(g))
try:
    next(g)
except StopIteration as stop:
    print("done:", stop.value)
print(first_even([1, 3, 4, 5]), first_even([1, 3]))
total = 0
for i in range(10):
    if i % 3:
        continue
    total += i
print("total", total)
