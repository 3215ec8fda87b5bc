package sys_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	stdsys "github.com/qstar-dev/qstar/modules/std/sys"
	"github.com/qstar-dev/qstar/runtime"
)

func TestSysMatchesCPython(t *testing.T) {
	stdtest.CompareWithPython(t, `load("sys", "sys")`, "import sys", []string{
		`sys.byteorder`, `sys.maxsize`,
	})
}

func TestArgvPlatformAndStdout(t *testing.T) {
	out := stdtest.MustRun(t, `
load("sys", "sys")
print(sys.argv, sys.platform, sys.implementation.name, sys.version_info[0])
n = sys.stdout.write("héllo\n")
print(n, sys.stdout.write(b"ab"))
sys.print_exception("plain message")
`, func(env *runtime.Env) { env.Args = []string{"script.py", "--flag", "x"} })
	want := "['script.py', '--flag', 'x'] qstar qstar 3\nhéllo\nab6 2\nplain message\n"
	if out != want {
		t.Errorf("got:\n%q\nwant:\n%q", out, want)
	}
}

func TestExit(t *testing.T) {
	for _, tc := range []struct {
		src    string
		code   int
		stderr string
	}{
		{"sys.exit()", 0, ""},
		{"sys.exit(3)", 3, ""},
		{"sys.exit(None)", 0, ""},
		{"sys.exit('fatal: no network')", 1, "fatal: no network\n"},
		{"def f():\n    sys.exit(7)\nf()\nprint('not reached')", 7, ""},
	} {
		out, err := stdtest.Run(t, "load('sys', 'sys')\n"+tc.src, nil)
		code, ok := runtime.ExitCode(err)
		if !ok || code != tc.code || out != tc.stderr {
			t.Errorf("%s: err=%v code=%d output=%q, want code %d output %q", tc.src, err, code, out, tc.code, tc.stderr)
		}
	}
}

// exception is how the Python front end's exception objects look to Go.
type exception struct{ typ, msg string }

func (e exception) String() string        { return e.msg }
func (e exception) PyStr() string         { return e.msg }
func (e exception) Type() string          { return e.typ }
func (e exception) Freeze()               {}
func (e exception) Truth() starlark.Bool  { return true }
func (e exception) Hash() (uint32, error) { return 0, nil }

func TestExceptionLine(t *testing.T) {
	for _, tc := range []struct {
		v    starlark.Value
		want string
	}{
		{exception{"ValueError", "bad value"}, "ValueError: bad value"},
		{exception{"StopIteration", ""}, "StopIteration"},
		{starlark.String("failed"), "failed"},
		{starlark.MakeInt(3), "3"},
	} {
		if got := stdsys.ExceptionLine(tc.v); got != tc.want {
			t.Errorf("ExceptionLine(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func TestGC(t *testing.T) {
	out := stdtest.MustRun(t, `
load("gc", "gc")
gc.collect()
print(gc.mem_free() > 0, gc.mem_alloc() > 0, gc.isenabled())
gc.disable()
print(gc.isenabled())
`, nil)
	if out != "True True True\nFalse\n" {
		t.Errorf("got %q", out)
	}
}

func TestOS(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("12345"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.txt"), nil, 0o644)
	t.Setenv("QSTAR_STD_TEST", "yes")
	src := strings.ReplaceAll(`
uos = _import("uos")
print(uos.listdir("DIR"))
print(uos.stat("DIR/b.txt")[6], uos.getenv("QSTAR_STD_TEST"), uos.getenv("QSTAR_STD_UNSET", "dflt"))
uos.mkdir("DIR/sub")
uos.rename("DIR/a.txt", "DIR/sub/c.txt")
print(uos.listdir("DIR"), uos.listdir("DIR/sub"))
uos.remove("DIR/sub/c.txt")
uos.rmdir("DIR/sub")
print(len(uos.urandom(16)), uos.uname().sysname, uos.sep)
`, "DIR", dir)
	out := stdtest.MustRun(t, src, nil)
	want := "['a.txt', 'b.txt']\n5 yes dflt\n['b.txt', 'sub'] ['c.txt']\n16 qstar /\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestOSErrorsMatchCPython(t *testing.T) {
	// qstar raises OSError itself, CPython its subclass FileNotFoundError.
	stdtest.CompareErrors(t, `os = _import("os")`, `import os`, []string{
		`os.remove('/nonexistent-qstar/x')`,
		`os.listdir('/nonexistent-qstar')`,
	}, func(err error) string {
		return strings.Replace(runtime.ErrorLine(err), "OSError: [Errno 2]", "FileNotFoundError: [Errno 2]", 1)
	})
}
