package pycompat

// `x **= y` (Starlark has no **=) becomes `x = pow(x, y)`; the target is
// written twice, so a subscript in it is evaluated twice.

// powAssign rewrites toks[i:j] if it is `target **= value`.
func (p *pass1) powAssign(i, j int) (bool, error) {
	k := -1
	for m := i; m < j; m++ {
		if p.toks[m].text == "**=" && p.toks[m].depth == p.toks[i].depth {
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
	p.replace(k, "= pow("+target+",")
	p.insert(p.toks[j-1].end, ")")
	p.note(p.toks[k].line, "x **= y -> x = pow(x, y)")
	if err := p.exprs(i, k); err != nil {
		return true, err
	}
	return true, p.exprs(k+1, j)
}
