package runtime

import (
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

// TestHelpSignatures: help() of a def shows its Python signature (defaults,
// *args, keyword-only, **kwargs) and docstring; a registered module
// builtin shows its documented signature; an undocumented one name(...).
func TestHelpSignatures(t *testing.T) {
	RegisterDocs("helptest", map[string]string{"ping": "ping(host, count=4)\nSend count echo requests."})
	Register(Module{Name: "helptest", Doc: "a module for help tests", New: func(*Env) (starlark.StringDict, error) {
		return starlark.StringDict{
			"ping":  starlark.NewBuiltin("ping", nil),
			"other": starlark.NewBuiltin("other", nil),
		}, nil
	}})
	out, err := runPy(t, `import helptest
def f(a, b=2, *rest, c, d='x', **kw):
    "Add things."
    return a
def g(a, *, k=None):
    pass
help(f)
help(g)
help(helptest.ping)
help(helptest)
print(helptest.ping.__doc__)
print(g.__doc__)
`)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Help on function f in module __main__:\n\nf(a, b=2, *rest, c, d='x', **kw)\n    Add things.\n",
		"g(a, *, k=None)\n",
		"Help on built-in function ping in module helptest:\n\nping(host, count=4)\n    Send count echo requests.\n",
		"NAME\n    helptest - a module for help tests\n",
		"    other(...)\n",
		"ping(host, count=4)\n\nSend count echo requests.\nNone\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
