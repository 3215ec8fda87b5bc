# changing a dict's size while iterating it raises RuntimeError; values may change
d = {"a": 1, "b": 2, "c": 3}
for k in d:
    d[k] = d[k] * 10
print(d)

for k, v in d.items():
    d[k] = v + 1
print(d)

try:
    for k in d:
        d[k + "!"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(d))

try:
    for k in d.keys():
        del d[k]
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(d))

try:
    for v in d.values():
        d.pop(next(iter(d)))
except RuntimeError as e:
    print("RuntimeError:", e)

for k in list(d):
    if k.endswith("!"):
        del d[k]
print(sorted(d))

# leaving the loop right after the change raises nothing
for k in d:
    d["new"] = 1
    break
print(sorted(d))

def grow(m):
    return [k for k in m if m.setdefault(k + k, 0) is not None]
try:
    grow({"x": 1})
except RuntimeError as e:
    print("in a comprehension:", e)
