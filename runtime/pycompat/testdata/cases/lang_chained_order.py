# chained assignment assigns its targets left to right:
# tail.next = tail = node links the old tail
class N:
    def __init__(self, v):
        self.v, self.next = v, None
class L:
    def __init__(self):
        self.head = self.tail = N(0)
    def push(self, v):
        self.tail.next = self.tail = N(v)
l = L()
for i in range(1, 4):
    l.push(i)
n, out = l.head, []
while n:
    out.append(n.v)
    n = n.next
print(out)
x, y = y, x = 1, 2
print(x, y)
a = b = []
a.append(1)
print(a is b, b)
d = {}
d["k"] = d["j"] = 5
print(d)
def f():
    p = q = r = 3
    m = n2 = [0]
    m[0] = n2[0] = 9
    return p + q + r, m, n2 is m
print(f())
