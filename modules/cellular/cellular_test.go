package cellular_test

import (
	"flag"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/cellular"
	"github.com/qstar-dev/qstar/modules/cellular/atsim"
	"github.com/qstar-dev/qstar/modules/cellular/profile"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// syncBuf is an output buffer that callbacks on other goroutines may share.
type syncBuf = runtimetest.Output

// session is one interpreter with captured output.
type session struct {
	t        *testing.T
	in       *runtime.Interp
	out, log *syncBuf
}

func newSession(t *testing.T, config map[string]string) *session {
	t.Helper()
	env := runtime.NewEnv()
	s := &session{t: t, out: &syncBuf{}, log: &syncBuf{}}
	env.Stdout, env.Stderr = s.out, s.log
	for k, v := range config {
		env.Config[k] = v
	}
	env.Config["modem_iface"] = "none" // the test host's interfaces are not a modem's
	s.in = runtime.New(env)
	t.Cleanup(s.in.Close)
	return s
}

// exec runs src as a .star file and returns the error, if any.
func (s *session) exec(src string) error {
	return runtimetest.ExecFile(s.in, "test.star", src)
}

func (s *session) mustExec(src string) string {
	s.t.Helper()
	before := len(s.out.String())
	if err := s.exec(src); err != nil {
		s.t.Fatalf("script failed: %v\nstderr: %s", err, s.log.String())
	}
	return s.out.String()[before:]
}

// eval prints repr(expr) for each expression, one per line.
func (s *session) eval(exprs ...string) []string {
	s.t.Helper()
	src := `load("sim", "sim")
load("dataCall", "dataCall")
load("net", "net")
load("modem", "modem")
load("checkNet", "checkNet")
`
	for _, e := range exprs {
		src += "print(repr(" + e + "))\n"
	}
	return strings.Split(strings.TrimSuffix(s.mustExec(src), "\n"), "\n")
}

// eventually waits for cond, for asynchronous callbacks.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func loadProfile(t *testing.T, path string) *profile.Profile {
	t.Helper()
	p, err := profile.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func startSim(t *testing.T, p *profile.Profile) *atsim.Sim {
	t.Helper()
	s, err := atsim.Start(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// backends yields a session per backend, both seeded from p.
func backends(t *testing.T, p *profile.Profile, f func(t *testing.T, s *session, sim *atsim.Sim, m *cellular.SimModem)) {
	t.Run("sim", func(t *testing.T) {
		s := newSession(t, nil)
		m := cellular.NewSimModem(p)
		cellular.SetModem(s.in.Env, m)
		f(t, s, nil, m)
	})
	t.Run("at", func(t *testing.T) {
		sim := startSim(t, p)
		s := newSession(t, map[string]string{"modem": "at:" + sim.Path(), "at_timeout": "2s"})
		f(t, s, sim, nil)
	})
}

var update = flag.Bool("update", false, "rewrite testdata/all_functions.out from the sim backend")

func TestAllFunctionsBothBackends(t *testing.T) {
	src, err := os.ReadFile("testdata/all_functions.star")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/all_functions.out")
	if err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, s *session) {
		got := s.mustExec(string(src))
		if got != string(want) {
			t.Errorf("output differs from testdata/all_functions.out:\n%s", diff(string(want), got))
		}
		if strings.Contains(s.log.String(), "secret") {
			t.Errorf("a password reached the log:\n%s", s.log.String())
		}
	}
	t.Run("sim", func(t *testing.T) {
		s := newSession(t, map[string]string{"modem": "sim:testdata/profile.json"})
		if *update {
			if err := os.WriteFile("testdata/all_functions.out", []byte(s.mustExec(string(src))), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Skip("updated testdata/all_functions.out")
		}
		check(t, s)
	})
	t.Run("at", func(t *testing.T) {
		sim := startSim(t, loadProfile(t, "testdata/profile.json"))
		check(t, newSession(t, map[string]string{"modem": "at:" + sim.Path() + ",115200"}))
	})
	t.Run("at with line noise and URCs", func(t *testing.T) {
		sim := startSim(t, loadProfile(t, "testdata/profile.json"))
		sim.SetGarbage(true)
		sim.URCInNextResponse("+QIND: SMS DONE", "+CEREG: 5")
		check(t, newSession(t, map[string]string{"modem": "at:" + sim.Path()}))
	})
}

// diff shows the first differing line.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n--- full output:\n" + got
		}
	}
	return ""
}

func starlarkCall(th *starlark.Thread, fn starlark.Value) (starlark.Value, error) {
	return starlark.Call(th, fn, nil, nil)
}

func startSimB(p *profile.Profile) (*atsim.Sim, error) { return atsim.Start(p) }
