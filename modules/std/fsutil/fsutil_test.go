package fsutil_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/std/fsutil"
	_ "github.com/qstar-dev/qstar/modules/std/sys"
)

// TestMatchesCPython runs each testdata/*.py with qstar in one empty data
// directory and with python3 in another, and wants the same output.
func TestMatchesCPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	scripts, _ := filepath.Glob("testdata/*.py")
	for _, script := range scripts {
		src, _ := os.ReadFile(script)
		t.Run(filepath.Base(script), func(t *testing.T) {
			qdir, pdir := t.TempDir(), t.TempDir()
			path := filepath.Join(qdir, "main.py")
			os.WriteFile(path, src, 0o644)
			in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { env.DataDir = qdir })
			got := ""
			if err := runtimetest.Exec(in, path, string(src)); err != nil {
				got = runtime.ErrorLine(err) + "\n"
			}
			got = out.String() + got
			os.WriteFile(filepath.Join(pdir, "main.py"), src, 0o644)
			cmd := exec.Command(py, "main.py")
			cmd.Dir = pdir
			want, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("python3: %v\n%s", err, want)
			}
			if got != string(want) {
				t.Errorf("qstar and CPython differ\n--- qstar\n%s--- CPython\n%s", got, want)
			}
		})
	}
}
