// Package sdktest runs SDK sample scripts against a local cloud in tests:
// every connection a script makes goes to the emulator.
package sdktest

import (
	"regexp"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/emulator"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// Emulator starts a local cloud with devices registered, closed at the end.
func Emulator(t *testing.T, devices emulator.Devices) *emulator.Emulator {
	t.Helper()
	em, err := emulator.Start(emulator.Options{Logf: t.Logf, Devices: devices})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { em.Close() })
	return em
}

// Script is a script running in the background against an emulator.
type Script struct {
	t    *testing.T
	In   *runtime.Interp
	Out  *runtimetest.Output
	done chan error
}

// Start runs src (a .py file called name) with its dials routed to em.
func Start(t *testing.T, em *emulator.Emulator, name, src string) *Script {
	t.Helper()
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { env.Dial, env.RootCAs = em.Dial, em.RootCAs() })
	s := &Script{t: t, In: in, Out: out, done: make(chan error, 1)}
	go func() { s.done <- runtimetest.ExecFile(in, name, src) }()
	return s
}

// Wait returns the output once the script has ended without an error.
func (s *Script) Wait() string {
	s.t.Helper()
	select {
	case err := <-s.done:
		if err != nil {
			s.t.Fatalf("script failed: %v\n%s", err, s.Out.String())
		}
	case <-time.After(20 * time.Second):
		s.t.Fatalf("script did not finish:\n%s", s.Out.String())
	}
	return s.Out.String()
}

// WaitFor waits until the output matches the regular expression re and
// returns the match and its groups.
func (s *Script) WaitFor(re string) []string {
	s.t.Helper()
	r := regexp.MustCompile(re)
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if m := r.FindStringSubmatch(s.Out.String()); m != nil {
			return m
		}
	}
	s.t.Fatalf("no %q in output:\n%s", re, s.Out.String())
	return nil
}
