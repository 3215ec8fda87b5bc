package runtime

import (
	"os/exec"
	"strings"
	"testing"
)

// Tracebacks end as CPython 3.11's do, with "Did you mean: 'x'?" for a
// misspelt name or attribute, while str(e) stays without it. want is
// CPython's last traceback line; when python3 is installed the test
// checks that too.
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
	} {
		in := New(nil)
		out, err := runPyIn(in, tc.src)
		if err == nil {
			t.Errorf("%q: no error", tc.src)
			continue
		}
		lines := strings.Split(in.FormatError(err), "\n")
		if got := lines[len(lines)-1]; got != tc.want {
			t.Errorf("%q: traceback ends %q, want %q", tc.src, got, tc.want)
		}
		if strings.Contains(tc.src, "print(e)") && strings.Contains(out, "defined.\n") {
			t.Errorf("str(e) carries the hint: %q", out)
		}
		if py, err := exec.LookPath("python3"); err == nil {
			res, _ := exec.Command(py, "-c", tc.src).CombinedOutput()
			pl := strings.Split(strings.TrimSpace(string(res)), "\n")
			if got := pl[len(pl)-1]; got != tc.want {
				t.Errorf("%q: CPython ends %q, the test wants %q", tc.src, got, tc.want)
			}
		}
	}
}
