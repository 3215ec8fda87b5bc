# with statements: script classes as context managers
class Tracker:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
        self.log = []

    def __enter__(self):
        print('enter', self.name)
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            print('exit', self.name, 'clean', exc_value, tb)
        else:
            print('exit', self.name, exc_type.__name__, str(exc_value))
        return self.swallow


with Tracker('a') as t:
    print('inside', t.name)
    total = 41 + 1
print('after', total)

with Tracker('outer') as o, Tracker('inner') as i:
    print('both', o.name, i.name)

with Tracker('nested1'):
    with Tracker('nested2') as n2:
        print('deep', n2.name)

with Tracker('swallow', True):
    raise ValueError('hidden')
print('went on')

try:
    with Tracker('passes'):
        raise KeyError('k')
except KeyError as e:
    print('caught', repr(e))


def find(items, want):
    with Tracker('find'):
        for x in items:
            if x == want:
                return x * 10
    return None


print(find([1, 2, 3], 2))
print(find([1, 2, 3], 9))

for k in range(4):
    with Tracker('loop%d' % k):
        if k == 1:
            continue
        if k == 3:
            break
        print('body', k)


class Resource:
    def __enter__(self):
        return 'value'

    def __exit__(self, *args):
        print('args', args)


with Resource() as v:
    print(v)

state = {}
with Resource() as state['k']:
    pass
print(state)


def counted():
    n = 0
    with Tracker('count'):
        n = n + 5
    return n


print(counted())

try:
    with 42:
        pass
except TypeError as e:
    print('TypeError', e)
