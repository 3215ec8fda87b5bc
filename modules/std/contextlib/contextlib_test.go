package contextlib_test

import (
	"testing"

	_ "github.com/qstar-dev/qstar/modules/std/contextlib"
	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
)

func TestContextmanagerMatchesCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `from contextlib import contextmanager
@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)

with tag("div") as d:
    print("content", d)

def early():
    with tag("p"):
        return 5
print(early())

try:
    with tag("err"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)

@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))
with swallow():
    raise KeyError("k")
print("after swallow")

@contextmanager
def translate():
    try:
        yield 1
    except ZeroDivisionError:
        raise ValueError("translated")
try:
    with translate() as one:
        print(one / 0)
except ValueError as e:
    print("got", e)

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)
`)
}

func TestSuppressClosingNullcontextExitStack(t *testing.T) {
	stdtest.SamePyOutput(t, `from contextlib import suppress, closing, nullcontext, ExitStack
with suppress(KeyError, IndexError):
    [][1]
print("suppressed IndexError")
with suppress(LookupError):
    {}["x"]
print("suppressed a subclass")
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("not suppressed")

class Res:
    def __init__(self, n):
        self.n = n
    def close(self):
        print("close", self.n)
    def __enter__(self):
        print("enter", self.n)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.n, t.__name__ if t else None)
        return False

with closing(Res(1)) as r:
    print("using", r.n)
with nullcontext(42) as v:
    print("null", v)
with nullcontext() as v:
    print("null", v)

with ExitStack() as stack:
    rs = [stack.enter_context(Res(i)) for i in range(3)]
    stack.callback(print, "callback", "args", sep="-")
    print("body", [r.n for r in rs])

try:
    with ExitStack() as stack:
        stack.enter_context(Res(7))
        raise ValueError("in body")
except ValueError as e:
    print("propagated", e)

def swallow(t, v, tb):
    print("swallow", t.__name__)
    return True
with ExitStack() as stack:
    stack.push(swallow)
    raise KeyError("gone")
print("swallowed")

stack = ExitStack()
stack.callback(print, "later")
moved = stack.pop_all()
stack.close()
print("before moved.close")
moved.close()
`)
}
