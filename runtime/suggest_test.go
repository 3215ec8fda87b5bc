package runtime

import (
	"os/exec"
	"strings"
	"testing"
)

// checkTracebackEnd runs src and requires its traceback to end with want,
// CPython's last line (checked against python3 too when it is installed).
func checkTracebackEnd(t *testing.T, src, want string) {
	t.Helper()
	in := New(nil)
	out, err := runPyIn(in, src)
	if err == nil {
		t.Errorf("%q: no error", src)
		return
	}
	lines := strings.Split(in.FormatError(err), "\n")
	if got := lines[len(lines)-1]; got != want {
		t.Errorf("%q: traceback ends %q, want %q", src, got, want)
	}
	if strings.Contains(out, "Did you mean") {
		t.Errorf("%q: str(e) carries the hint: %q", src, out)
	}
	if py, err := exec.LookPath("python3"); err == nil {
		res, _ := exec.Command(py, "-c", src).CombinedOutput()
		pl := strings.Split(strings.TrimSpace(string(res)), "\n")
		if got := pl[len(pl)-1]; got != want {
			t.Errorf("%q: CPython ends %q, the test wants %q", src, got, want)
		}
	}
}

// Tracebacks end as CPython 3.11's do, with "Did you mean: 'x'?" for a
// misspelt name or attribute, while str(e) stays without it.
func TestDidYouMeanInTracebacks(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"prnt('x')\n", "NameError: name 'prnt' is not defined. Did you mean: 'print'?"},
		{"def f(count):\n    return cuont\nf(1)\n", "NameError: name 'cuont' is not defined. Did you mean: 'count'?"},
		{"limit = 3\ndef f():\n    return limt\nf()\n", "NameError: name 'limt' is not defined. Did you mean: 'limit'?"},
		{"zzzq\n", "NameError: name 'zzzq' is not defined"},
		{"class R:\n    def __init__(self):\n        self.name = 'r'\nR().nme\n", "AttributeError: 'R' object has no attribute 'nme'. Did you mean: 'name'?"},
		{"class R:\n    speed = 1\nR.sped\n", "AttributeError: type object 'R' has no attribute 'sped'. Did you mean: 'speed'?"},
		{"'abc'.uper()\n", "AttributeError: 'str' object has no attribute 'uper'. Did you mean: 'upper'?"},
		{"[].apend(1)\n", "AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?"},
		{"try:\n    prnt\nexcept NameError as e:\n    print(e)\n    raise\n", "NameError: name 'prnt' is not defined. Did you mean: 'print'?"},
		// a deleted global offers one; UnboundLocalError none (CPython: NameError itself only)
		{"count = 1\ncounts = 2\ndel count\nprint(count)\n", "NameError: name 'count' is not defined. Did you mean: 'counts'?"},
		{"def f():\n    ya = 1\n    yb = 2\n    del ya\n    return ya\nf()\n", "UnboundLocalError: cannot access local variable 'ya' where it is not associated with a value"},
	} {
		checkTracebackEnd(t, tc.src, tc.want)
	}
}
