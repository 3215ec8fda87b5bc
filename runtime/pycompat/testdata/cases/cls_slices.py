class Seq:
    def __init__(self, data):
        self.data = list(data)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(self.data[i.start:i.stop:i.step])
        return self.data[i]
    def __len__(self):
        return len(self.data)
    def __repr__(self):
        return 'Seq(%r)' % (self.data,)
s = Seq(range(10))
print(s[2], s[-1], s[2:5], s[::3], s[:2], s[8:], s[::-1][0], len(s[1:4]))
l = [0, 1, 2, 3, 4, 5]
print(l[1:3], l[::-2], 'hello'[1:4], b'abcd'[1:], l[slice(2, 4)], 'abc'[slice(None, None, -1)], (1, 2, 3)[-2:])
sl = slice(1, 10, 2)
print(sl, sl.start, sl.stop, sl.step, sl.indices(5), isinstance(sl, slice), type(sl))
