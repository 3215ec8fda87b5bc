# generator expressions with tuple targets, and chained comparisons inside them
pairs = [(1, 2), (3, 4), (5, 0)]
print(all(a < b for a, b in pairs), any(a > b for a, b in pairs))
lazy = (a * b for a, b in pairs)
print(next(lazy), list(lazy))
print(" | ".join(w.upper() if i % 2 else w for i, (w, n) in enumerate(zip("abc", "xyz"))))
vals = [5, 50, 500]
print(all(1 <= v <= 1000 for v in vals), any(10 < v < 100 for v in vals), sum(0 < v < 100 for v in vals))
print(max(v for v in vals if 1 < v < 100), [v for v in vals if not 1 < v < 100])
