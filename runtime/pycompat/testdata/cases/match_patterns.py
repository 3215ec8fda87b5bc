# match statement: every pattern kind, compared with CPython
class Color:
    RED = 1
    GREEN = 2

def lit(v):
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case "hi" | "hello":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case Color.RED:
            return "red"
        case _:
            return "other"

print([lit(v) for v in [0, -1, 2.5, "hi", "hello", True, 1, None, Color.RED, Color.GREEN, False]])

def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y] if x == y:
            return f"pair of {x}"
        case (first, *middle, last):
            return f"{first}..{middle}..{last}"
        case str(s):
            return "string " + s
    return "no"

print([seq(v) for v in [[], [7], (3, 3), [1, 2], (1, 2, 3, 4), "ab", 5, {"a": 1}]])

def star_wild(v):
    match v:
        case [1, *_]:
            return "starts with 1"
        case [*_, 9]:
            return "ends with 9"
        case [_, _, *rest]:
            return f"rest {rest}"
    return "none"

print(star_wild([1, 5]), star_wild([3, 9]), star_wild([4, 5, 6, 7]), star_wild([4]))

def mapping(v):
    match v:
        case {"op": "add", "args": [a, b]}:
            return a + b
        case {"op": "neg", "arg": a, **rest}:
            return (-a, sorted(rest))
        case {}:
            return "a dict"
        case _:
            return None

print(mapping({"op": "add", "args": [2, 3]}), mapping({"op": "neg", "arg": 4, "x": 1, "y": 2}),
      mapping({"z": 0}), mapping([1]))

class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

class Line:
    def __init__(self, a, b):
        self.a = a
        self.b = b

def cls(v):
    match v:
        case Point(0, 0):
            return "origin"
        case Point(x, y=0) as p:
            return f"x axis {x} {p.y}"
        case Line(a=Point(x1, _), b=Point(x2, _)) if x1 == x2:
            return f"vertical at {x1}"
        case Line():
            return "a line"
        case int(n) | float(n):
            return f"number {n}"
        case bool():
            return "unreachable"
    return "?"

print([cls(v) for v in [Point(0, 0), Point(4, 0), Line(Point(1, 2), Point(1, 5)), Line(Point(1, 2), Point(3, 4)), 3, 2.0, "s"]])

def nested(cmd):
    match cmd.split():
        case ["go", ("north" | "south") as d]:
            return "vertical " + d
        case ["go", d]:
            return "go " + d
        case ["drop", *items] if items:
            return "drop " + ",".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case other:
            return f"unknown {other}"

print([nested(c) for c in ["go north", "go east", "drop a b", "drop", "exit", ""]])

# bindings stay visible after the match, at module level too
match (1, 2):
    case (a, b):
        pass
print(a, b)

# open sequence pattern and a loop with break/continue inside cases
for item in [(1, "a"), (2, "b"), (0, "stop"), (3, "c")]:
    match item:
        case 0, _:
            print("stop")
            break
        case n, s if n % 2 == 0:
            print("even", s)
            continue
        case n, s:
            print("odd", s)

# match and case remain ordinary names
match = {"case": 1}
case = match["case"]
print(match, case)
def match_fn(match, case=2):
    return match + case
print(match_fn(1))

# a failed match binds nothing new and runs no case
def nomatch(v):
    r = "unchanged"
    match v:
        case [x, y, z]:
            r = "three"
    return r

print(nomatch([1, 2]), nomatch([1, 2, 3]))

# a tuple subject, a match inside a generator and inside try
p, q = 1, 2
match p, q:
    case 1, second:
        print("tuple subject", second)

def doubled(items):
    for it in items:
        match it:
            case int(n):
                yield n * 2
            case _:
                try:
                    yield int(it)
                except ValueError:
                    yield -1
print(list(doubled([1, "2", "x"])))

def first_of(v):
    try:
        match v:
            case [head, *_]:
                r = head
            case _:
                r = None
    except Exception:
        r = "err"
    return r
print(first_of([5, 6]), first_of(3))
