
class Vector:
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y
    def __repr__(self):
        return f'Vector({self.x!r}, {self.y!r})'
    def __str__(self):
        return f'({self.x}, {self.y})'
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __bool__(self):
        return bool(abs(self))
    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)
    def __mul__(self, scalar):
        return Vector(self.x * scalar, self.y * scalar)
    def __rmul__(self, scalar):
        return self * scalar
    def __truediv__(self, k):
        return Vector(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vector(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vector(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vector(self.x ** k, self.y ** k)
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __invert__(self):
        return Vector(self.y, self.x)
    def __and__(self, o):
        return Vector(self.x & o.x, self.y & o.y)
    def __lshift__(self, n):
        return Vector(self.x << n, self.y << n)
v = Vector(3, 4)
w = Vector(1, 2)
print(v, repr(v), abs(v), bool(v), bool(Vector()), v + w, v * 2, 3 * v, v / 2, v // 2, v % 2, v ** 2)
print(v == Vector(3, 4), v != w, len(v), v[0], v[-1], list(v), -v, ~v, v & w, w << 2)
x, y = v
print(x, y, f'{v}', '{}'.format(v), '%s and %r' % (v, w), str([v, w]))
print(sorted([Vector(2, 0), Vector(1, 0)], key=abs), max([v, w], key=lambda p: p.x))

class Account:
    interest = 0.02
    count = 0
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        Account.count += 1
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError('Deposit must be positive')
        self._balance += amount
        return self
    def withdraw(self, amount):
        if amount > self._balance:
            raise ValueError(f'Insufficient funds: {self._balance} < {amount}')
        self._balance -= amount
    @classmethod
    def from_string(cls, s):
        owner, bal = s.split(':')
        return cls(owner, int(bal))
    @staticmethod
    def validate(amount):
        return amount > 0
    def __repr__(self):
        return f'{type(self).__name__}({self.owner!r}, {self._balance})'
class Savings(Account):
    interest = 0.05
    def add_interest(self):
        self._balance += self._balance * self.interest
a = Account('ann', 100)
s = Savings.from_string('bob:200')
s.add_interest()
print(a, s, Account.count, s.interest, a.interest, Account.validate(5), s.validate(-1))
try:
    a.withdraw(500)
except ValueError as e:
    print('Error:', e)
try:
    a.balance = 5
except AttributeError as e:
    print('AttributeError')
print(a.deposit(50).balance, isinstance(s, Account), type(s) == Account, type(s).__mro__[1].__name__)
