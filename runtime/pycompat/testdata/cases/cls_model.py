print(type({}), type(1), type('a'), type(None), type(1.5), type([]), type(()), type(b''), type(True))
x = {}
print(type(x) == dict, type(x) is dict, type(1) in (int, float), type('s') is str)
t = type(3)
print(t, t == int, t(7), int, dict, str)
print(hasattr('5', 'zfill'), hasattr([], 'append'), hasattr([], 'sort'), hasattr({}, 'get'), hasattr('a', 'nope'), hasattr(b'a', 'decode'))
print(getattr('5', 'zfill')(3), getattr([], 'nope', 'dflt'))
class A(object):
    X = 1
    items = []
    def __init__(self): pass
class B(A): pass
a = A(); b = A()
a.items.append(1)
print(b.items, B.X, b.X)
a.X = 5
print(a.X, b.X, A.X)
print(isinstance(B(), (int, A)), issubclass(B, (str, A)), issubclass(B, object), isinstance(a, object))
class Base:
    def __init__(self): print('Base'); self.b = 1
class L(Base):
    def __init__(self): print('L'); super().__init__()
class R(Base):
    def __init__(self): print('R'); super().__init__()
class M(L, R):
    def __init__(self): print('M'); super().__init__()
m = M()
print([k.__name__ for k in M.__mro__], m.b)
class MyErr(Exception):
    def __init__(self, code, msg='x'):
        super().__init__(msg)
        self.code = code
try:
    raise MyErr(42, 'bad')
except MyErr as e:
    print('caught', e.code, e, repr(e), e.args)
class E2(Exception):
    def __init__(self, code):
        self.code = code
try:
    raise E2(9)
except Exception as e:
    print(type(e).__name__, e.code, str(e), e.args)
def make():
    class Inner:
        def hi(self): return 'hi'
    return Inner()
print(make().hi())
class S:
    @staticmethod
    def s(x): return x + 1
    @classmethod
    def c(cls, y): return cls.__name__ + str(y)
    def m(self): return 'm'
    @property
    def p(self): return self._p
    @p.setter
    def p(self, v): self._p = v * 2
    __slots__ = ('_p',)
o = S()
print(o.s(1), S.s(2), o.c(3), S.c(4), S.m(o))
o.p = 5; print(o.p)
class Bad:
    def __init__(self): return 5
try:
    Bad()
except TypeError as e:
    print(e)
print(repr(o)[:20])
print(Base)
class Fmt(object):
    conv = str
    glue = ', '.join
    def show(self, items):
        return self.glue([self.conv(i) for i in items])
print(Fmt().show([1, 2]), Fmt.conv(3), Fmt().conv(4))
class DA:
    X = 1
    def f(self): pass
class DB(DA):
    Y = 2
    def f(self): pass
b = DB()
b.z = 3
print([n for n in dir(DB) if not n.startswith("_")], [n for n in dir(b) if not n.startswith("_")])
class A: pass
class B(A): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(e)
class D(B, A): pass
print([k.__name__ for k in D.__mro__])
class T:
    def __init__(self): self._v = 1
    def getv(self): return self._v
    def setv(self, v): self._v = v * 10
    v = property(getv, setv)
    w = property(fget=getv)
    doc = property(getv, doc='the value')
t = T()
t.v = 2
print(t.v, t.w, t.doc)
try:
    t.w = 5
except AttributeError as e:
    print('AttributeError', e)
