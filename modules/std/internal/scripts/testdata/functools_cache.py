from functools import cached_property, lru_cache, cache
class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        print("computing area")
        return round(3.14 * self.r ** 2, 2)
c = Circle(2)
print(c.area, c.area, "area" in c.__dict__)
c.area = 1
print(c.area)
@lru_cache(maxsize=2)
def sq(n):
    return n * n
for n in [1, 2, 1, 3, 2, 1]:
    sq(n)
info = sq.cache_info()
print(info, info.hits, info.misses, info.maxsize, info.currsize)
@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info())
@cache
def f(x):
    return x
f(1); f(1)
print(f.cache_info())
sq.cache_clear()
print(sq.cache_info())
