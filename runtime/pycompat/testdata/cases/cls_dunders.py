# operators and protocols on script classes
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __le__(self, other):
        return self.cents <= other.cents
    def __repr__(self):
        return 'Money(%d)' % self.cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return Money(self.cents + other)
    def __radd__(self, other):
        return Money(self.cents + other)
    def __sub__(self, other):
        return Money(self.cents - other.cents)
    def __mul__(self, k):
        return Money(self.cents * k)
    def __neg__(self):
        return Money(-self.cents)
    def __bool__(self):
        return self.cents != 0
    def __format__(self, spec):
        return '$' + format(self.cents / 100, spec)

wallet = [Money(300), Money(5), Money(120)]
print(sorted(wallet), sorted(wallet, reverse=True)[0])
print(max(wallet), min(wallet), Money(5) in wallet, wallet.index(Money(120)))
print(Money(1) == Money(1), Money(1) != Money(1), Money(1) == 1, Money(2) > Money(1), Money(2) >= Money(3))
print(Money(1) + Money(2), Money(1) + 10, 10 + Money(1), Money(9) - Money(4), Money(3) * 2, -Money(3))
print(sum(wallet, Money(0)), sum([Money(1), Money(2)]))
total = Money(0)
for m in wallet:
    total += m
print(total, bool(Money(0)), bool(Money(1)), not Money(0))
print('{:.2f}'.format(Money(1234)), f'{Money(5):>8.1f}|')
try:
    {Money(1): 'x'}
except TypeError as e:
    print('TypeError', e)
try:
    Money(1) < 5
except (TypeError, AttributeError) as e:
    print(type(e).__name__)

class Key:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        return self.name == other.name
    def __hash__(self):
        return hash(self.name)

seen = {Key('a'): 1}
seen[Key('a')] = 2
seen[Key('b')] = 3
print(len(seen), seen[Key('a')], len({Key('x'), Key('x'), Key('y')}))

class Plain:
    pass
p, q = Plain(), Plain()
d = {p: 'p', q: 'q'}
print(d[p], d[q], p == q, p == p, p != q, len({p, q, p}))

class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __contains__(self, x):
        return x in self.items
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __iter__(self):
        return BagIter(self.items)
    def __call__(self, x):
        return x in self
    def __str__(self):
        return 'Bag%s' % self.items

class BagIter:
    def __init__(self, items):
        self.items, self.i = items, 0
    def __next__(self):
        if self.i == len(self.items):
            raise StopIteration()
        self.i += 1
        return self.items[self.i - 1]

b = Bag(1, 2, 3)
print(len(b), 2 in b, 9 in b, 9 not in b, b[0], b[-1], bool(b), bool(Bag()))
b[0] = 10
del b[1]
print(b, b(10), b(2), callable(b), callable(Plain()), [x * 2 for x in b])
if not Bag():
    print('empty bag is falsy')

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

for i in Countdown(3):
    print('tick', i)
print(list(Countdown(4)), sorted(Countdown(3)), 2 in Countdown(3), tuple(Countdown(2)))

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * i
print(list(Seq()), 4 in Seq())

class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith('get_'):
            return name[4:]
        raise AttributeError(name)
dy = Dyn()
print(dy.real, dy.get_temp, hasattr(dy, 'get_x'), hasattr(dy, 'other'), getattr(dy, 'other', 'dflt'))

class Frozen:
    def __init__(self, v):
        object.__setattr__(self, 'v', v)
    def __setattr__(self, name, value):
        raise AttributeError('frozen: ' + name)
f = Frozen(3)
try:
    f.v = 4
except AttributeError as e:
    print(e, f.v)

class Tracked:
    def __init__(self):
        self.log = []
    def __setattr__(self, name, value):
        if name != 'log':
            self.log.append(name)
        super().__setattr__(name, value)
t = Tracked()
t.a = 1
t.b = 2
print(t.log, t.a + t.b)
