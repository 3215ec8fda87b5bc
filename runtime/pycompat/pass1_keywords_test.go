package pycompat

import (
	"strings"
	"testing"
)

// TestLoadIsRenamed: Python's `load` names parse, module paths stay.
func TestLoadIsRenamed(t *testing.T) {
	src := "import ujson\nimport load.cfg as load\nfrom json import load as jl, load\nfrom load import x\n" +
		"d = ujson.load(f)\ndef load(self):\n    return self.load\nload(\"sim\", \"sim\")\n"
	res, err := Translate("x.py", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`ujson.load_(`, `load_ = _import("load.cfg")`, `jl = _import("json", "load_")`,
		`load_ = _import("json", "load_")`, `x = _import("load", "x")`, `def load_(self)`, `self.load_`, `load("sim", "sim")`} {
		if !strings.Contains(res.Starlark, want) {
			t.Errorf("translation lacks %q:\n%s", want, res.Starlark)
		}
	}
}
