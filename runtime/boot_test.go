package runtime

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"go.starlark.net/starlark"
)

// builds counts how often the test's boot modules were built.
var builds atomic.Int32

func init() {
	for _, name := range []string{"uos", "gc", "misc"} {
		name := name
		Register(Module{Name: name, Doc: "boot test module", New: func(*Env) (starlark.StringDict, error) {
			builds.Add(1)
			return starlark.StringDict{"who": starlark.String(name)}, nil
		}})
	}
}

func TestBootGlobalsInMainOnly(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.py": `print(uos.who)
def f():
    return gc.who
print(f())
import misc
misc = 'mine'
print(misc)
ujson = 'not a boot module here'
print(ujson)
import lib
try:
    lib.g()
except NameError as e:
    print('NameError', e)
`,
		"lib.py": "def g():\n    return uos.who\n",
	})
	builds.Store(0)
	out, err := runMain(t, dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.HasPrefix(out, "uos\ngc\nmine\nnot a boot module here\n") || !strings.HasSuffix(out, "NameError name 'uos' is not defined\n") {
		t.Errorf("got:\n%s", out)
	}
	if !strings.Contains(out, "lib.py:2:12: warning: uos is not defined anywhere") {
		t.Errorf("no warning for the imported file's uos:\n%s", out)
	}
	if n := builds.Load(); n != 3 {
		t.Errorf("%d boot modules built, want 3 (uos, gc, misc)", n)
	}
}

func TestBootGlobalsUnusedCostNothing(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.py": "x = 'a.uos'  # obj.gc is an attribute\nprint(x)\n"})
	builds.Store(0)
	out, err := runMain(t, dir)
	if err != nil || out != "a.uos\n" {
		t.Fatalf("%q %v", out, err)
	}
	if n := builds.Load(); n != 0 {
		t.Errorf("%d boot modules built for a script that uses none", n)
	}
}

// runMainData is runMain with /usr on dir, as `qstar run` sets it.
func runMainData(t *testing.T, dir string) (string, error) {
	t.Helper()
	env := NewEnv()
	env.DataDir = dir
	in := New(env)
	var out strings.Builder
	in.Env.Stdout, in.Env.Stderr = &out, &out
	defer in.Close()
	in.Lock()
	th := in.NewThread("main")
	_, err := in.ExecFile(th, filepath.Join(dir, "main.py"), nil)
	in.Done(th)
	in.Unlock()
	return out.String(), err
}

func TestBootSystemConfig(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.py": "print(open('/usr/system_config.json').read())\n"})
	out, err := runMainData(t, dir)
	if err != nil || out != "{\"replFlag\": 0}\n" {
		t.Fatalf("%q %v", out, err)
	}
	dir = writeTree(t, map[string]string{"main.py": "print(1)\n"})
	if _, err := runMainData(t, dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "system_config.json")); err == nil {
		t.Error("system_config.json written for a script that never names it")
	}
	dir = writeTree(t, map[string]string{"main.py": "print(open('/usr/system_config.json').read())\n", "system_config.json": "{\"replFlag\": 1}"})
	if out, err := runMainData(t, dir); err != nil || out != "{\"replFlag\": 1}\n" {
		t.Errorf("an existing file was not kept: %q %v", out, err)
	}
}
