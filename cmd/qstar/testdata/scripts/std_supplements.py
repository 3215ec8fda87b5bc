from collections import ChainMap, UserDict, UserList, UserString, deque, Counter
import functools, operator, string, math, json, time, textwrap, dataclasses, random
from typing import TypedDict
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.new_child({"c": 4})["c"], dict(cm.parents), "b" in cm)
class D(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
d = D(a=1); d["b"] = 2; print(d, len(d), d["a"], list(d.items()), D.fromkeys("xy", 0))
ul = UserList([3, 1, 2]); ul.sort(); ul.append(9); print(ul, ul[1:], len(ul), ul + [0])
us = UserString("Hello"); print(us.upper(), len(us), us + "!", us[1:3])
print(deque([1, 2]), Counter("aab").most_common(1))
class A:
    def __init__(self): self.v = 0
    def set(self, x): self.v = x
    set5 = functools.partialmethod(set, 5)
a = A(); a.set5(); print(a.v)
@functools.singledispatch
def show(x): return "object"
@show.register(int)
def _(x): return "int %d" % x
@show.register(list)
def _(x): return "list of %d" % len(x)
print(show(1), show([1, 2]), show("s"), show(True))
print(operator.iadd([1], [2]), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.ior({1}, {2}))
f = string.Formatter()
class O: real = 3
print(f.format("{0}-{name}-{1:>4}|{x[0]}|{o.real}", "a", 7, name="N", x=[9], o=O()), list(f.parse("a{b}c")))
print(math.lcm(4, 6, 10), math.cbrt(8), math.cbrt(-64), math.exp2(3), math.nextafter(1.0, 2.0) > 1.0, math.ulp(1.0))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1}}, cls=Enc), json.dumps([1], indent=None), json.loads('{"a": 1}', object_hook=lambda d: list(d)))
try:
    json.dumps({"x": object()})
except TypeError as e:
    print("TypeError", str(e)[:20])
print(json.JSONDecoder(object_hook=lambda d: d.get("a")).decode('{"a": 5}'))
w = textwrap.TextWrapper(width=20, initial_indent="* ")
print(w.wrap("The quick brown fox jumps over the lazy dog"), w.fill("short"))
print(time.asctime((2024, 2, 29, 13, 5, 9, 3, 60, 0)), time.strptime("2024-02-29", "%Y-%m-%d")[:3], time.perf_counter_ns() > 0)
P = dataclasses.make_dataclass("P", [("x", int), ("y", int, dataclasses.field(default=0))])
print(P(1), P(1, 2) == P(1, 2))
class Movie(TypedDict):
    title: str
    year: int
m = Movie(title="X", year=1)
Pt = TypedDict("Pt", {"x": int})
print(m, type(m).__name__, Pt(x=1))
sr = random.SystemRandom(); print(0 <= sr.random() < 1, sr.randint(1, 1), 0 <= random.betavariate(2, 3) <= 1)
