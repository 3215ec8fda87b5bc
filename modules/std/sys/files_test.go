package sys_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/std/ujson"
)

// TestFilesMatchCPython runs each testdata/files_*.py in an empty data
// directory with qstar, and in another with python3 as the working
// directory, and wants the same output: relative paths land in /usr.
func TestFilesMatchCPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	scripts, _ := filepath.Glob("testdata/files_*.py")
	if len(scripts) == 0 {
		t.Fatal("no testdata/files_*.py")
	}
	for _, script := range scripts {
		src, err := os.ReadFile(script)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(script), func(t *testing.T) {
			got := runQstarIn(t, src)
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "main.py"), src, 0o644)
			cmd := exec.Command(py, "main.py")
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("python3: %v\n%s", err, out)
			}
			if got != string(out) {
				t.Errorf("qstar and CPython differ\n--- qstar\n%s--- CPython\n%s", got, out)
			}
		})
	}
}

// runQstarIn runs src as main.py in a fresh data directory.
func runQstarIn(t *testing.T, src []byte) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "main.py")
	os.WriteFile(path, src, 0o644)
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { env.DataDir = dir })
	if err := runtimetest.Exec(in, path, string(src)); err != nil {
		return out.String() + runtime.ErrorLine(err) + "\n"
	}
	return out.String()
}
