def f():
    try:
        try:
            raise ValueError('inner')
        except KeyError:
            print('wrong')
        finally:
            print('inner finally')
    except ValueError as e:
        print('outer got', e)
        try:
            raise
        except ValueError as e2:
            print('reraised', e2)
f()
def g():
    try:
        raise RuntimeError('x')
    except RuntimeError:
        raise
try:
    g()
except Exception as e:
    print(type(e) == type(RuntimeError('y')), e)
try:
    raise TypeError
except TypeError as e:
    print('bare class', repr(e), str(e) == '')
class MyError(Exception):
    pass
try:
    raise MyError('custom', 42)
except Exception as e:
    print(isinstance(e, MyError), isinstance(e, Exception), e.args, e)
