// Package stdtest runs small scripts through the real runtime for the
// standard modules' tests, and asks CPython for reference answers.
package stdtest

import (
	"bytes"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/qstar-dev/qstar/runtime"
)

// Run executes src as test.star in a fresh interpreter and returns what it
// printed. setup, if not nil, may adjust the Env first (clock, args).
func Run(t testing.TB, src string, setup func(*runtime.Env)) (string, error) {
	t.Helper()
	env := runtime.NewEnv()
	out := &Output{}
	env.Stdout, env.Stderr = out, out
	if setup != nil {
		setup(env)
	}
	in := runtime.New(env)
	defer in.Close()
	in.Lock()
	th := in.NewThread("main")
	_, err := in.ExecFile(th, "test.star", []byte(src))
	in.Done(th)
	in.Unlock()
	if err == nil {
		in.Wait()
	}
	return out.String(), err
}

// Output collects stdout and stderr together, safe for concurrent writers. Env.Write locks, but
// some writers (thread tracebacks) write to Stderr directly, so the shared
// buffer needs its own lock.
type Output struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *Output) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *Output) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// MustRun is Run that fails the test on a script error.
func MustRun(t testing.TB, src string, setup func(*runtime.Env)) string {
	t.Helper()
	out, err := Run(t, src, setup)
	if err != nil {
		t.Fatalf("script failed: %v\noutput:\n%s\nscript:\n%s", err, out, src)
	}
	return out
}

// Python runs code with python3 and returns its stdout; the test is skipped
// when python3 is not installed.
func Python(t testing.TB, code string) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	cmd := exec.Command(py, "-c", code)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	return string(out)
}

// Lines splits output into lines without the trailing empty one.
func Lines(s string) []string {
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}
