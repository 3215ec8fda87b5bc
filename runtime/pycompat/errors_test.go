package pycompat

import (
	"errors"
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

// innermostLine is the line of the innermost Starlark frame of err.
func innermostLine(t *testing.T, err error) (int, string) {
	t.Helper()
	var ee *starlark.EvalError
	if !errors.As(err, &ee) {
		t.Fatalf("not an EvalError: %v", err)
	}
	for i := len(ee.CallStack) - 1; i >= 0; i-- {
		fr := ee.CallStack[i]
		if fr.Pos.Filename() != "<builtin>" {
			return int(fr.Pos.Line), fr.Pos.Filename()
		}
	}
	t.Fatalf("no script frame in %v", ee.CallStack)
	return 0, ""
}

// TestErrorLines: a failure on line N of the Python source is reported at
// line N, also inside try bodies, handlers, classes and after rewritten
// lines (imports, f-strings, multi-line from-imports).
func TestErrorLines(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		line int
		msg  string
	}{
		{"top level", "x = 1\ny = 2\nz = x / 0\n", 3, "ZeroDivisionError"},
		{"after imports", "import base64\nfrom urllib.parse import (\n    quote,\n)\nv = f'{1}'\nprint(undefined_thing)\n", 6, "undefined_thing"},
		{"in function", "def f(a):\n    b = a + 1\n    return b['k']\nf(1)\n", 3, ""},
		{"in try body", "def f():\n    try:\n        x = 1\n        raise ValueError('v')\n    finally:\n        pass\nf()\n", 4, "ValueError: v"},
		{"in handler", "try:\n    1/0\nexcept ZeroDivisionError:\n    {}['k']\n", 4, "KeyError"},
		{"reraise keeps origin", "def g():\n    return int('q')\ntry:\n    g()\nexcept ValueError:\n    raise\n", 2, "ValueError"},
		{"in method", "class A:\n    def m(self):\n        return self.nope\nA().m()\n", 3, "AttributeError"},
		{"after power and is", "a = 2 ** 3\nb = a is None\nc = a ** 2 + None\n", 3, "TypeError"},
		{"global fn", "n = 0\ndef f():\n    global n\n    n = n + 'x'\nf()\n", 4, "TypeError"},
		{"in with body", "class C:\n    def __enter__(self): return self\n    def __exit__(self, *a): return False\nwith C():\n    x = 1\n    {}['k']\n", 6, "KeyError"},
		{"in loop else", "for i in range(2):\n    pass\nelse:\n    i + 'x'\n", 4, "TypeError"},
		{"walrus while", "def f(): return 0\nwhile (n := 1 // f()) > 0:\n    pass\n", 2, "ZeroDivisionError"},
		{"nonlocal", "def f():\n    n = 0\n    def g():\n        nonlocal n\n        n = n + 'x'\n    g()\nf()\n", 5, "TypeError"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runPy(t, "lines.py", tc.src)
			if r.err == nil {
				t.Fatalf("no error; output %q", r.out)
			}
			if strings.HasPrefix(r.errLine, "SyntaxError") {
				if !strings.Contains(r.err.Error(), ":"+itoa(tc.line)+":") {
					t.Errorf("compile error %v, want line %d", r.err, tc.line)
				}
			} else if line, _ := innermostLine(t, r.err); line != tc.line {
				t.Errorf("error at line %d, want %d: %v", line, tc.line, r.err)
			}
			if !strings.Contains(r.errLine+r.err.Error(), tc.msg) {
				t.Errorf("error %q lacks %q", r.errLine, tc.msg)
			}
		})
	}
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

// TestUnsupported: constructs qstar does not run fail with file:line:col,
// the construct's name and a hint, never a raw parser message.
func TestUnsupported(t *testing.T) {
	for _, tc := range []struct {
		src, where, what string
	}{
		{"x = 1\nyield x\n", "u.py:2:", "'yield' outside function"},
		{"def f():\n    return [lambda: (yield) for _ in 'ab']\n", "u.py:2:", "'yield' outside function (or inside a lambda)"},
		{"x = 1\nwith open('f') as fh:\n    pass\nelse:\n    pass\n", "u.py:4:1", "'else' does not follow"},
		{"async def f():\n    pass\n", "u.py:1:1", "'async'"},
		{"def f():\n    y = 1\n    def g():\n        nonlocal x\n", "u.py:4:9", "no binding for nonlocal 'x' found"},
		{"@decorator\nx = 1\n", "u.py:1:", "a decorator must come before def or class"},
		{"x = [*a for a in b]\n", "u.py:1:6", "'*'"},
		{"for i in range(3):\n    pass\nelse:\n    pass\nelse:\n    pass\n", "u.py:5:1", "invalid syntax"},
		{"f = lambda v: (y := v)\n", "u.py:1:", "':='"},
		{"x = 1 + 2j\n", "u.py:1:9", "complex numbers"},
		{"from nowhere import *\n", "u.py:1:1", "not a registered module"},
		{"print 'hello'\n", "u.py:1:1", "Python 2 print statement"},
		{"del f()\n", "u.py:1:5", "del of this target"},
		{"x = [a for *a, *b in rows]\n", "u.py:1:16", "invalid syntax: multiple starred expressions"},
		{"match x:\n    case:\n        pass\n", "u.py:2:5", "invalid syntax: case needs a pattern"},
		{"match x:\n    case [*a, *b]:\n        pass\n", "u.py:2:", "multiple starred"},
		{"match x:\n    case {**r, 1}:\n        pass\n", "u.py:2:", "invalid syntax"},
		{"match x:\n    case 1 if:\n        pass\n", "u.py:2:12", "guard needs a condition"},
		{"match x:\n    x = 1\n", "u.py:2:", "only case clauses"},
		{"a, *b, *c = x\n", "u.py:1:8", "invalid syntax: multiple starred expressions"},
	} {
		_, err := Translate("u.py", []byte(tc.src), nil)
		if err == nil {
			t.Errorf("%q: no error", tc.src)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, tc.where) || !strings.Contains(msg, tc.what) {
			t.Errorf("%q: got %q, want prefix %q and %q", tc.src, msg, tc.where, tc.what)
		}
		if tc.what != "" && !strings.Contains(msg, "hint:") && !strings.Contains(msg, "registered") && !strings.Contains(msg, "invalid syntax") && !strings.Contains(msg, "nonlocal") {
			t.Errorf("%q: no hint in %q", tc.src, msg)
		}
		if strings.Contains(msg, "want primary expression") || strings.Contains(msg, "internal") {
			t.Errorf("%q: raw parser message %q", tc.src, msg)
		}
	}
}

// TestReservedWordMessages: a reserved word left in an odd place gets a
// message naming it.
func TestReservedWordMessages(t *testing.T) {
	_, err := Translate("r.py", []byte("x = [a for a in range(3) if a is not None]\ny = [lambda: (yield) for a in x]\n"), nil)
	if err == nil || !strings.Contains(err.Error(), "r.py:2") || !strings.Contains(err.Error(), "yield") {
		t.Errorf("err = %v", err)
	}
}
