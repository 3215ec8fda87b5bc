package pycompat

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/pylib"
)

// FuzzTranslate: the translator never panics, and whatever it accepts
// resolves as Starlark and prints as Starlark that parses again.
func FuzzTranslate(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/vendor/*.py")
	more, _ := filepath.Glob("testdata/cases/*.py")
	for _, file := range append(files, more...) {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte("try:\n x=1\nexcept:\n pass\n"))
	f.Add([]byte("class A(B):\n def f(self): return super().f() ** 2\n"))
	f.Add([]byte("del a[b], c\nraise X from Y\nassert a, b\n"))
	f.Add([]byte("if _TRY_:\n pass\nelif _EXCEPT_:\n pass\n"))
	f.Add([]byte("@d.setter\ndef f(x): return 0 < x < f'{x!r:>4}' ** 2\nprint(sum(v for v in {1, 2}))\n"))
	pred := starlark.StringDict{"_import": starlark.None, "print": starlark.None}
	for k, v := range pylib.Builtins() {
		pred[k] = v
	}
	// port mode names helpers as the runtime's python module does
	fuzzPort := &PortTo{Module: "python", Name: func(h string) (string, bool) {
		if !strings.HasPrefix(h, "_") || h == "_" || !pred.Has(h) {
			return "", false
		}
		return "py" + strings.TrimPrefix(h, "_"), true
	}}
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := translate("fuzz.py", src, nil)
		if err != nil {
			return
		}
		if _, err := starlark.FileProgram(res.File, func(name string) bool {
			return pred.Has(name) || starlark.Universe.Has(name)
		}); err != nil {
			return // e.g. an undefined name: a user error, reported with its line
		}
		if _, err := defaultFileOptions.Parse("port.star", res.Starlark, 0); err != nil {
			t.Errorf("port output does not parse: %v\n--- python\n%s\n--- starlark\n%s", err, src, res.Starlark)
		}
		// in port mode every helper comes from the load line, none is predeclared
		port, err := translate("fuzz.py", src, &Options{Port: fuzzPort})
		if err != nil {
			t.Fatalf("accepted, then rejected in port mode: %v", err)
		}
		f, err := defaultFileOptions.Parse("port.star", port.Starlark, 0)
		if err != nil {
			t.Fatalf("port-mode output does not parse: %v\n--- starlark\n%s", err, port.Starlark)
		}
		if _, err := starlark.FileProgram(f, func(name string) bool {
			return (pred.Has(name) && !strings.HasPrefix(name, "_")) || starlark.Universe.Has(name)
		}); err != nil {
			t.Errorf("port-mode output does not resolve without predeclared helpers: %v\n--- python\n%s\n--- starlark\n%s", err, src, port.Starlark)
		}
	})
}
