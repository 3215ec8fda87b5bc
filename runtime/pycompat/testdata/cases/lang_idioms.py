a = [1, 2, 3]
del a[0], a[0]
print(a)
def f():
    b = [1, 2]
    return (*b, 3)
print(f())
*c, = range(3)
print(c)
print("%(name)s is %(age)d" % {"name": "x", "age": 3})
print(1_000_000, 0b1010, 0o17, 0x1F, 1e-3, .5, 5., 1_0.5)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("v") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
x = y = [0, 0]
x[0], x[1] = 5, 6
print(y)
print(rb"\n", Rb'\t', f"{ {'k': 1}['k'] }", f'{"q"}')
print("{a}-{b}".format_map({"a": 1, "b": 2}))
g = (i for i in range(3))
print(next(g), list(g))
print([(i, j) for i in range(3) for j in range(i) if i != j])
def kwonly(a, *, b=2, **rest):
    return a, b, rest
print(kwonly(1, b=3, c=4))
print(sorted({"b": 1, "a": 2}.items(), key=lambda kv: -kv[1]))
class A:
    __slots__ = ("x",)
    def __init__(self): self.x = 1
print(A().x)
print(isinstance(True, int), True + 1, int("0x1f", 16), round(2.675, 2), divmod(-7, 2))
print(list(map(str.upper, ["a", "b"])), "".join(reversed("abc")), max("abc", key=ord))
s = {1, 2}; s |= {3}; print(s, s & {1, 3}, s - {1})
print(type(...), ... is Ellipsis)
while True:
    break
else:
    print("no")
print([*range(2), *"ab"], {**{"a": 1}, "b": 2})
print(f"{3.14159:.2f}", f"{42:08b}", f"{1234567:,}", f"{'x':*^5}")
def g():
    yield *[1], 2
print(list(g()))
x = *"ab", *"cd"
print(x)
first, *rest = 1, 2, 3
print(first, rest)
