package pycompat

import "testing"

const matchBenchCases = `
def dispatch(c):
    match c:
        case ["go", d]:
            return d
        case ["take", *items]:
            return len(items)
        case {"op": op}:
            return op
        case _:
            return None
def f():
    for c in [["go", "n"], ["take", 1, 2], {"op": 3}, 5]:
        dispatch(c)
`

const ifBenchCases = `
def dispatch(c):
    if type(c) == list and len(c) == 2 and c[0] == "go":
        return c[1]
    elif type(c) == list and len(c) >= 1 and c[0] == "take":
        return len(c) - 1
    elif type(c) == dict and "op" in c:
        return c["op"]
    return None
def f():
    for c in [["go", "n"], ["take", 1, 2], {"op": 3}, 5]:
        dispatch(c)
`

// BenchmarkMatchDispatch: four subjects through a four-case match.
func BenchmarkMatchDispatch(b *testing.B) { benchLoop(b, matchBenchCases) }

// BenchmarkIfDispatch: the same dispatch written as if/elif tests.
func BenchmarkIfDispatch(b *testing.B) { benchLoop(b, ifBenchCases) }
