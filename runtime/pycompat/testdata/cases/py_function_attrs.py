# functions take attributes, as CPython's do (counters and caches on decorators)
def counted(fn):
    def wrapper(*args):
        wrapper.calls += 1
        return fn(*args)
    wrapper.calls = 0
    return wrapper
@counted
def square(x):
    return x * x
print(square(3), square(4), square.calls)
def memo(fn):
    def inner(n):
        if n not in inner.cache:
            inner.cache[n] = fn(n)
        return inner.cache[n]
    inner.cache = {}
    return inner
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
def tagged():
    return "t"
tagged.label = "demo"
print(tagged(), tagged.label, tagged.__name__, getattr(tagged, "missing", None))
