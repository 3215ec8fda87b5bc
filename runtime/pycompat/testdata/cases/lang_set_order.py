# sets of ints, floats and tuples print and iterate in CPython's hash
# table order, not in insertion order
print({3, 1, 2}, set([5, 4, 3]), {x % 7 for x in range(20, 0, -1)}, {10, 2, 33, 1000})
s = set()
for v in (100, 7, 64, -5, 2 ** 70, -1, 33):
    s.add(v)
print(s, len(s))
for x in {30, 20, 10}:
    print(x, end=" ")
print()
print(list({9, 8, 1}), tuple({300, 200, 100}), [y * 2 for y in {40, 20, 10}], sorted({5, 3}))
print(set(t for t in [(2, 1), (0, 0), (1, 5), (-1, 3)]), {2.5, 0.5, 1.0, -3.25}, frozenset({50, 17, 33}))
print(list(enumerate({16, 8, 0})), {x: x * x for x in {12, 4, 8}})
big = {n * 37 % 101 for n in range(60)}
print(big)
p = {17, 9, 1}
print(p.pop(), p.pop(), p)
print({True, 2, 0}, set(range(10, 0, -3)), {-3, -2, -1, 0})
words = {"only", "one"} if False else {"x"}
print(words)
