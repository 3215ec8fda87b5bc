package pycompat

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/cases/*.out from python3")

// caseOutput is what a case prints, plus "!! Type: msg" when it fails.
func caseOutput(out, errLine string) string {
	if errLine != "" {
		out += "!! " + errLine + "\n"
	}
	return out
}

// TestCases runs every testdata/cases/*.py through the translator and
// compares with the golden output, which is what CPython prints; when
// python3 is installed the test also runs CPython and requires the same.
func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/cases/*.py")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".py")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(file, ".py") + ".out"
			if *update {
				out, errLine := runCPython(t, string(src))
				if err := os.WriteFile(golden, []byte(caseOutput(out, errLine)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			r := runPy(t, filepath.Base(file), string(src))
			if got := caseOutput(r.out, r.errLine); got != string(want) {
				t.Errorf("qstar output differs from CPython's\n--- qstar\n%s--- CPython (%s)\n%s", got, golden, want)
				if r.err != nil {
					t.Logf("error: %v", r.err)
				}
			}
			// the Starlark that `qstar port` prints is the same program
			res, err := Translate(filepath.Base(file), src, nil)
			if err != nil {
				return // from-import * needs ModuleNames; covered above
			}
			f, err := defaultFileOptions.Parse("port.star", res.Starlark, 0)
			if err != nil {
				t.Fatalf("port output does not parse: %v\n%s", err, res.Starlark)
			}
			if pr := runFile(f, nil); caseOutput(pr.out, pr.errLine) != string(want) {
				got := caseOutput(pr.out, pr.errLine)
				t.Errorf("ported Starlark prints\n%s\nwant\n%s\n--- port\n%s", got, want, res.Starlark)
			}
		})
	}
}

// TestCasesMatchCPython checks the golden files against python3 itself, so
// they cannot drift from what CPython prints.
func TestCasesMatchCPython(t *testing.T) {
	files, _ := filepath.Glob("testdata/cases/*.py")
	for _, file := range files {
		src, _ := os.ReadFile(file)
		want, err := os.ReadFile(strings.TrimSuffix(file, ".py") + ".out")
		if err != nil {
			t.Fatal(err)
		}
		out, errLine := runCPython(t, string(src))
		if got := caseOutput(out, errLine); got != string(want) {
			t.Errorf("%s: python3 prints\n%s\ngolden says\n%s", file, got, want)
		}
	}
}
