# a script's own names that the translator's helpers also use (_format,
# _get, _split, _count, _g) and Starlark's keyword load keep working,
# also by string (getattr, hasattr, __slots__, __dict__)
class Cache:
    __slots__ = ("_data", "_count", "load")
    def __init__(self):
        self._data = {"a": 1}
        self._count = 0
        self.load = lambda: "loaded"
    def _get(self, k):
        return "private " + k
    def _format(self, v):
        return "<%s>" % v
    def lookup(self, k):
        self._count += 1
        return self._data.get(k, 0), self._get(k), self._format(f"{k:>3}"), "a,b".split(","), self._count
c = Cache()
print(c.lookup("a"), hasattr(c, "_get"), getattr(c, "_format")("z"), c.load(), getattr(c, "load")())
class Ext:
    def load(self):
        return "ext loaded"
    def _items(self):
        return "mine"
    def run(self, d):
        return list(d.items()), self._items(), d.copy()
e = Ext()
print(hasattr(e, "load"), getattr(e, "load")(), e.run({"k": 1}), sorted(k for k in dir(e) if not k.startswith("__")))
def _split(s):
    return ["mine"]
def _join(a, b):
    return a + b
print("a b".split(), _split("x"), "-".join(["p", "q"]), _join("p", "q"))
def outer(_count=2):
    s = "aaa"
    return s.count("a"), _count, f"{_count}"
print(outer(), outer(_count=7))
_g = "user g"
def bump():
    global _g
    _g = _g + "!"
bump()
print(_g)
f = lambda: 1
def g():
    "g's doc"
print(hasattr(f, "__name__"), getattr(f, "__name__", None), getattr(g, "__doc__"), hasattr(g, "__module__"), hasattr(g, "nope"))
class S:
    def __setitem__(self, k, v):
        print("set", k, v)
    def __delitem__(self, k):
        print("del", k)
s = S()
s[1:3] = [5]
del s[1:2]
s[::2] = "x"
