def t(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
class A:
    def m(self, x):
        return x
    def n(self, x, y=1):
        return x
def g(a, b):
    pass
def h(a, *, k):
    pass
t(lambda: A().m())
t(lambda: A().m(1, 2))
t(lambda: A().n(1, 2, 3))
t(lambda: A().m(1, z=2))
t(lambda: g(1))
t(lambda: g(1, 2, 3))
t(lambda: g(1, b=2, a=3))
t(lambda: A(5))
