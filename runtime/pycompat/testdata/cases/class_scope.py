class Dev:
    """A device."""
    count = 0
    names = [n.upper() for n in ["a", "b"]]
    limit = count + 10

    def __init__(self, path):
        Dev.count += 1
        self.path = path
        self.f = None

    def open(self, path=None):
        self.f = list(path or self.path)
        return self

    def write(self, s):
        self.f.append(s)
        return len(s)

    def close(self):
        self.f = None

    def print(self):
        print("dev", self.path)
        return self

    def set(self, key, value):
        setattr(self, key, value)
        return set([key])

    def len(self):
        return len(self.path)

    def gen(self):
        for c in self.path[:3]:
            yield c

    @property
    def size(self):
        return len(self.path)

    @size.setter
    def size(self, v):
        self._size = v

    @staticmethod
    def helper(x=limit):
        return x

    @classmethod
    def make(cls):
        return cls("/tmp/qs_dev.txt")

    key = lambda self: len(self.path)

    def __repr__(self):
        return "Dev(%r)" % self.path

d = Dev.make()
print(d.open().write("x"), d.close(), d.set("k", 1), d.k, d.len(), list(d.gen()), d.size, Dev.helper(), d.key())
print(Dev.count, Dev.names, Dev.limit, Dev.__doc__, d, Dev.open.__name__, d.open.__name__)
print(d.open, Dev.gen.__name__, d.print().path)
try:
    d.set(1)
except TypeError as e:
    print(e)
class Inner:
    class Node:
        pass
    n = Node
print(Inner.Node.__name__, Inner.n is Inner.Node)
