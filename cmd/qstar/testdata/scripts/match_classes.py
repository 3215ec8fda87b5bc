# match against dataclasses and namedtuples (their __match_args__)
from dataclasses import dataclass, field
from collections import namedtuple

@dataclass
class Move:
    dx: int
    dy: int = 0
    tag: str = field(default="")

Pair = namedtuple("Pair", "left right")

def run(cmd):
    match cmd:
        case Move(0, 0):
            return "stay"
        case Move(dx, dy, tag="fast") if dx > 0:
            return f"dash {dx},{dy}"
        case Move(dx, dy):
            return f"move {dx},{dy}"
        case Pair(Move() as m, right=None):
            return "pair of " + run(m)
        case Pair(left, right):
            return f"pair {left} {right}"
    return "?"

print(Move.__match_args__, Pair.__match_args__)
for c in [Move(0), Move(2, 1, tag="fast"), Move(-1, 3), Pair(Move(1), None), Pair(1, 2), 5]:
    print(run(c))
