# f.__annotations__ in a file that reads it: the annotations evaluated
# when first read, in Python's order, 'return' last
def f(a: int, b: str = "x", *args: float, c: "Node" = None, **kw: dict) -> bool:
    return True
def g(x, y):
    pass
class K:
    def m(self, v: int) -> str:
        return str(v)
def none() -> None:
    pass
def deco(fn):
    def w(*a, **k):
        return fn(*a, **k)
    w.__wrapped__ = fn
    return w
@deco
def dd(z: float) -> float:
    return z
print(f.__annotations__)
print(g.__annotations__, K.m.__annotations__, K().m.__annotations__, none.__annotations__)
print(dd.__wrapped__.__annotations__, f(1), dd(2.0), f.__defaults__, K().m(3))
