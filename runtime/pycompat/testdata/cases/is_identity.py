# `is` tests identity for mutable values, objects, classes and functions
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, a is not c, a is not b)
d1, d2 = {"k": 1}, {"k": 1}
print(d1 is d2, d1 is d1, d1 == d2)
class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, P) and self.v == other.v
p, q = P(1), P(1)
print(p == q, p is q, p is p, P is P, type(p) is P)
def f():
    pass
g = f
print(f is g, f is not print)
x = 5
print(x is 5, 1 is True, 1.0 is 1, "s" is "s", None is None, x is not None)
items = [a, c]
print([i for i, v in enumerate(items) if v is a])
print(a is b is a, a is b is c, 1 < 2 is not None)
def find(xs, target):
    for v in xs:
        if v is target:
            return True
    return False
print(find([c], a), find([c, a], a))
