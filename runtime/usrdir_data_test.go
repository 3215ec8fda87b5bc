package runtime

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUsrPackageFollowsTheDataDir: with a data directory behind /usr
// (--data), `from usr.pkg.mod import x` finds the file there even when the
// main script sits in a subdirectory of it, as on the device where /usr is
// the root of the application's files.
func TestUsrPackageFollowsTheDataDir(t *testing.T) {
	data := t.TempDir()
	if err := os.MkdirAll(filepath.Join(data, "pkg"), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(data, "pkg", "mod.py"), []byte("x = 'from data'\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	env := NewEnv()
	env.Stdout, env.Stderr = &strings.Builder{}, &strings.Builder{}
	env.DataDir = data
	in := New(env)
	defer in.Close()
	in.Lock()
	th := in.NewThread("main")
	main := filepath.Join(data, "pkg", "main.py")
	g, err := in.ExecFile(th, main, []byte("from usr.pkg.mod import x\n"))
	in.Done(th)
	in.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	if got := g["x"]; got == nil || got.String() != `"from data"` {
		t.Errorf("x = %v", got)
	}
}
