package pycompat

import (
	"strings"

	"github.com/qstar-dev/qstar/runtime/pylib"
)

// Starlark reserves `load` for its load statement, so Python's ujson.load(f),
// json.load, `def load(self)` and `from json import load` do not parse.
// Pass 1 renames every such name to `load_` (module paths in imports
// excepted); the runtime's modules answer `load_` with their `load`.

// starlarkOnlyKeywords are names Python allows that Starlark reserves.
var starlarkOnlyKeywords = map[string]bool{"load": true}

// PyIdent is the Starlark spelling of a Python identifier.
func PyIdent(name string) string {
	if starlarkOnlyKeywords[name] {
		return name + "_"
	}
	return name
}

// renameKeywords renames the tokens before the statements are rewritten
// (so import rewriting sees the new names) and edits the source for every
// other use; those edits lose to a statement's own rewrite of the same text.
// It also renames a variable the program names like one of the
// translator's helpers (see helperName).
func (p *pass1) renameKeywords() {
	lineStart := 0
	for i, t := range p.toks {
		if t.kind == tNewline {
			lineStart = i + 1
			continue
		}
		if t.kind != tName {
			continue
		}
		var to string
		switch {
		case starlarkOnlyKeywords[t.text]:
			to = PyIdent(t.text)
		case p.helperName(t.text) && (i == 0 || p.toks[i-1].text != "."):
			to = t.text + "_"
		default:
			continue
		}
		if p.inModulePath(lineStart, i) || p.isLoadStmt(lineStart, i) {
			continue
		}
		p.toks[i].text = to
		p.edits = append(p.edits, edit{t.start, t.end, p.toks[i].text, 1<<30 + len(p.edits)})
	}
}

// translatorVars are variables translated code makes for itself (module
// and function namespaces, handler and loop arguments).
var translatorVars = map[string]bool{"_g": true, "_l": true, "_e": true, "_v": true, "_it": true}

// helperName reports whether a Python variable called name would capture
// the translated code's calls of a helper (`_split = ...` would break
// every s.split() in the file), so it must be renamed (to name_). Attribute
// names are not variables and keep theirs.
func (p *pass1) helperName(name string) bool {
	var isPredeclared func(string) bool
	if p.opts != nil {
		isPredeclared = p.opts.IsPredeclared
	}
	return isHelperName(name, isPredeclared)
}

func isHelperName(name string, isPredeclared func(string) bool) bool {
	if len(name) < 2 || name[0] != '_' || name[1] == '_' {
		return false
	}
	if translatorVars[name] {
		return true
	}
	if isPredeclared != nil {
		return isPredeclared(name)
	}
	_, ok := pylib.Builtins()[name]
	return ok
}

// PythonName is the Python name of a variable pass 1 renamed: a class's
// attributes keep the names the program gave them.
func PythonName(name string, isPredeclared func(string) bool) string {
	if base, ok := strings.CutSuffix(name, "_"); ok && isHelperName(base, isPredeclared) {
		return base
	}
	return name
}

// inModulePath reports whether token i, on the logical line starting at
// token first, names a module in `import a.b` or `from a.b import ...`.
func (p *pass1) inModulePath(first, i int) bool {
	switch p.toks[first].text {
	case "import":
		return p.toks[i-1].text != "as"
	case "from":
		for k := first; k < i; k++ {
			if p.toks[k].text == "import" {
				return false
			}
		}
		return true
	}
	return false
}

// isLoadStmt reports whether token i starts Starlark's own statement
// load("module", "name"), which the REPL and .py files may still use.
func (p *pass1) isLoadStmt(first, i int) bool {
	return i == first && i+2 < len(p.toks) && p.toks[i+1].text == "(" && p.toks[i+2].kind == tString
}
