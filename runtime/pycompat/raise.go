package pycompat

// raise and assert are statements in Python and calls of the run-time
// helpers here (runtime/pylib/try.go):
//
//	raise                   ->  _raise()        (in a handler: _raise(_e))
//	raise E(msg) from X     ->  _raise(E(msg), X)
//	assert cond, msg        ->  _assert(cond, msg)

func (p *pass1) raiseStmt(i, j int) error {
	t := p.toks[i]
	if i+1 == j {
		p.replace(i, "_raise()")
		p.note(t.line, "raise -> _raise()")
		return nil
	}
	p.replace(i, "_raise(")
	for k := i + 1; k < j; k++ {
		if p.toks[k].depth == t.depth && p.toks[k].kind == tName && p.toks[k].text == "from" {
			p.replace(k, ",")
		}
	}
	p.insert(p.toks[j-1].end, ")")
	p.note(t.line, "raise E -> _raise(E)")
	return p.exprs(i+1, j)
}

func (p *pass1) assertStmt(i, j int) error {
	p.replace(i, "_assert(")
	p.insert(p.toks[j-1].end, ")")
	p.note(p.toks[i].line, "assert -> _assert()")
	return p.exprs(i+1, j)
}
