package machine_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/qstar-dev/qstar/modules/misc"
	_ "github.com/qstar-dev/qstar/modules/ostimer"
	_ "github.com/qstar-dev/qstar/modules/std/thread"
	_ "github.com/qstar-dev/qstar/modules/sysbus"
)

// TestPatterns runs testdata/patterns/NAME.py, written after the shapes
// real QuecPython device code takes, on the test board and compares the
// output with NAME.out.
func TestPatterns(t *testing.T) {
	files, _ := filepath.Glob("testdata/patterns/*.py")
	if len(files) == 0 {
		t.Fatal("no pattern scripts")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, _ := os.ReadFile(f)
			want, err := os.ReadFile(strings.TrimSuffix(f, ".py") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			mustPy(t, profile, string(src), string(want))
		})
	}
}
