def loud(fn):
    def wrapper(*args, **kwargs):
        print('calling', fn.__name__ if hasattr(fn, '__name__') else 'fn')
        return fn(*args, **kwargs)
    return wrapper

def tag(label):
    def deco(fn):
        def inner(x):
            return label + ':' + str(fn(x))
        return inner
    return deco

@tag('sq')
@tag('t')
def square(x):
    return x * x
print(square(4))

class Temp:
    count = 0

    def __init__(self, c):
        self._c = c
        Temp.bump()

    @staticmethod
    def to_f(c):
        return c * 9 / 5 + 32

    @classmethod
    def bump(cls):
        cls.count_seen = True
        return cls

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError('below absolute zero')
        self._c = v

    @property
    def fahrenheit(self):
        return Temp.to_f(self._c)

t = Temp(20)
print(t.celsius, t.fahrenheit, Temp.to_f(100), t.to_f(0))
t.celsius = 30
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print('rejected:', e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print('read-only')
print(Temp.bump() is Temp)
