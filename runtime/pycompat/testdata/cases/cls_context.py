class Slot(object):
    __store__ = {}
    def __init__(self, key, missing=None):
        self.__key = key
        self.__missing = missing or '"{}" is not set'.format(self.key)
    @property
    def key(self):
        if callable(self.__key):
            return self.__key()
        return self.__key
    def set(self, value):
        self.__store__[self.key] = value
    def get(self):
        if self.key not in self.__store__:
            raise RuntimeError(self.__missing)
        return self.__store__[self.key]
    def __call__(self):
        return self.get()
class Bag(object):
    def setdefault(self, name, value):
        if hasattr(self, name):
            return getattr(self, name)
        setattr(self, name, value)
        return value
app = Slot('app')
dyn = Slot(lambda: 'dyn-' + str(len(Slot.__store__)))
try:
    app()
except RuntimeError as e:
    print('RuntimeError', e)
app.set('A')
dyn.set('D')
print(app(), Slot('app').get(), sorted(Slot.__store__), dyn.key)
b = Bag()
print(b.setdefault('x', 1), b.setdefault('x', 2), vars(b))
