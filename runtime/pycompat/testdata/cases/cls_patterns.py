class Singleton(object):
    def __init__(self, cls):
        self.cls = cls
        self.instance = None
    def __call__(self, *args, **kwargs):
        if self.instance is None:
            self.instance = self.cls(*args, **kwargs)
        return self.instance
    def __repr__(self):
        return repr(self.cls)

@Singleton
class Config(object):
    def __init__(self, path='/usr/cfg.json'):
        self.path = path
print(Config() is Config(), Config().path, Config)

class Shared(object):
    _state = {}
    def __new__(cls, *args, **kwargs):
        obj = super(Shared, cls).__new__(cls)
        obj.__dict__ = cls._state
        return obj
a = Shared(); a.x = 1
b = Shared()
print(b.x)

class Event(object):
    def __init__(self, name):
        self.name = name
        self.subs = []
    def attach(self, cb):
        self.subs.append(cb)
    def post(self, *args):
        for cb in self.subs:
            cb(self.name, *args)
class Listener:
    def __init__(self): self.got = []
    def on(self, name, *args): self.got.append((name,) + args)
ev = Event('net'); l = Listener(); ev.attach(l.on); ev.attach(lambda n, *a: print('lambda', n, a))
ev.post(1, 2)
print(l.got)

class State:
    IDLE = 0
    RUN = 1
    ERR = 2
names = {v: k for k, v in State.__dict__.items() if not k.startswith('_')}
print(names, [k for k in vars(State) if k.isupper()])

class Settings(object):
    DEFAULT = {'a': 1, 'b': {'c': 2}}
    def __init__(self, host='x', port=1883, user=None, pwd=None, keepalive=60, ssl=False, qos=0, retain=False):
        self.host, self.port = host, port
        self.__dict__.update(dict(user=user, pwd=pwd))
        self.keepalive = keepalive
        self.opts = dict(self.DEFAULT)
s = Settings(port=8883, ssl=True)
print(s.port, s.user, s.keepalive, sorted(s.__dict__.keys()), s.opts['b']['c'])
setattr(s, 'port', 1); print(getattr(s, 'port'), hasattr(s, 'nope'))
delattr(s, 'port'); print(hasattr(s, 'port'))

class Base(object):
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
    def __str__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join(['%s=%r' % (k, v) for k, v in sorted(self.__dict__.items())]))
class Point(Base): pass
print(Point(x=1, y=2), str(Point()), Point.__bases__, Point.__name__)
print(type(Point()) is Point, type(Point()) == Base, isinstance(Point(), Base))

class Abstract(object):
    def run(self):
        raise NotImplementedError('subclass must implement')
try:
    Abstract().run()
except NotImplementedError as e:
    print('NotImplementedError', e, isinstance(e, RuntimeError))
class Cnt:
    n = 0
    def __init__(self):
        Cnt.n += 1
        self.__class__.n += 0
Cnt(); Cnt()
print(Cnt.n)
print(IOError is OSError, issubclass(UserWarning, Warning), issubclass(ModuleNotFoundError, ImportError), issubclass(KeyboardInterrupt, Exception))
try:
    raise IOError('io')
except OSError as e:
    print(type(e).__name__, e)
class CA: pass
class CB(CA): pass
a = CA()
print(a.__class__.__name__, 'x'.__class__.__name__, (5).__class__, [].__class__ is list, a.__class__ is CA)
a.__class__ = CB
print(type(a).__name__, isinstance(a, CB))
def f(): pass
print(CA.__name__, f.__name__)
