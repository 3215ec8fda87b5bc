package uio_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"

	_ "github.com/qstar-dev/qstar/modules/std/sys"
	_ "github.com/qstar-dev/qstar/modules/std/uio"
)

func TestStreamsMatchCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `import io
import uio
s = io.StringIO()
print(s.write('hello\n'), s.write('wörld\nlast'), s.tell())
print(repr(s.getvalue()), s.seek(0), repr(s.readline()), repr(s.read(3)), repr(s.read()), repr(s.read()))
s.seek(0)
print(s.readlines())
s.seek(0)
print([line for line in s], s.readline() == '')
s.seek(0)
print(repr(s.__next__()), repr(s.readline(2)), s.seek(0, 2), s.tell())
s.seek(2)
s.write('XY')
print(repr(s.getvalue()), s.truncate(4), repr(s.getvalue()), s.readable(), s.closed)
s.writelines(['a', 'b'])
print(repr(s.getvalue()))
s.close()
print(s.closed)
b = uio.BytesIO(b'\x00\x01abc\ndef')
print(b.read(2), b.tell(), b.readline(), b.read(), b.getvalue())
b.seek(-3, 2)
print(b.read(), b.seek(1, 0), b.seek(2, 1), b.tell())
b.seek(10)
b.write(bytearray(b'!'))
print(b.getvalue())
for bad in [lambda: s.getvalue(), lambda: s.write('x'), lambda: io.StringIO().write(b'x'), lambda: io.BytesIO().write('x'),
            lambda: io.StringIO().seek(-1), lambda: io.StringIO().seek(1, 1), lambda: io.BytesIO().seek(-1), lambda: io.StringIO(b'x')]:
    try:
        bad()
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
`)
}

// Writing through __enter__/__exit__, as the translated with statement does.
func TestWithProtocol(t *testing.T) {
	out, err := stdtest.RunPy(t, `import uio
pre = uio.BytesIO(64)  # MicroPython: a size to allocate
pre.write(b'ab')
print(pre.getvalue())
f = uio.StringIO()
g = f.__enter__()
g.write('inside')
print(g is f, f.__exit__(None, None, None), f.closed)
`)
	want := "b'ab'\nTrue None True\n"
	if err != nil || out != want {
		t.Errorf("got %q, %v; want %q", out, err, want)
	}
}

// Device loggers test the stream's class before flushing it.
func TestStreamClasses(t *testing.T) {
	stdtest.SamePyOutput(t, `import uio, io, sys
print(isinstance(sys.stdout, uio.TextIOWrapper), isinstance(sys.stdout, io.IOBase), isinstance(sys.stdout, io.FileIO))
s = io.StringIO()
print(isinstance(s, io.TextIOWrapper), isinstance(s, io.IOBase), isinstance(s, io.TextIOBase), isinstance(io.BytesIO(), io.TextIOBase))
print(io.TextIOWrapper.__name__, io.BufferedReader.__name__, io.FileIO.__name__)
`)
}
