package runtime

import (
	"bytes"
	"strings"
	"testing"
)

// runPy runs Python source with stdin, returning stdout+stderr and the error.
func runEvalPy(t *testing.T, src, stdin string) (string, error) {
	t.Helper()
	env := NewEnv()
	var out bytes.Buffer
	env.Stdout, env.Stderr, env.Stdin = &out, &out, strings.NewReader(stdin)
	in := New(env)
	defer in.Close()
	in.Lock()
	th := in.NewThread("main")
	_, err := in.ExecFile(th, "test.py", []byte(src))
	in.Done(th)
	in.Unlock()
	return out.String(), err
}

func TestEvalExec(t *testing.T) {
	src := `x = 10
print(eval('x * 2 + 1'), eval('a + b', {'a': 1, 'b': 2}))
def f(y):
    return eval('y + x')
print(f(5))
g = {'n': 3}
exec('m = n * 2\ndef h(v):\n    return v + m\nr = h(1)', g)
print(g['m'], g['r'], sorted(k for k in g if not k.startswith('__')))
try:
    eval('1 +')
except SyntaxError:
    print('SyntaxError')
try:
    eval('nope')
except NameError as e:
    print(e)
`
	out, err := runEvalPy(t, src, "")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := "21 3\n15\n6 7 ['h', 'm', 'n', 'r']\nSyntaxError\nname 'nope' is not defined\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestInputAndExit(t *testing.T) {
	src := `name = input('name? ')
print('hello', name)
print(input())
try:
    input()
except EOFError as e:
    print('EOFError:', e)
quit(3)
print('not reached')
`
	out, err := runEvalPy(t, src, "bob\r\nsecond")
	want := "name? hello bob\nsecond\nEOFError: EOF when reading a line\n"
	if out != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
	if code, ok := ExitCode(err); !ok || code != 3 {
		t.Errorf("exit code %v %v, want 3", code, err)
	}
}

// A __str__ that raises makes print/str/format raise, as in CPython.
func TestStrDunderRaises(t *testing.T) {
	src := `class Bad:
    def __str__(self):
        raise ValueError('no str')
    def __repr__(self):
        return 42
for f in (lambda: print(Bad()), lambda: str(Bad()), lambda: '%s' % Bad(), lambda: '{}'.format(Bad()), lambda: repr(Bad())):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
`
	out, err := runEvalPy(t, src, "")
	want := "ValueError no str\nValueError no str\nValueError no str\nValueError no str\nTypeError __repr__ returned non-string (type int)\n"
	if err != nil || out != want {
		t.Errorf("got %q, %v\nwant %q", out, err, want)
	}
}

// TestEvalSeesUnderscoreNames: eval and globals() see the script's own
// _names (_helper, _cache); only the translator's helpers stay hidden.
func TestEvalSeesUnderscoreNames(t *testing.T) {
	src := `def _helper():
    return 3
_cache = {'k': 1}
print(eval('_helper') is _helper, eval('_cache["k"]'))
def f():
    _x = 5
    return eval('_x + 1')
print(f(), '_cache' in globals(), '_g' in globals())
`
	out, err := runEvalPy(t, src, "")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if want := "True 1\n6 True False\n"; out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}
