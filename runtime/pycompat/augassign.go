package pycompat

// `x **= y` and `x @= y` (Starlark has neither) become `x = pow(x, y)`
// and `x = _matmul(x, y)`; the target is written twice, so a subscript in
// it is evaluated twice.

var augCalls = map[string]string{"**=": "pow", "@=": "_matmul"}

// powAssign rewrites toks[i:j] if it is `target **= value` or `target @= value`.
func (p *pass1) powAssign(i, j int) (bool, error) {
	k := -1
	for m := i; m < j; m++ {
		if augCalls[p.toks[m].text] != "" && p.toks[m].depth == p.toks[i].depth {
			k = m
			break
		}
	}
	if k < 0 {
		return false, nil
	}
	if k == i || k+1 >= j {
		return true, p.errAt(p.toks[k], "invalid syntax")
	}
	target := p.src[p.toks[i].start:p.toks[k-1].end]
	fn := augCalls[p.toks[k].text]
	p.replace(k, "= "+fn+"("+target+",")
	p.insert(p.toks[j-1].end, ")")
	p.note(p.toks[k].line, "x %s y -> x = %s(x, y)", p.toks[k].text, fn)
	if err := p.exprs(i, k); err != nil {
		return true, err
	}
	return true, p.exprs(k+1, j)
}
