class Acc:
    def __init__(self):
        self.items = []
    def __add__(self, x):
        n = Acc()
        n.items = self.items + [x]
        return n
    def __iadd__(self, x):
        self.items.append(x)
        return self
a = Acc()
alias = a
a += 1
a += 2
b = a + 3
print(alias.items, a is alias, b.items, alias.items)
class Holder:
    def __init__(self):
        self.acc = Acc()
        self.n = 0
        self.s = 'v=%d'
h = Holder()
h.acc += 'x'
h.n += 5
h.n -= 1
lst = [1]
lst += (2, 3)
s = 'a'
s += 'b'
t = '%s-%s'
t %= ('p', 'q')
print(h.acc.items, h.n, lst, s, t)
