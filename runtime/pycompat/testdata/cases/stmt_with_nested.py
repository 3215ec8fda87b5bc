class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print('in', self.n)
        return self.n
    def __exit__(self, t, v, tb):
        print('out', self.n, t is not None)
        return False


def f(items):
    for i in items:
        try:
            with CM(i) as v:
                if v == 1:
                    continue
                if v == 3:
                    return 'ret%d' % v
                if v == 4:
                    break
                try:
                    with CM(v * 10):
                        if v == 2:
                            raise KeyError(v)
                except KeyError as e:
                    print('key', e)
        finally:
            print('fin', i)
    else:
        return 'else'
    return 'broke'


print(f([0, 1, 2, 3]))
print(f([4]))
print(f([0]))


def g():
    total = 0
    for a in range(3):
        with CM(a):
            for b in range(3):
                if b == 2:
                    break
                total += b
    return total


print(g())
while True:
    with CM('w'):
        break
print('end')
