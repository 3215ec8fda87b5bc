package runtime

import (
	"strings"
	"testing"
)

// TestPythonModuleDocumented: the python module `qstar port` output loads
// from is registered, holds every helper translated code may call (each
// predeclared "_" name), and each member has a signature and doc line.
func TestPythonModuleDocumented(t *testing.T) {
	if _, ok := Lookup(pythonModule); !ok {
		t.Fatal("python module not registered")
	}
	in := New(nil)
	mv, err := in.Module(pythonModule)
	if err != nil {
		t.Fatal(err)
	}
	for name := range in.Predeclared() {
		if in.isHelper(name) && mv.Members[PortName(name)] == nil {
			t.Errorf("helper %s is not python.%s", name, PortName(name))
		}
	}
	for name := range mv.Members {
		sig, doc, ok := MemberDoc(pythonModule, name)
		if !ok || doc == "" || !strings.HasPrefix(sig, name) {
			t.Errorf("python.%s: signature %q, doc %q: want both, the signature naming it", name, sig, doc)
		}
	}
	if got := PortName("_try"); got != "pytry" {
		t.Errorf("PortName(_try) = %q", got)
	}
}

// TestPythonModuleRuns: a .star file using the helpers through load runs
// them bound to its own interpreter (pyimport imports into it).
func TestPythonModuleRuns(t *testing.T) {
	out, err := runStar(t, `load("python", "pyimport", "pyformat", "pytry", "pyclass", "pyraise")
fmt = pyimport("python", "pyformat")
print(fmt("{:>5}|", str([1])))
def body():
    pyraise(ValueError("boom"))
def handler(e):
    print("caught", e)
pytry(body, [(ValueError, handler)], None, None)
C = pyclass("C", (), {"__doc__": "a C"})
print(C.__doc__ if hasattr(C, "__doc__") else "")
`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "  [1]|\ncaught boom\na C\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

// runStar runs Starlark source as the main script.
func runStar(t testing.TB, src string) (string, error) {
	t.Helper()
	in := New(nil)
	var out strings.Builder
	in.Env.Stdout, in.Env.Stderr = &out, &out
	defer in.Close()
	in.Lock()
	th := in.NewThread("main")
	_, err := in.ExecFile(th, "test.star", []byte(src))
	in.Done(th)
	in.Unlock()
	in.Wait()
	return out.String(), err
}
