package pyfunc_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"

	_ "github.com/qstar-dev/qstar/modules/std/pyfunc"
)

func TestFunctoolsMatchesCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `import functools
from functools import reduce, partial, wraps, lru_cache, cmp_to_key
print(reduce(lambda a, b: a * b, range(1, 8)), reduce(lambda a, b: a + b, [], 10))
try:
    reduce(max, [])
except TypeError as e:
    print("TypeError", e)
to_int = partial(int, base=16)
print(to_int("ff"), partial(pow, 2)(8))
def trace(fn):
    @wraps(fn)
    def inner(*a):
        inner.calls += 1
        return fn(*a)
    inner.calls = 0
    return inner
@trace
def double(x):
    return 2 * x
print(double(4), double(5), double.__name__, double.calls)
@lru_cache(maxsize=None)
def stairs(n):
    return 1 if n < 2 else stairs(n - 1) + stairs(n - 2)
print(stairs(90))
@functools.cache
def sq(n):
    return n * n
print(sq(12), sq(12))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
`)
}

func TestOperatorAndHeapqMatchCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `import operator, heapq
from operator import itemgetter, attrgetter
rows = [("b", 2, 9), ("a", 2, 1), ("c", 1, 5)]
print(sorted(rows, key=itemgetter(1, 0)), list(map(itemgetter(-1), rows)))
class P:
    def __init__(self, n): self.n = n
print([p.n for p in sorted([P(3), P(1)], key=attrgetter("n"))])
print(operator.add(2, 3), operator.mul("ab", 2), operator.floordiv(7, 2), operator.neg(4), operator.lt(1, 2))
print(operator.methodcaller("upper")("q"), operator.contains([1, 2], 2))
h = []
for x in [7, 3, 9, 1, 5, 3]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(len(h))])
jobs = [(3, "c"), (1, "a"), (2, "b")]
heapq.heapify(jobs)
print(jobs[0], heapq.heappushpop(jobs, (0, "z")), heapq.heapreplace(jobs, (9, "y")), sorted(jobs))
print(heapq.nlargest(3, [4, 8, 1, 9, 2]), heapq.nsmallest(2, "qstar"), heapq.nlargest(1, rows, key=lambda r: r[2]))
`)
}

func TestItertoolsMatchesCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `import itertools as it
print(list(it.islice(it.count(10, 5), 3)), list(it.islice("abcdefg", 1, 6, 2)))
c = it.cycle([1, 2])
print([next(c) for _ in range(5)], list(it.repeat("x", 2)))
print(list(it.chain("ab", [1])), list(it.chain.from_iterable([[1], [2, 3]])))
print(list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(it.accumulate([1, 2, 3])), list(it.accumulate([3, 1, 4], max)), list(it.accumulate([1], initial=5)))
print([(k, list(g)) for k, g in it.groupby("aabccc")], [k for k, _ in it.groupby([1, 3, 2, 4], key=lambda n: n % 2)])
print(list(it.permutations("abc", 2)), list(it.combinations(range(4), 3)))
print(list(it.combinations_with_replacement("ab", 2)), list(it.product([0, 1], repeat=2)))
print(list(it.zip_longest([1, 2, 3], "a", fillvalue=0)), list(it.starmap(max, [(1, 5), (7, 2)])))
print(list(it.compress("abc", [1, 0, 1])), list(it.filterfalse(None, [0, 1, 2])), list(it.pairwise("abc")))
def gen():
    n = 0
    while True:
        yield n
        n += 1
print(list(it.islice(gen(), 4)), sum(it.islice(it.count(), 100)))
`)
}

func TestTotalOrderingMatchesCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `import functools
@functools.total_ordering
class V:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
    def __repr__(self): return 'V(%d)' % self.n
@functools.total_ordering
class G:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __ge__(self, o): return self.n >= o.n
a, b, c = V(1), V(2), V(1)
print(a <= b, a <= c, a > b, b > a, a >= c, b >= a, a >= b, sorted([b, a, c]))
x, y = G(1), G(2)
print(x < y, y < x, x < G(1), x <= y, y <= x, x <= G(1), y > x, x > G(1))
`)
}
