def f(v):
    out = []
    try:
        out.append('body')
        if v == 1:
            raise ValueError('one')
        if v == 2:
            raise KeyError('two')
    except ValueError as e:
        out.append('ValueError %s' % e)
    except (KeyError, IndexError) as e:
        out.append('lookup %s' % e)
    else:
        out.append('else')
    finally:
        out.append('finally')
    return out
print(f(0))
print(f(1))
print(f(2))
def g():
    try:
        return 'from body'
    finally:
        print('finally runs')
print(g())
def h():
    try:
        1 / 0
    finally:
        print('cleanup')
try:
    h()
except ZeroDivisionError as e:
    print('outer', e)
