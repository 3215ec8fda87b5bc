class Bad:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise ValueError('broken at %d' % self.i)
        return self.i
for f in (list, tuple, set, sorted, max, min, sum):
    try:
        print(f(Bad()))
    except ValueError as e:
        print(f.__name__, 'ValueError', e)
try:
    print(3 in Bad())
except ValueError as e:
    print('in ValueError', e)
