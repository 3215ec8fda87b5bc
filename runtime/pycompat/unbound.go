package pycompat

import "go.starlark.net/syntax"

// How `del name` unbinds a name. Pass 1 writes `del x` as
// `x = _deleted()`, a sentinel value; the resolver wraps each read of a
// name deleted anywhere in the file as _bound(x, "x", local[, hint]),
// which raises NameError (UnboundLocalError for a function's local) when x
// holds the sentinel; hint is the traceback's "Did you mean". A namespace (_g, _l) drops a name set to the sentinel, so its
// reads fail the same way without a wrapper.

const delName = "_deleted"

// deletedNames are the names the file's `del` statements unbind.
func deletedNames(stmts []syntax.Stmt) map[string]bool {
	names := map[string]bool{}
	for _, s := range stmts {
		syntax.Walk(s, func(n syntax.Node) bool {
			if a, ok := n.(*syntax.AssignStmt); ok && markerName(a.RHS) == delName {
				if id, ok := a.LHS.(*syntax.Ident); ok {
					names[id.Name] = true
				}
			}
			return true
		})
	}
	return names
}

// guardDeleted wraps the read r of name e when e may have been deleted.
func (p *pass2) guardDeleted(e *syntax.Ident, r syntax.Expr, sc *scope) syntax.Expr {
	if !p.deleted[e.Name] || p.skip[e] {
		return r
	}
	if _, plain := r.(*syntax.Ident); !plain {
		return r // _g.x / _l.x: the namespace raises
	}
	local := false
	for s := sc; s != nil; s = s.parent {
		if s.kind == kFn && s.globals[e.Name] || s.kind == kModule {
			break
		}
		if s.names[e.Name] {
			if s.kind != kFn && s.kind != kGen {
				return r // a comprehension's or lambda's own variable
			}
			local = s.kind == kFn
			break
		}
	}
	pos := e.NamePos
	args := []syntax.Expr{r, strLit(pos, e.Name), ident(pos, map[bool]string{true: "True", false: "False"}[local])}
	if hint := p.nameHint(e.Name, sc); hint != "" && !local { // CPython: none for UnboundLocalError
		args = append(args, strLit(pos, hint)) // suggest.go
	}
	return call(pos, p.genIdent(pos, "_bound"), args...)
}
