# keys/values/items are live views with Python's reprs and set algebra
d = {"a": 1, "b": 2}
keys, vals, items = d.keys(), d.values(), d.items()
d["c"] = 3
print(keys, vals, items)
print(len(keys), "a" in keys, 3 in vals, ("b", 2) in items, "z" in keys)
print(sorted(keys & {"a", "c", "x"}), sorted(keys | ["q"]), sorted(keys - {"a"}), sorted({"b", "y"} ^ keys))
for k, v in d.items():
    d[k] = v * 10
print(list(d.values()), sum(d.values()), max(d.keys()), dict(d.items()) == d)
print(list(zip(d.keys(), d.values())), [k for k in d.keys() if d[k] > 10], ",".join(d.keys()))
