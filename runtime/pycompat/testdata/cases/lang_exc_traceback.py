# e.__traceback__: the chain from the frame that caught the exception to
# the line that raised it (tb_lineno, tb_next); with_traceback returns e
def f():
    x = 1
    raise ValueError("v")
def g():
    try:
        f()
    except ValueError as e:
        tb = e.__traceback__
        out = []
        while tb is not None:
            out.append(tb.tb_lineno)
            tb = tb.tb_next
        return out
try:
    y = 2
    f()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno > tb.tb_next.tb_lineno > 0, tb.tb_next.tb_next, ValueError("new").__traceback__)
    e2 = KeyError("k").with_traceback(tb)
    print(repr(e2), e2.__traceback__ is tb)
chain = g()
print(len(chain), chain[0] > chain[1])
