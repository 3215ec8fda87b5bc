try: import json as codec
except ImportError: codec = None
print(codec is not None)
def f(x):
    try: return 10 // x
    except ZeroDivisionError: return -1
    finally: print('f done', x)
print(f(2), f(0))
for i in range(3): print(i, end=' ')
print()
if True: a = 1; b = 2; print(a + b)
while False: pass
class E(Exception): pass
try: raise E('one-line')
except E as e: print('caught', e)
else: print('no')
x = 5; y = x ** 2; print(y)
