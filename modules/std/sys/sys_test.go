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

func TestUOS(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("12345"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.txt"), nil, 0o644)
	t.Setenv("QSTAR_STD_TEST", "yes")
	t.Setenv("QSTAR_STD_HIDDEN", "no")
	src := `
uos = _import("uos")
print(uos.listdir("/usr"), uos.listdir("/"), uos.getcwd())
print(uos.stat("/usr/b.txt")[6], uos.stat("b.txt")[0], uos.stat("/usr")[0])
print(uos.getenv("QSTAR_STD_TEST"), uos.getenv("QSTAR_STD_HIDDEN", "dflt"), uos.environ)
uos.mkdir("/usr/sub")
uos.rename("/usr/a.txt", "/usr/sub/c.txt")
print(uos.listdir("/usr"), uos.listdir("usr/sub"), list(uos.ilistdir("/usr")))
uos.remove("/usr/sub/c.txt")
uos.remove("/usr/sub")  # an empty directory, as littleFS allows
print(uos.listdir(), len(uos.urandom(16)), uos.sep)
print(uos.uname()[0].split("=")[1], uos.uname2().sysname, len(uos.statvfs("/usr")))
v = uos.statvfs("/usr")
print(v[0] > 0 and v[2] > 0 and v[3] <= v[2], v[5:])  # littleFS: no inode counts or flags
`
	out := stdtest.MustRun(t, src, func(env *runtime.Env) {
		env.DataDir = dir
		env.Grants.Env = []string{"QSTAR_STD_TEST"}
	})
	want := "['a.txt', 'b.txt'] ['usr', 'bak'] /usr\n" +
		"5 32768 16384\n" +
		"yes dflt {'QSTAR_STD_TEST': 'yes'}\n" +
		"['b.txt', 'sub'] ['c.txt'] [('b.txt', 32768, 0, 5), ('sub', 16384, 0, 0)]\n" +
		"['b.txt'] 16 /\n" +
		"EC600N-CNLE EC600N-CNLE 10\n" +
		"True (0, 0, 0, 0, 255)\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestOSErrorsMatchCPython(t *testing.T) {
	stdtest.CompareErrors(t, `os = _import("os")`, `import os`, []string{
		`os.remove('/usr/nonexistent-qstar/x')`,
		`os.listdir('/usr/nonexistent-qstar')`,
	}, runtime.ErrorLine)
}

// TestOSRefusesPathsOutsideTheDataDirectory: absolute host paths, ".."
// and symlinks out are PermissionErrors naming the path; a grant opens one.
func TestOSRefusesPathsOutsideTheDataDirectory(t *testing.T) {
	data, outside := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret"), []byte("s"), 0o644)
	os.Symlink(outside, filepath.Join(data, "out"))
	for _, expr := range []string{
		`os.listdir("` + outside + `")`,
		`os.stat("../secret")`,
		`open("out/secret")`,
		`open("/usr/../../secret", "w")`,
		`os.remove("` + outside + `/secret")`,
		`os.rename("/usr/x", "` + outside + `/x")`,
	} {
		_, err := stdtest.Run(t, "os = _import('os')\n"+expr, func(env *runtime.Env) { env.DataDir = data })
		line := runtime.ErrorLine(err)
		if !strings.HasPrefix(line, "PermissionError: [Errno 13] Permission denied: '") || !strings.Contains(line, "--allow-fs") {
			t.Errorf("%s: %s", expr, line)
		}
	}
	out := stdtest.MustRun(t, `os = _import("os")
print(os.listdir("`+outside+`"), open("out/secret").read())`, func(env *runtime.Env) {
		env.DataDir = data
		env.Grants.FS = []string{outside}
	})
	if out != "['secret'] s\n" {
		t.Errorf("with --allow-fs: %q", out)
	}
	if _, err := os.Stat(filepath.Join(outside, "secret")); err != nil {
		t.Errorf("the refused remove removed the file: %v", err)
	}
}

// TestUOSMountKeepsVolumesInTheDataDirectory: an SD card or extra littleFS
// volume mounted by the script is a hidden directory beside /bak's.
func TestUOSMountKeepsVolumesInTheDataDirectory(t *testing.T) {
	dir := t.TempDir()
	out := stdtest.MustRun(t, `
uos = _import("uos")
sd = uos.VfsSd("sd_fs")
print(uos.mount(sd, "/sd"), sd.set_det(sd.GPIO10, 0))
f = open("/sd/log.txt", "w")
f.write("x")
f.close()
print(uos.listdir("/"), uos.listdir("/sd"), uos.listdir("/usr"))
uos.umount("/sd")
print(uos.listdir("/"))
`, func(env *runtime.Env) { env.DataDir = dir })
	want := "None 0\n['usr', 'bak', 'sd'] ['log.txt'] []\n['usr', 'bak']\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ".sd", "log.txt")); string(b) != "x" {
		t.Errorf("the volume's file on the host: %q", b)
	}
}
