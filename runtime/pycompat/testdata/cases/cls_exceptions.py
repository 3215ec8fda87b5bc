class NetError(Exception):
    def __init__(self, code, msg='net'):
        super(NetError, self).__init__(code, msg)
        self.code = code
class Timeout(NetError):
    pass
class Fatal(NetError):
    def __str__(self):
        return 'fatal %d' % self.code
for exc_cls in (NetError, Timeout, Fatal):
    try:
        raise exc_cls(5)
    except Timeout as e:
        print('timeout', e.code, e, e.args)
    except NetError as e:
        print(type(e).__name__, e.code, str(e), repr(e), e.args, isinstance(e, Exception))
try:
    raise Timeout
except TypeError as e:
    print('TypeError', 'missing' in str(e))
class Plain(Exception): pass
try:
    raise Plain('a', 2)
except Plain as e:
    print(e, repr(e), e.args)
print(issubclass(Timeout, NetError), issubclass(Timeout, Exception), issubclass(Timeout, ValueError), Timeout.__mro__[1].__name__)
e = ValueError('x')
print(isinstance(e, (KeyError, ValueError)), type(e) is ValueError, type(e).__name__, e.__class__.__name__)
class E3(KeyError): pass
try:
    raise E3('k')
except LookupError as e:
    print('lookup', e, repr(e))
try:
    try:
        {}['q']
    except KeyError as e:
        raise NetError(7) from e
except NetError as e:
    print('chained', e.code)
class WithDefault(Exception):
    def __init__(self, msg='default message'):
        super().__init__(msg)
try:
    raise WithDefault()
except WithDefault as e:
    print(e)
print(str(StopIteration(3).value), SystemExit(4).code)
class AppErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return '[%d] %s' % (self.code, super().__str__())
    def __repr__(self):
        return 'AppErr<' + super().__repr__() + '>'
e = AppErr(4, 'boom')
print(e, repr(e), str(KeyError('k')), repr(ValueError('v')), str(Exception('a', 1)))
try:
    raise e
except AppErr as x:
    print('caught', x)
