def div(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print('caught:', e)
        r = None
    return r
print(div(1, 2))
print(div(1, 0))
try:
    x = int('12')
    y = int('x')
except ValueError as e:
    print('ValueError:', e, x)
print(x)
try:
    d = {}
    d['k']
except KeyError as e:
    print('KeyError', e, repr(e), e.args)
try:
    [1, 2][5]
except IndexError as e:
    print('IndexError', e)
except Exception:
    print('not here')
