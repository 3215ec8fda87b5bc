package runtime

import (
	"strings"
	"testing"
)

// TestCircularImports: a module imported again while its file still runs
// is the same module object, holding the names defined so far, as
// CPython's partly initialised modules are; once it finishes, the object
// has all of them.
func TestCircularImports(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.py": `import pkg
print(pkg.B.__name__, pkg.B.base(), type(pkg.network).__name__, pkg.other.X)
import a
print(a.X, a.b.Y, a.b.late())
import c
`,
		"pkg/__init__.py": "from .a import A\nfrom .b import B\nfrom .network import network\nfrom . import other\n",
		"pkg/a.py":        "class A:\n    @classmethod\n    def base(cls):\n        return 'A'\n",
		"pkg/b.py":        "from . import A\nclass B(A):\n    pass\n",
		"pkg/network.py":  "class NetWork:\n    pass\nnetwork = NetWork()\n",
		"pkg/other.py":    "X = 'other'\n",
		"a.py":            "X = 1\nimport b\ndef later():\n    return 'later'\n",
		"b.py":            "import a\nY = a.X + 1\ndef late():\n    return a.later()\n",
		"c.py":            "import d\nZ = 3\n",
		"d.py": `import c
try:
    from c import Z
except ImportError as e:
    print('ImportError:', e)
print(hasattr(c, 'Z'))
`,
	})
	out, err := runMain(t, dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{
		"B A NetWork other",
		"1 2 later",
		"ImportError: cannot import name 'Z' from partially initialized module 'c' (most likely due to a circular import) (" + dir + "/c.py)",
		"False",
	}
	if len(lines) != len(want) {
		t.Fatalf("got:\n%s", out)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d: got %q, want %q", i+1, lines[i], want[i])
		}
	}
}

// TestCircularImportFailureForgetsModule: a module whose file raised is
// not left half-built for the next import.
func TestCircularImportFailureForgetsModule(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.py": `try:
    import bad
except ZeroDivisionError:
    print('first')
try:
    import bad
except ZeroDivisionError:
    print('again')
`,
		"bad.py": "X = 1\n1 / 0\n",
	})
	out, err := runMain(t, dir)
	if err != nil || out != "first\nagain\n" {
		t.Fatalf("%q %v", out, err)
	}
}
