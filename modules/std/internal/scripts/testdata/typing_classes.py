from typing import NamedTuple, Generic, TypeVar, Protocol, List
T = TypeVar("T")
class Emp(NamedTuple):
    """An employee."""
    name: str
    dept: str = "eng"
    level: int = 1
    def badge(self):
        return f"{self.name}@{self.dept}"
    def promote(self, by=1):
        return self._replace(level=self.level + by)
e = Emp("ann")
print(e, e.badge(), e.promote(), e.promote(by=2).level, e._replace(dept="ops"), Emp._fields, tuple(e) == ("ann", "eng", 1))
print(Emp("bob", "ops", 3), len(e), e[0], tuple(e), e._asdict(), Emp._make(["c", "d", 2]), sorted([Emp("z"), Emp("a")]))
name, dept, level = e
print(name, dept, level, isinstance(e, tuple), isinstance(e, Emp), Emp.__name__)
try:
    Emp()
except TypeError as err:
    print("TypeError", err)
try:
    class Bad(NamedTuple):
        a: int = 0
        b: int
except TypeError as err:
    print("TypeError", err)
P = NamedTuple("P", [("x", int), ("y", int)])
print(P(1, 2), P(x=3, y=4).y)
class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
    def get(self) -> T:
        return self.item
class Pair(Box[int]):
    pass
class Closer(Protocol):
    def close(self) -> None: ...
b = Box(5)
print(b.get(), Pair(3).get(), isinstance(Pair(1), Box), type(b).__name__, Closer.__name__)
