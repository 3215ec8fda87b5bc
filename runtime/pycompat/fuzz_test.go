package pycompat

import (
	"os"
	"path/filepath"
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
	})
}
