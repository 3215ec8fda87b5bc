package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updatePort = flag.Bool("update-port", false, "rewrite testdata/port/*.star from qstar port")

// TestPort: `qstar port NAME.py` prints NAME.star (helpers loaded from the
// python module, str.format without specs and load lines kept), and both
// the .py and the ported .star print NAME.out under `qstar run` (NAME.out
// is CPython's output where the file runs under CPython).
func TestPort(t *testing.T) {
	pys, _ := filepath.Glob("testdata/port/*.py")
	if len(pys) == 0 {
		t.Fatal("no testdata/port/*.py")
	}
	libs, _ := filepath.Glob("testdata/port/lib*.star")
	for _, py := range pys {
		base := strings.TrimSuffix(py, ".py")
		t.Run(filepath.Base(base), func(t *testing.T) {
			var ported, stderr bytes.Buffer
			if code := Main([]string{"port", py}, strings.NewReader(""), &ported, &stderr); code != 0 {
				t.Fatalf("port: exit %d: %s", code, stderr.String())
			}
			if *updatePort {
				os.WriteFile(base+".star", ported.Bytes(), 0o644)
			}
			if want, _ := os.ReadFile(base + ".star"); ported.String() != string(want) {
				t.Errorf("port output differs from %s.star.\n--- got\n%s--- want\n%s", base, ported.String(), want)
			}
			want, err := os.ReadFile(base + ".out")
			if err != nil {
				t.Fatal(err)
			}
			// the ported file runs beside the libraries the .py loads
			dir := t.TempDir()
			for _, lib := range libs {
				b, _ := os.ReadFile(lib)
				os.WriteFile(filepath.Join(dir, filepath.Base(lib)), b, 0o644)
			}
			star := filepath.Join(dir, filepath.Base(base)+".star")
			os.WriteFile(star, ported.Bytes(), 0o644)
			for _, file := range []string{py, star} {
				var out, errOut bytes.Buffer
				if code := Main([]string{"run", file}, strings.NewReader(""), &out, &errOut); code != 0 {
					t.Errorf("run %s: exit %d: %s", filepath.Base(file), code, errOut.String())
				}
				if out.String() != string(want) {
					t.Errorf("run %s: stdout differs.\n--- got\n%s--- want\n%s", filepath.Base(file), out.String(), want)
				}
			}
		})
	}
}
