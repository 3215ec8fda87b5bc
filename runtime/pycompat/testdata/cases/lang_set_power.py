# {n ** 2 for n in xs} is a set comprehension: only a ** where an item
# starts spreads a dict
squares = {n ** 2 for n in range(-3, 4)}
print(squares, sorted(squares), {2 ** k for k in range(4)}, {n ** 2: n for n in range(3)})
base = {"a": 1}
print({**base, "b": 2}, {"z": 0, **base}, {x ** 2 for x in [3]} | {1})
