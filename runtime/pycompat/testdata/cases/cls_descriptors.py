class Typed:
    def __init__(self, name, kind):
        self.name = name
        self.kind = kind
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, self.kind())
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError('%s must be %s' % (self.name, self.kind.__name__))
        obj.__dict__[self.name] = value
class Point:
    x = Typed('x', int)
    y = Typed('y', int)
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
p.x = 5
print(p.x, p.y, sorted(vars(p).items()))
try:
    p.y = 'no'
except TypeError as e:
    print('TypeError', e)
