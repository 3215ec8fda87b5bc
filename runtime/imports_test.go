package runtime

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree writes files (path -> source) under a new directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runMain(t *testing.T, dir string) (string, error) {
	t.Helper()
	in := New(nil)
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

func TestImportPackagesAndIdentity(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.py": `import pkg.sub as s
from pkg import sub
import pkg.sub
from pkg import other
import usr.pkg.sub as u
print(s.hello(), sub.hello(), pkg.sub.hello(), other.NAME)
s.state.append(1)
print(len(sub.state), len(u.state), s.__name__, u.__name__)
print(s.__file__.endswith("sub.py"))
`,
		"pkg/sub.py":   "print('sub runs')\nstate = []\ndef hello():\n    return 'hi from ' + __name__\n",
		"pkg/other.py": "NAME = 'other'\n",
	})
	out, err := runMain(t, dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// pkg.sub and usr.pkg.sub are two names for one file: it runs once.
	want := "sub runs\nhi from pkg.sub hi from pkg.sub hi from pkg.sub other\n1 1 pkg.sub usr.pkg.sub\nTrue\n"
	if out != want {
		t.Fatalf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestImportErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"from pkg import nothing\n", "ImportError: cannot import name 'nothing' from 'pkg'"},
		{"import pkg.missing\n", "ModuleNotFoundError: No module named 'pkg.missing'"},
		{"from .. import x\n", "ImportError: attempted relative import beyond top-level package"},
		{"from rtest import nothing_here\n", "ImportError: cannot import name 'nothing_here' from 'rtest' (unknown location)"},
	} {
		dir := writeTree(t, map[string]string{"main.py": tc.src, "pkg/__init__.py": "X = 1\n"})
		_, err := runMain(t, dir)
		if err == nil || !strings.Contains(New(nil).FormatError(err), tc.want) {
			t.Errorf("%q: err %v, want %q", tc.src, err, tc.want)
		}
	}
}
