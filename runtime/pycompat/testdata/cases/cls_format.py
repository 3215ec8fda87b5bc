class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.tags = ['a', 'b']
    def __str__(self):
        return 'P:' + self.name
    def __repr__(self):
        return 'P(%r)' % self.name
p = P('ann', 30)
print('{0.name} is {0.age}'.format(p), '{p.name}/{p.tags[1]}'.format(p=p), '%(name)s %(age)d' % p.__dict__)
print(f'{p!s} {p!r} {p}', '{!r:>10}'.format(p), '{:>8}'.format(str(p)))
class Machine:
    def __init__(self):
        self.state = 'idle'
        self.log = []
    def on_start(self):
        self.state = 'running'
    def on_stop(self):
        self.state = 'idle'
    def fire(self, event):
        handler = getattr(self, 'on_' + event, None)
        if handler is None:
            self.log.append('ignored ' + event)
            return False
        handler()
        self.log.append(event + '->' + self.state)
        return True
m = Machine()
print([m.fire(e) for e in ('start', 'jump', 'stop')], m.log)
class R:
    def __init__(self): self.d = [1, 2, 3]
    def __reversed__(self): return [9, 8]
    def __len__(self): return 3
    def __getitem__(self, i): return self.d[i]
print(list(reversed(R())), list(reversed("abc")), list(reversed([1, 2])))
class S:
    def __getitem__(self, i):
        if i > 2: raise IndexError(i)
        return i
    def __len__(self): return 3
print(list(reversed(S())))
