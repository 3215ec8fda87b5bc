class Counter:
    start = 10
    def __init__(self, name):
        self.name = name
        self.n = self.start
    def inc(self, by=1):
        self.n += by
        return self
    def __str__(self):
        return 'Counter(%s=%d)' % (self.name, self.n)
class Loud(Counter):
    def __init__(self, name):
        super().__init__(name.upper())
    def inc(self, by=1):
        Counter.inc(self, by * 2)
        return self
c = Counter('a')
c.inc().inc(5)
print(c.n, c.name, str(c), Counter.start)
l = Loud('b')
l.inc(3)
print(l.n, l.name, isinstance(l, Counter), isinstance(c, Loud))
print(l)
class Err(ValueError):
    def __init__(self, code):
        super().__init__('code %d' % code)
        self.code = code
try:
    raise Err(7)
except ValueError as e:
    print('Err', e.code, e)
