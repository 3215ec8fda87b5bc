class AppError(Exception):
    def __init__(self, value):
        self.value = value
    def __str__(self):
        return repr(self.value)

class OneOf(object):
    def __init__(self, *args, **kwargs):
        pass
    def __new__(cls, *args, **kwargs):
        if not hasattr(cls, "_registry"):
            OneOf._registry = {}
        key = str(cls)
        if key not in OneOf._registry.keys():
            OneOf._registry[key] = super().__new__(cls)
        return OneOf._registry[key]

class Watcher(object):
    def __init__(self, tag):
        self.tag = tag
        self.seen = []
    def update(self, source, *args, **kwargs):
        self.seen.append((type(source).__name__, args, sorted(kwargs)))

class Hub(OneOf):
    def __init__(self):
        if not hasattr(self, 'watchers'):
            self.watchers = []
    def add(self, w):
        self.watchers.append(w)
        return True
    def remove(self, w):
        try:
            self.watchers.remove(w)
            return True
        except:
            return False
    def notify(self, *args, **kwargs):
        for w in self.watchers:
            w.update(self, *args, **kwargs)

class Other(OneOf):
    pass

h1, h2 = Hub(), Hub()
o = Other()
print(h1 is h2, o is Other(), h1 is o, sorted(OneOf._registry))
w = Watcher('a')
print(h1.add(w), h2.remove(w), h2.remove(w))
h1.add(w)
h1.notify(1, 2, level=3)
print(w.seen)

class Model(object):
    def __init__(self):
        self.events = type("events", (object,), {})
        self.props = type("props", (object,), {"version": 1})
    def define(self, name, value):
        setattr(self.props, name, value)
m = Model()
m.define('temp', 21.5)
print(m.props.temp, m.props.version, m.events.__name__, hasattr(m.events, 'x'), type(m.events))
try:
    raise AppError({'code': 5})
except AppError as e:
    print('AppError', e, e.value['code'], e.args)
try:
    raise AppError('bad')
except Exception as e:
    print(str(e), repr(e) == "AppError('bad')")

class Led(object):
    ON, OFF = 1, 0
    __slots__ = ('pin', '_state')
    def __init__(self, pin, state=OFF):
        self.pin = pin
        self._state = state
    @property
    def state(self):
        return self._state
    @state.setter
    def state(self, v):
        if v not in (Led.ON, Led.OFF):
            raise ValueError('bad state %r' % (v,))
        self._state = v
    def toggle(self):
        self.state = Led.OFF if self.state == Led.ON else Led.ON
        return self
l = Led(5)
print(l.state, l.toggle().state, l.toggle().state)
try:
    l.state = 7
except ValueError as e:
    print(e)
try:
    Led.state.fget
    print('property object')
except AttributeError:
    print('no fget')
