# generator expressions in odd places: defaults, lambdas, class bodies, f-strings
xss = [[1, 0], [2, 3], []]
print([any(y > 2 for y in xs) for xs in xss], [list(y * 2 for y in xs) for xs in xss])
def f(g=(c for c in 'ab')):
    return next(g)
print(f())
h = lambda xs: (x + 1 for x in xs)
print(list(h([1, 2])))
class K:
    vals = list(v * 3 for v in range(3))
    first = next(v for v in range(5) if v > 1)
print(K.vals, K.first)
d = {'g': (i for i in range(2))}
print(list(d['g']))
print(f"{sum(x for x in range(4))}")
def outer():
    base = 10
    return [next(b + i for i in range(3)) for b in (base, base * 2)]
print(outer())
try:
    r = all(int(s) for s in ['1', 'x'])
except ValueError as e:
    print('all caught', e)
print(max((len(w) for w in ['a', 'bbb']), default=0), min((w for w in []), default='none'))


class Stats:
    def max(self, values):
        return next(values), 'first of', type(values).__name__


print(Stats().max(v for v in [4, 9]), ' '.join(w for w in ['x', 'y']))
