package pycompat

import "github.com/qstar-dev/qstar/runtime/pylib"

// Starlark reserves `load` for its load statement, so Python's ujson.load(f),
// json.load, `def load(self)` and `from json import load` do not parse; and
// a script's own name that is also one of the helpers translated code
// calls (a method `_format`, a function `_split`, a variable `_count`)
// would capture those calls. Pass 1 renames every such name to `load_`,
// `_format_` (module paths in imports excepted; a helper's name after a
// dot is an attribute and stays); the runtime's modules
// answer `load_` with their `load`, and objects store attributes by the
// Python name (pylib/pyname.go).

// PyIdent is the Starlark spelling of a Python identifier.
func PyIdent(name string) string { return pylib.Mangle(name) }

// renameKeywords renames the tokens before the statements are rewritten
// (so import rewriting sees the new names) and edits the source for every
// other use; those edits lose to a statement's own rewrite of the same text.
func (p *pass1) renameKeywords() {
	lineStart := 0
	for i, t := range p.toks {
		if t.kind == tNewline {
			lineStart = i + 1
			continue
		}
		if t.kind != tName || !pylib.IsReservedName(t.text) || p.inModulePath(lineStart, i) || t.text == "load" && p.isLoadStmt(lineStart, i) {
			continue
		}
		if t.text != "load" && i > 0 && p.toks[i-1].text == "." {
			continue // an attribute (p._replace) never meets a helper; only load is a keyword there
		}
		p.toks[i].text = PyIdent(t.text)
		p.edits = append(p.edits, edit{t.start, t.end, p.toks[i].text, 1<<30 + len(p.edits)})
	}
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
