# Imports and string formatting: f-strings, %, str.format with and without specs.
import json
from collections import OrderedDict
import math as m

name = "qstar"
n = 7
ratio = 2 / 3
print(f"{name} has {n} items")
print(f"{ratio:.3f} {n:>4}| {n:04d} {name!r}")
print("%s: %d%% done, %5.2f" % (name, 40, ratio))
print("%(a)s-%(b)s" % {"a": 1, "b": 2})
print("{} and {}".format(name, n))
print("{0}{1}{0}".format("ab", "cd"))
print("{name} is {n}".format(name=name, n=n))
print("{{braces}} {}".format(n))
print("{:>8}|{:<6}|{:^7}|".format(name, n, "mid"))
print("{:,}".format(1234567))
tmpl = "{}-{}"
print(tmpl.format(1, 2))
d = OrderedDict()
d["z"] = 1
d["a"] = 2
print(json.dumps(d))
print(round(m.sqrt(2), 4), m.pi > 3)
print(", ".join(str(i) for i in range(3)))
