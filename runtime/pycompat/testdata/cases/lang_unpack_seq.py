# a, b = xs unpacks any iterable as Python does: a str's characters,
# bytes as ints, a set in CPython's order; a wrong count is Python's
# ValueError; id() of distinct lists differs
a, b = "xy"
print(a, b)
(p, q), r = "ab", "c"
print(p, q, r)
x, y, z = b"AB\x00"
print(x, y, z)
lo, hi = {40, 3}
print(lo, hi)
first, second = map(str.upper, "hi")
print(first, second)
def pair():
    return [1, 2]
m, n = pair()
m, n = n, m
print(m, n)
for bad in ([1, 2, 3], [1], "abc", 5):
    try:
        u, v = bad
        print("ok", u, v)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    i, j, k = (1, 2)
except ValueError as e:
    print("ValueError:", e)
word = "hello"
h, *rest = word
print(h, rest)
l1, l2 = [1, 2], [1, 2]
print(id(l1) == id(l2), id(l1) == id(l1), l1 is l2, l1 == l2)
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __iter__(self):
        yield self.x
        yield self.y
px, py = Pt(3, 4)
print(px, py)
