# Docstrings and help() of script classes, and method reprs, as CPython.
class Base:
    def base(self, q=1):
        "From Base."


class Sensor(Base):
    """Reads a value."""

    def read(self, scale, offset=0):
        "Scaled reading."
        return 21 * scale + offset

    def reset(self):
        pass

    @classmethod
    def make(cls, pin):
        "Build one on pin."
        return cls()


def f(x):
    """F doc."""


def g():
    pass


s = Sensor()
print(Sensor.__doc__)
print(s.__doc__)
print(s.read.__doc__)
print(f.__doc__, g.__doc__)
print(repr(s.read).startswith("<bound method Sensor.read of <__main__.Sensor object at 0x"))
help(Sensor)
help(s.read)
help(Sensor.make)
print("x".upper)
print([].append)
