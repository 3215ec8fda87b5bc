// Package runtimetest runs scripts through the real runtime in Go tests.
package runtimetest

import (
	"bytes"
	"sync"
	"testing"

	"github.com/qstar-dev/qstar/runtime"
)

// Output collects what a script prints; safe for writers on many goroutines.
type Output struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (o *Output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Write(p)
}

func (o *Output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// NewInterp returns an interpreter whose stdout and stderr both go to the
// returned Output; setup, if not nil, adjusts the Env first. The
// interpreter is closed when the test ends.
func NewInterp(t testing.TB, setup func(*runtime.Env)) (*runtime.Interp, *Output) {
	env := runtime.NewEnv()
	out := &Output{}
	env.Stdout, env.Stderr = out, out
	if setup != nil {
		setup(env)
	}
	in := runtime.New(env)
	t.Cleanup(in.Close)
	return in, out
}

// ExecFile runs src as the main script called name (".py" goes through
// the Python front end) on in; threads it started may still be running.
func ExecFile(in *runtime.Interp, name, src string) error {
	in.Lock()
	defer in.Unlock()
	th := in.NewThread("main")
	defer in.Done(th)
	_, err := in.ExecFile(th, name, []byte(src))
	return err
}

// Exec is ExecFile, then waits for the threads the script started.
func Exec(in *runtime.Interp, name, src string) error {
	err := ExecFile(in, name, src)
	if err == nil {
		in.Wait()
	}
	return err
}

// Run executes src as test.star in a fresh interpreter and returns what it printed.
func Run(t testing.TB, src string, setup func(*runtime.Env)) (string, error) {
	t.Helper()
	in, out := NewInterp(t, setup)
	err := Exec(in, "test.star", src)
	return out.String(), err
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
