# generator expressions: lazy where it matters, eager where it is drained
calls = []


def probe(x):
    calls.append(x)
    return x * 10


lazy = (probe(x) for x in [1, 2, 3])
print('made', calls)
print(next(lazy), calls)
print(list(lazy), calls)


def naturals():
    n = 1
    while True:
        yield n
        n += 1


odd_squares = (n * n for n in naturals() if n % 2)
print([next(odd_squares) for _ in range(4)])

words = ['alpha', 'beta', 'gamma']
print(sum(len(w) for w in words), any(w.startswith('b') for w in words), all(len(w) > 4 for w in words))
print(max(len(w) for w in words), min(w for w in words), sorted(w[::-1] for w in words))
print(', '.join(w.upper() for w in words), tuple(w[0] for w in words), set(len(w) for w in words) == {4, 5})
print(dict((w, len(w)) for w in words))
pairs = ((a, b) for a in range(3) for b in range(a))
print(list(pairs))
print(next((w for w in words if 'm' in w), 'none'), next((w for w in words if 'z' in w), 'none'))
first_big = next(n for n in naturals() if n * n > 50)
print(first_big)
print(any(n > 100 for n in naturals()))
nested = (sum(x for x in range(n)) for n in range(5))
print(list(nested))
total = 0
for v in (x * 2 for x in range(4)):
    total += v
print(total)
