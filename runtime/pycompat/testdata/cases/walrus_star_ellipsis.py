# walrus in comprehensions binds in the enclosing scope; starred targets in
# comprehension for clauses; Ellipsis as a value
def running(rows):
    total = 0
    sums = [total := total + r for r in rows]
    return sums, total
print(running([1, 2, 3, 4]))

def last_big(xs):
    big = [y for x in xs if (y := x * 3) > 5]
    return big, y
print(last_big([1, 2, 3]))

def first_hit(xs):
    if any((hit := x) > 2 for x in xs):
        return hit
    return None
print(first_hit([1, 5, 7]), first_hit([0]))

print([(n, sq) for n in range(5) if (sq := n * n) % 2 == 0], sq)
counts = {k: (c := len(k)) for k in ["a", "bbb"]}
print(counts, c)

rows = [(1, 2, 3), (4, 5), (6,)]
print([rest for first, *rest in rows])
print({first: rest for first, *rest in rows})
print(sum(len(tail) for _, *tail in rows))
print([(a, z) for a, *_, z in [(1, 2, 3), (4, 5)]])
print([m for *init, m in rows if init])
print([x for row in [[1, 2, 3]] for x, *more in [row]])

x = ...
def stub(): ...
print(x, repr(...), stub(), x is Ellipsis, type(...).__name__, str(...), [...], bool(...))
d = {...: "e"}
print(d[...])
