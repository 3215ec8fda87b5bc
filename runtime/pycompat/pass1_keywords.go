package pycompat

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
func (p *pass1) renameKeywords() {
	lineStart := 0
	for i, t := range p.toks {
		if t.kind == tNewline {
			lineStart = i + 1
			continue
		}
		if t.kind != tName || !starlarkOnlyKeywords[t.text] || p.inModulePath(lineStart, i) || p.isLoadStmt(lineStart, i) {
			continue
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
