package scripts_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"

	_ "github.com/qstar-dev/qstar/modules/all"
)

func TestScriptsMatchCPython(t *testing.T) {
	files, err := filepath.Glob("testdata/*.py")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			stdtest.SamePyOutput(t, string(src))
		})
	}
}
