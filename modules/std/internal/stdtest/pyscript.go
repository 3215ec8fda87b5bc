package stdtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// RunPy runs src as the Python script test.py through the front end and
// returns its output (stdout and stderr) and error.
func RunPy(t testing.TB, src string) (string, error) {
	t.Helper()
	in, out := runtimetest.NewInterp(t, nil)
	err := runtimetest.Exec(in, "test.py", src)
	return out.String(), err
}

// uNames lets CPython import the QuecPython names of the standard modules.
const uNames = "import sys, struct, random, collections, io, re, json, time, binascii\n" +
	"sys.modules.update(ustruct=struct, urandom=random, ucollections=collections, uio=io, ure=re, ujson=json, utime=time, ubinascii=binascii)\n"

// SamePyOutput runs src as a Python script in qstar and in CPython and
// reports the first line where their outputs differ.
func SamePyOutput(t *testing.T, src string) {
	t.Helper()
	want := runtimetest.Python(t, uNames+src, "")
	got, err := RunPy(t, src)
	if err != nil {
		t.Fatalf("qstar: %v\noutput:\n%s", err, got)
	}
	g, w := Lines(got), Lines(want)
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			t.Fatalf("line %d differs\n  qstar:   %q\n  CPython: %q\nqstar output:\n%s", i+1, a, b, strings.Join(g, "\n"))
		}
	}
}

// SamePyOutputFiles runs each file matching pattern (testdata/*.py) as
// a subtest: qstar's output must equal CPython's.
func SamePyOutputFiles(t *testing.T, pattern string) {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts match %s: %v", pattern, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			SamePyOutput(t, string(src))
		})
	}
}
