class P:
    pass
class Q(P):
    pass
vals = [1, True, 'a', b'b', 1.5, [1], {'k': 1}, (1,), None, P(), Q()]
for v in vals:
    print(type(v).__name__, type(v) == int, type(v) is str, type(v) != bytes, type(v) == P)
e = ValueError('x')
print(type(e).__name__, type(e) == ValueError, isinstance(e, Exception))
def fn():
    pass
print(fn.__name__, P.__name__, e.__class__.__name__, type(1.5) in (int, float), type('s') not in (int, float))
