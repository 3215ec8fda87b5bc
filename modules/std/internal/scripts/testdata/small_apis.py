class DefaultDict(dict):
    def __missing__(self, k):
        self[k] = v = k * 2
        return v
dd = DefaultDict(a=1)
print(dd[3], dd["a"], dd, 3 in dd, dd.get(9))
class Person:
    def __init__(self):
        self._name = "ann"
    @property
    def name(self):
        "The person's name."
        return self._name
    @name.setter
    def name(self, v):
        self._name = v
    @name.deleter
    def name(self):
        print("deleting")
        self._name = None
p = Person()
p.name = "bob"
del p.name
print(p._name, Person.name.__doc__, Person.name.fdel is not None)
class RO:
    x = property(lambda self: 1, doc="read only")
try:
    del RO().x
except AttributeError as e:
    print(e)
print(RO.x.__doc__)
class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError("must be positive")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
class Item:
    qty = Positive()
    price = Positive()
    def __init__(self, q, p):
        self.qty, self.price = q, p
it = Item(2, 5)
print(it.qty * it.price)
try:
    it.qty = -1
except ValueError as e:
    print(e)
del it.qty
fs = frozenset([1, 2])
print(fs, {fs: "ok"}[frozenset([2, 1])], frozenset(), repr(frozenset("a")), type(fs).__name__)
print(fs | {3}, fs & {2, 9}, fs - {1}, fs ^ {2, 5}, {0} | fs, sorted(fs), len(fs), 2 in fs, 7 in fs)
print(fs.union([4]), fs.intersection({1}), fs.issubset({1, 2, 3}), fs.issuperset([1]), fs.isdisjoint({5}), fs.copy() == fs)
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s), frozenset([1]) in s, isinstance(fs, frozenset), fs == frozenset([2, 1]), fs <= frozenset([1, 2, 3]))
try:
    fs.add(3)
except AttributeError as e:
    print(e)
print({frozenset({1, 2}): 1, frozenset(): 2})
print(b"%d-%s" % (5, b"x"), b"%05.1f|%x|%r" % (2.5, 255, b"q"), b"%-4s|%4b|" % (b"ab", bytearray(b"cd")), b"%c%c" % (65, b"B"), b"100%%" % ())
print(b"%(a)s=%(b)d" % {b"a": b"k", b"b": 3} if False else b"[%s]" % b"\xff\x00")
for bad in [lambda: b"%s" % "str", lambda: b"%s" % 5, lambda: b"%c" % 300, lambda: b"%d %d" % (1,)]:
    try:
        print(bad())
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(pow(3, -1, 7), pow(3, -2, 7), pow(38, -1, 97), pow(-3, -1, 7), pow(3, -1, -7), pow(5, -1, 1), pow(2, -1, 10**30 + 1))
for a in [(2, -1, 4), (0, -1, 5), (3, -1, 0), (3.0, -1, 7)]:
    try:
        print(pow(*a))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
a = frozenset([1, 2])
print(a == {1, 2}, {1, 2} == a, a != {1}, a <= {1, 2, 3}, {1} < a, a == frozenset([2, 1]), a == 3, {a: 1}[frozenset({1, 2})])
