package pycompat

import "go.starlark.net/syntax"

// functionAttrs gives attributes to functions that the script sets them
// on: after `def f` in a block that also assigns `f.attr = ...`, it adds
// `f = _fnobj(f)` (pylib/corpus_fnobj.go). Class bodies are left alone.
func (p *pass2) functionAttrs(stmts []syntax.Stmt) []syntax.Stmt {
	targets := map[string]bool{}
	for _, s := range stmts {
		syntax.Walk(s, func(n syntax.Node) bool {
			if a, ok := n.(*syntax.AssignStmt); ok {
				if d, ok := a.LHS.(*syntax.DotExpr); ok {
					if id, ok := d.X.(*syntax.Ident); ok {
						targets[id.Name] = true
					}
				}
			}
			return true
		})
	}
	var out []syntax.Stmt
	for _, s := range stmts {
		out = append(out, s)
		def, ok := s.(*syntax.DefStmt)
		if !ok {
			continue
		}
		if len(def.Name.Name) < 7 || def.Name.Name[:7] != "_class_" {
			def.Body = p.functionAttrs(def.Body)
		}
		if targets[def.Name.Name] {
			pos := def.Def
			out = append(out, assign(pos, ident(pos, def.Name.Name), call(pos, p.genIdent(pos, "_fnobj"), ident(pos, def.Name.Name))))
		}
	}
	return out
}
