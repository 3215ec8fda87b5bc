class Mgr(object):
    _inst = None
    count = 0
    @classmethod
    def get(cls):
        if cls._inst is None:
            cls._inst = cls()
        return cls._inst
    def __init__(self):
        Mgr.count += 1
    @staticmethod
    def norm(x):
        return x.strip().lower()
    def use(self, s):
        return self.norm(s) + Mgr.norm(s) + type(self).norm(s)
class Sub(Mgr):
    pass
a = Mgr.get(); b = Mgr.get(); c = Sub.get()
print(a is b, a is c, Mgr.count, Sub._inst is c, Mgr._inst is a, a.use(' X '))
handlers = {'a': Mgr.norm, 'b': a.use}
print(handlers['a'](' Q '), handlers['b'](' W '))
print(Mgr.get.__name__, callable(Mgr.norm), Mgr.__dict__['norm'] is not None)
