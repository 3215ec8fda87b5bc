# OSError(errno, ...) makes the subclass for errno; an object with
# __index__ indexes sequences and goes through hex()/bin()/oct()
for n in (2, 13, 17, 99):
    e = OSError(n, "msg")
    print(type(e).__name__, repr(e), str(e), e.errno, isinstance(e, OSError))
try:
    raise OSError(2, "No such file", "x.txt")
except FileNotFoundError as e:
    print("FNF", e, e.filename)
print(repr(OSError("plain")), repr(IOError(2, "a")))
class Idx:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
print([10, 20, 30][Idx(1)], (1, 2, 3)[Idx(-1)], "abc"[Idx(2)], hex(Idx(255)), bin(Idx(5)), oct(Idx(8)))
try:
    [1][Idx(5)]
except IndexError as e:
    print("IndexError:", e)
