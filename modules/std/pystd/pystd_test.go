package pystd_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"

	_ "github.com/qstar-dev/qstar/modules/std/pystd"
)

func TestTypingStringBisectCopyMatchCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `from typing import List, Dict, Optional, Tuple, Any
import string, bisect, copy
Vector = List[float]
def total(xs: List[int], default: Optional[int] = None) -> int:
    return sum(xs)
print(total([1, 2]), Vector)
print(string.ascii_lowercase[:5], string.digits, string.capwords("hello big world"), len(string.punctuation))
a = [1, 3, 5, 7]
print(bisect.bisect_left(a, 5), bisect.bisect_right(a, 5), bisect.bisect(a, 0))
bisect.insort(a, 4)
print(a)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
n = [[1, 2], {"k": [3]}]
s = copy.copy(n)
d = copy.deepcopy(n)
n[0].append(9)
n[1]["k"].append(4)
print(s, d)
from typing import TypeVar, cast
T = TypeVar("T")
print(cast(int, "x"), bisect.bisect_left([(1, "a"), (3, "c")], (2, "")), copy.copy({1, 2}) == {1, 2})
`)
}

func TestDataclassesMatchCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass, FrozenInstanceError
from typing import List, ClassVar
@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: List[str] = field(default_factory=list)
    hidden: int = field(default=0, repr=False)
    count: ClassVar[int] = 0
    def total(self):
        return self.price * self.qty
i = Item("pen", 1.5, qty=4)
i.tags.append("x")
print(i, i.total(), Item("a", 1) == Item("a", 1), Item("a", 1) == Item("b", 1), Item("b", 2).tags)
print(asdict(i), astuple(i), [f.name for f in fields(Item)], replace(i, name="ink"), is_dataclass(i), is_dataclass(3), Item.count)
@dataclass(frozen=True)
class Pt:
    x: int
    y: int = 0
p = Pt(1)
print(p, hash(p) == hash(Pt(1, 0)), {p: 1}[Pt(1)])
try:
    p.x = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
@dataclass(order=True)
class Ver:
    major: int
    minor: int
print(sorted([Ver(1, 2), Ver(0, 9), Ver(1, 0)]), Ver(1, 0) < Ver(1, 1), Ver(2, 0) >= Ver(1, 9))
@dataclass
class Node:
    val: int
    next: "Node" = None
    def __post_init__(self):
        self.double = self.val * 2
@dataclass
class Leaf(Node):
    label: str = "leaf"
n = Leaf(3, label="x")
print(n, n.double, asdict(Node(1, Node(2))))
try:
    Item("x")
except TypeError as e:
    print(e)
try:
    Item("x", 1, 2, [], 0, 9)
except TypeError as e:
    print(e)
`)
}

func TestDeepcopyOfObjects(t *testing.T) {
	stdtest.SamePyOutput(t, `import copy
class Cfg:
    def __init__(self):
        self.opts = {"x": [1]}
        self.me = self
o = Cfg()
d, s = copy.deepcopy(o), copy.copy(o)
d.opts["x"].append(2)
s.extra = 1
print(o.opts, d.opts, d.me is d, type(d).__name__, hasattr(o, "extra"), s.opts is o.opts)
`)
}

func TestEnumMatchesCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `from enum import Enum, IntEnum, Flag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self): return self.name.lower()
print(Color.RED, repr(Color.GREEN), Color.RED.name, Color.RED.value, Color(2), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED in Color, [c.describe() for c in Color], list(Color.__members__), {Color.RED: 'r'}[Color(1)])
try:
    Color(9)
except ValueError as e:
    print(e)
class Status(IntEnum):
    OK = 200
    NOT_FOUND = 404
print(Status.OK == 200, Status.NOT_FOUND + 1, Status(404).name, sorted([Status.NOT_FOUND, Status.OK]), str(Status.OK), f"{Status.OK}")
@unique
class Dir(Enum):
    N = auto()
    S = auto()
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
print(Dir.N.value, Dir.S.value, Perm.X.value, Perm.R | Perm.W, bool(Perm.R & Perm.W), (Perm.R | Perm.W) & Perm.W)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value, isinstance(Planet.EARTH, Planet), type(Color.RED).__name__)
class Plain:
    pass
for bad in (lambda: [x for x in Plain], lambda: len(Plain), lambda: [x for x in Plain()]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
`)
}
