# zip(strict=True) with CPython's errors; reversed() of a dict and its views
print(list(zip([1, 2], "ab", strict=True)))
for args in ([[1, 2], [1]], [[1], [1, 2]], [[1, 2], [1, 2], [3]], [[1], [1], [1, 2]]):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
d = {"a": 1, "c": 3}
del d["a"]
d["b"] = 4
d["a"] = 0
print(list(reversed(d)), list(reversed(d.items())), list(reversed(d.values())), list(reversed(d.keys())))
print(1.05 ** 10, 8 ** (1 / 3), 0.1 ** 20, 1.07 ** 30, 2 ** 10.5, 1000 * (1 + 0.05 / 12) ** (12 * 10))
