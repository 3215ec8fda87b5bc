package repl

import (
	"bytes"
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime"
)

// TestCertainError: a chunk no further line can fix is reported while it
// is typed (`def g(:` does not trap the user); a chunk that more lines
// could still complete is not.
func TestCertainError(t *testing.T) {
	s := NewSession(runtime.New(nil))
	for _, src := range []string{"def g(:\n", "for i in range(2):\n    print(i))\n", "if x\n", "while n > 0\n"} {
		if err := s.certainError(src, 1); err == nil {
			t.Errorf("%q: no error, want a syntax error now", src)
		}
	}
	// two operands side by side: CPython's words, at the line that has them
	for _, src := range []string{"x = [1,\n 2 3\n", "print(1\n 2\n", "d = {'a': 1\n 'b': 2\n", "f(a,\n  b c,\n"} {
		err := s.certainError(src, 1)
		if err == nil || !strings.HasPrefix(err.Error(), "<stdin>:2:") || !strings.HasSuffix(err.Error(), "invalid syntax. Perhaps you forgot a comma?") {
			t.Errorf("%q: %v, want line 2's missing comma", src, err)
		}
	}
	for _, src := range []string{
		"def f(a,\n", "foo(1,\n", "def f():\n", "try:\n    x = 1\n", "class C:\n    @staticmethod\n",
		"f = lambda v: (v *\n", "d = {\n", "s = '''abc\n", "if x:\n    y = [1,\n", "total = 1 + \\\n",
		"x = [1 if y\n", "z = [a\n", "x = (1,\n 2,\n", "y = [i for i in\n", "if (a and\n",
	} {
		if err := s.certainError(src, 1); err != nil {
			t.Errorf("%q: %v, want nil (more input can finish it)", src, err)
		}
	}
}

// TestPipedLineNumbers: piped input's tracebacks and syntax errors name
// the line of the input, not of the chunk; a closed bracket runs at once.
func TestPipedLineNumbers(t *testing.T) {
	in := runtime.New(nil)
	var out, errs bytes.Buffer
	in.Env.Stdout, in.Env.Stderr = &out, &errs
	src := "x = 1\nprint(x,\n      2)\ndef f():\n    return 1/0\n\nf()\ndef g(:\nprint('after')\ny = [1,\n 2 3\nprint('then')\n"
	code := Run(in, Options{Stdin: strings.NewReader(src), Stdout: &out, Stderr: &errs})
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if out.String() != "1 2\nafter\nthen\n" {
		t.Errorf("stdout %q", out.String())
	}
	for _, want := range []string{`File "<stdin>", line 7, in <module>`, `File "<stdin>", line 5, in f`, "<stdin>:8:", "<stdin>:11:5: invalid syntax. Perhaps you forgot a comma?"} {
		if !strings.Contains(errs.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs.String())
		}
	}
}
