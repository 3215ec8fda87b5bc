# attributes and special methods of built-in values: (3).real,
# "ab".__len__(), (5).__add__(2), f.__defaults__, "{0.real}".format(x)
n = 7
print(n.real, n.imag, n.numerator, n.denominator, (2.5).real, (2.5).imag, True.real)
print("{0.real} {1.imag}".format(4, 1.5))
print("abc".__len__(), "é".__len__(), [1, 2].__len__(), {"a": 1}.__contains__("a"), "abc".__contains__("z"))
print((5).__add__(2), (5).__radd__(2), (5).__sub__(7), (5).__rsub__(7), (2).__pow__(10), (7).__mod__(3), "%d!".__mod__(4))
print((5).__add__("x"), (1).__lt__("a"), (3).__eq__(3), (3).__ne__(4), (-4).__abs__(), (4).__neg__(), (2.7).__int__())
print("x".__repr__(), [1, "a"].__str__(), (1, 2).__hash__() == hash((1, 2)), (2.5).__round__(), (2.567).__round__(2))
it = [10, 20].__iter__()
print(it.__next__(), next(it), list("abc".__iter__()))
d = {}
d.__setitem__("k", 1)
print(d.__getitem__("k"), [5, 6, 7].__getitem__(-1), format(3.14159, ".2f") == (3.14159).__format__(".2f"))
lst = [1, 2, 3]
lst.__setitem__(0, 9)
lst.__delitem__(1)
print(lst)
print(sorted(["bb", "a", "ccc"], key=str.__len__), list(map((10).__add__, [1, 2])))
def f(a, b=2, *args, c=3, d, **kw):
    return a
def g(x):
    return x
print(f.__defaults__, f.__kwdefaults__, g.__defaults__, g.__kwdefaults__, f.__qualname__, f.__module__)
print((lambda x=1, y=2: 0).__defaults__)
try:
    print((3).nosuch)
except AttributeError as e:
    print("AttributeError:", e)
class Plain:
    pass
p, q = Plain(), Plain()
print(p.__eq__(p), p.__eq__(q), p.__ne__(q), p.__lt__(q), type(p.__hash__()).__name__)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        if not isinstance(o, Point):
            return NotImplemented
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return super().__hash__() if self.x < 0 else hash((self.x, self.y))
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "<" + super().__str__() + ">"
    def __round__(self, n=0):
        return Point(round(self.x, n), round(self.y, n))
    def __len__(self):
        return 2
a = Point(1.26, 2.71)
print(a == Point(1.26, 2.71), a.__eq__(5), a.__len__(), str(a), round(a), round(a, 1), hash(a) == hash((1.26, 2.71)))
r = Point(-1, 0)
print(r.__hash__() == r.__hash__() == hash(r), Point(-1, 0) == Point(-1, 0))
class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, o):
        return Money(self.c + (o.c if isinstance(o, Money) else o))
    __radd__ = __add__
    def __repr__(self):
        return "Money(%d)" % self.c
m = Money(5)
print(m.__add__(Money(2)), m.__radd__(1), sum([Money(1), Money(2)]))
