package pycompat

// Statements that only speak to CPython's compiler, or hold a place:
//
//	from __future__ import annotations     ->  pass
//	def f(): ...   (Ellipsis as a body)    ->  def f(): pass

// futureImport drops `from __future__ import ...` (toks[i:j]).
func (p *pass1) futureImport(i, j int) bool {
	if j-i < 4 || p.toks[i+1].text != "__future__" || p.toks[i+2].text != "import" {
		return false
	}
	p.replaceUnit(i, j, "pass")
	p.note(p.toks[i].line, "from __future__ import ... -> pass (a compiler directive)")
	return true
}

// ellipsisStmt turns a statement that is only `...` into pass.
func (p *pass1) ellipsisStmt(i, j int) bool {
	if j-i != 1 || p.toks[i].text != "..." {
		return false
	}
	p.replace(i, "pass")
	p.note(p.toks[i].line, "... -> pass")
	return true
}
