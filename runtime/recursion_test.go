package runtime

import (
	"strings"
	"testing"
)

// Infinite recursion stops at the recursion limit with CPython's short
// traceback: three identical frames, then the count of the rest.
func TestRecursionTracebackIsFolded(t *testing.T) {
	in := New(nil)
	_, err := runPyIn(in, "def f(n):\n    return f(n + 1)\nf(0)\n")
	if err == nil {
		t.Fatal("no error")
	}
	tb := in.FormatError(err)
	lines := strings.Split(tb, "\n")
	if len(lines) > 12 {
		t.Fatalf("traceback has %d lines:\n%s", len(lines), tb)
	}
	if !strings.HasSuffix(tb, "RecursionError: maximum recursion depth exceeded") {
		t.Fatalf("traceback ends wrong:\n%s", tb)
	}
	if strings.Count(tb, `File "test.py", line 2, in f`) != 3 || !strings.Contains(tb, "  [Previous line repeated ") {
		t.Fatalf("frames not folded as CPython does:\n%s", tb)
	}
}

// RecursionError is an ordinary exception: a handler catches it, the
// thread goes on, and a recursion within the limit still runs.
func TestRecursionLimit(t *testing.T) {
	out, err := runPy(t, `
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("caught", e)
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(950))
try:
    depth(1200)
except RuntimeError:
    print("1200 is too deep")
`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "caught maximum recursion depth exceeded\n950\n1200 is too deep\n"; out != want {
		t.Fatalf("got %q, want %q", out, want)
	}
}

func TestSetRecursionLimit(t *testing.T) {
	in := New(nil)
	in.SetRecursionLimit(nil, 3000)
	out, err := runPyIn(in, "def d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\nprint(d(2500))\n")
	if err != nil || out != "2500\n" {
		t.Fatalf("out %q err %v", out, err)
	}
}

// Identical frames that are not consecutive are all shown; runs of the
// same frame fold with the right count.
func TestWriteFramesFolding(t *testing.T) {
	in := New(nil)
	_, err := runPyIn(in, "def a(n):\n    return b(n)\ndef b(n):\n    if n == 0:\n        return 1 // 0\n    return a(n - 1)\na(3)\n")
	tb := in.FormatError(err)
	if strings.Contains(tb, "repeated") || strings.Count(tb, "in a\n") != 4 || strings.Count(tb, "in b\n") != 4 {
		t.Fatalf("mutual recursion traceback:\n%s", tb)
	}
}
