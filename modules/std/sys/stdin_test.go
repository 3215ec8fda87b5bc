package sys_test

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

func TestStdinReadsLikeCPython(t *testing.T) {
	src := `import sys
name = input()
first = sys.stdin.readline()
rest = [line.strip() for line in sys.stdin]
print(name, repr(first), rest, repr(sys.stdin.read()), sys.stdin.readlines())
`
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { env.Stdin = strings.NewReader("ann\nline 2\nx\ny") })
	if err := runtimetest.Exec(in, "main.py", src); err != nil {
		t.Fatal(err)
	}
	want := "ann 'line 2\\n' ['x', 'y'] '' []\n"
	if out.String() != want {
		t.Fatalf("got %q, want %q (what python3 prints for this input)", out.String(), want)
	}
}
