package pycompat

import "go.starlark.net/syntax"

// How `global x` is translated: pass 1 turns it into the marker call
// `_GLOBAL_(x)`; here the names are recorded (the resolver in scope.go then
// reads and writes them as _g.x in every function that declares them, and
// at module level) and the statement leaves nothing behind.

func (p *pass2) globalStmt(c *syntax.CallExpr, fn *fnInfo) ([]syntax.Stmt, error) {
	for _, a := range c.Args {
		id, ok := a.(*syntax.Ident)
		if !ok {
			return nil, p.errAt(c.Lparen, "invalid syntax: global takes names")
		}
		if fn == nil {
			continue // at module level global is a no-op, as in Python
		}
		fn.globals[id.Name] = true
		p.module.ns[id.Name] = true
	}
	pass := passAt(c.Lparen)
	p.globalPass[pass] = true
	return []syntax.Stmt{pass}, nil
}

func (p *pass1) globalStmt(i, j int) error {
	p.replace(i, mkGlobal+"(")
	p.insert(p.toks[j-1].end, ")")
	p.note(p.toks[i].line, "global %s -> module namespace _g", p.src[p.toks[i+min(1, j-i-1)].start:p.toks[j-1].end])
	return nil
}
