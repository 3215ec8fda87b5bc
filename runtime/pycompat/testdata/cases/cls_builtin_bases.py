class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
    def __setattr__(self, name, value):
        self[name] = value
d = AttrDict(a=1, b=2)
d.c = 3
print(d.a, d['b'], d.c, len(d), sorted(d.keys()), 'a' in d, d, isinstance(d, dict), isinstance(d, AttrDict))
print(d.get('zz', 0), sorted(d.items()), dict(d) == {'a': 1, 'b': 2, 'c': 3})
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s.pop(), s, list(s), bool(Stack()), [x * 2 for x in s], s + [9])
class Upper(str):
    def shout(self):
        return self.upper() + '!'
u = Upper('hey')
print(u, u.shout(), len(u), u + '?', u == 'hey', {u: 1}['hey'] if False else 'skip', u.startswith('h'))
class Registry(dict):
    def __init__(self, name):
        super().__init__()
        self.name_ = name
    def __setitem__(self, k, v):
        print('set', k)
        super().__setitem__(k, v.upper())
r = Registry('r')
r['x'] = 'val'
print(r['x'], r, issubclass(Registry, dict))
class Level(int):
    pass
lv = Level(3)
print(lv + 1, lv * 2, lv > 2, int(lv), '%d' % 3, str(lv))
