# gaps found running ordinary Python programs: an escaped '-' or '^'
# inside a character set, math.dist, functools.update_wrapper on a
# callable object, enum.Flag membership, abc.ABC with abstract methods
import re, math, functools
from enum import Flag
print(re.findall(r"[+\-*/=()]", "x = (3 + 4) - 2 * 1 / 5"))
print(re.findall(r"[a\-z]+", "a-z-q"), re.findall(r"[\^x]", "a^x"), re.split(r"[\s\-]+", "a - b-c  d"))
print(re.sub(r"[\[\]{}]", "", "[a]{b}"), re.findall(r"[\w\-.]+@[\w\-.]+", "mail joe-x@a-b.com now"))
print(math.dist((0, 0), (3, 4)), math.dist([1, 1, 1], [2, 2, 2]), math.dist((1.5,), (-1.5,)))
try:
    math.dist((1, 2), (1, 2, 3))
except ValueError as e:
    print("ValueError:", e)
class Counted:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)
@Counted
def double(x):
    """Twice x."""
    return 2 * x
print(double(4), double(5), double.calls, double.__name__, double.__doc__, double.__wrapped__(1))
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(Perm.R in rw, Perm.X in rw, Perm.R | Perm.W | Perm.X in rw, rw.value)
from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @property
    @abstractmethod
    def name(self):
        ...
    def describe(self):
        return "%s: %.2f" % (self.name, self.area())
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class NamedSquare(Square):
    @property
    def name(self):
        return "square"
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
for cls in (Square, NamedSquare):
    try:
        print(cls(2).describe())
    except TypeError as e:
        print("TypeError:", e)
class NotABC:
    @abstractmethod
    def run(self):
        return "ran anyway"
print(NotABC().run())
from enum import Enum, IntEnum, IntFlag
class Color(str, Enum):
    RED = "red"
    BLUE = "blue"
class Num(int, Enum):
    ONE = 1
class Level(IntEnum):
    LOW = 1
class Bits(IntFlag):
    A = 1
print(Color.BLUE, str(Color.RED), f"{Color.RED}", repr(Color.RED), [Color.BLUE], Color.RED == "red", Color("blue") is Color.BLUE)
print(Num.ONE, f"{Num.ONE}", Num.ONE + 1, Level.LOW, f"{Level.LOW}", repr(Level.LOW))
print(Color, Level, Bits, type(Color.RED), Enum)
class Polite(str, Enum):
    HI = "hi"
    def __str__(self):
        return self.value.upper()
print(Polite.HI, f"{Polite.HI}")
from typing import List, Optional
def typed(p: List[int], q: Optional[str] = None) -> None: ...
def wrapping(fn):
    @functools.wraps(fn)
    def w(*a, **k):
        return fn(*a, **k)
    return w
@wrapping
def wrapped_fn(z: float) -> float:
    return z
print(typed.__annotations__, wrapped_fn.__annotations__, wrapped_fn(1.5))
print(1.05 ** 10, math.sin(math.pi), math.tan(math.pi / 4), math.log(3), math.exp(math.log(5)), math.acos(0.5), math.hypot(546588.2812379024, 3.5), math.log10(1234.5))
import json
try:
    json.loads('{"a": 1,\n bad}')
except json.JSONDecodeError as e:
    print(e.msg, e.pos, e.lineno, e.colno, repr(e.doc), isinstance(e, ValueError))
from collections import Counter
a, b = Counter("aabbbc"), Counter("abbd")
print(a & b, a | b, b & a, b | a, Counter(x=3) & Counter(x=1), Counter() | Counter("z"))
from types import SimpleNamespace
ns = SimpleNamespace(a=1, b="two")
ns.c = [3]
print(ns, ns.a, vars(ns), ns == SimpleNamespace(a=1, b="two", c=[3]), ns != SimpleNamespace(), type(ns).__name__, isinstance(ns, SimpleNamespace))
del ns.a
print(ns, hasattr(ns, "a"), getattr(ns, "b"), SimpleNamespace())
try:
    hash(ns)
except TypeError as e:
    print("TypeError", e)
import pprint
data = {"zeta": [1, 2, 3], "alpha": {"nested": list(range(25)), "k": ("a", "b")}, "mid": "x" * 30, "t": (1,), "n": None}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint([{"id": i, "name": "item%d" % i, "tags": ["a", "b", "c"]} for i in range(4)])
print(pprint.pformat({"b": 1, "a": 2}), pprint.pformat({"b": 1, "a": 2}, sort_dicts=False))
pprint.pprint([[1, 2, 3] * 5, (4, 5, 6) * 6, "short"])
pprint.pprint({"key%d" % i: i * 1.5 for i in range(12)})
