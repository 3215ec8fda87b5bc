package pycompat

// How unpacking inside displays is translated (Starlark has none):
//
//	[*a, 1, *b]      ->  _spread_list(a, [1], b)
//	(*a, 1)          ->  _spread_tuple(a, [1])
//	{*a, *b}         ->  _spread_set(a, b)
//	{**a, 'k': 1}    ->  _spread_dict(a, {'k': 1})
//
// Runs of plain items become one literal; the helpers concatenate.

// spread rewrites the display opened at k if it unpacks something.
func (p *pass1) spread(k int) bool {
	m := p.match[k]
	if m < 0 || p.operandEnd(k-1) && p.toks[k].text != "{" || p.inTarget(k) {
		return false // a call, a subscript, or an assignment target
	}
	items := p.splitCommas(k+1, m, p.toks[k].depth+1)
	starred, isDict := false, false
	for _, it := range items {
		switch p.toks[it[0]].text {
		case "*":
			starred = true
		case "**":
			starred, isDict = true, true
		}
	}
	for _, n := range p.topLevel(k) {
		switch p.toks[n].text {
		case ":":
			isDict = true
		case "for", "lambda":
			return false // a comprehension: `*` there is Python's error
		}
	}
	if !starred {
		return false
	}
	kind := map[string]string{"[": "list", "(": "tuple", "{": "set"}[p.toks[k].text]
	if isDict {
		kind = "dict"
	}
	open, closing := "[", "]"
	if kind == "dict" {
		open, closing = "{", "}"
	}
	p.replace(k, "_spread_"+kind+"(")
	p.replace(m, ")")
	inRun := false
	for n, it := range items {
		t := p.toks[it[0]].text
		if t == "*" || t == "**" {
			if inRun {
				p.insert(p.toks[items[n-1][1]-1].end, closing)
				inRun = false
			}
			p.replace(it[0], "")
			continue
		}
		if !inRun {
			p.insert(p.toks[it[0]].start, open)
			inRun = true
		}
	}
	if inRun {
		p.insert(p.toks[items[len(items)-1][1]-1].end, closing)
	}
	p.note(p.toks[k].line, "unpacking in a display -> _spread_%s()", kind)
	return true
}

// starArgsLast moves `*args` after the keyword arguments of the call
// opened at k: Python allows f(*a, sep=','), Starlark wants f(sep=',', *a).
func (p *pass1) starArgsLast(k int) {
	m := p.match[k]
	if m < 0 || !p.operandEnd(k-1) {
		return
	}
	items := p.splitCommas(k+1, m, p.toks[k].depth+1)
	isKw := func(it [2]int) bool {
		return it[1]-it[0] > 2 && p.toks[it[0]].kind == tName && p.toks[it[0]+1].text == "="
	}
	for n, it := range items {
		if p.toks[it[0]].text != "*" {
			continue
		}
		later := false
		for _, o := range items[n+1:] {
			later = later || isKw(o)
		}
		if !later {
			continue
		}
		// drop `*a, ` here and append `, *a` at the end (before **kw if any)
		end := p.toks[it[1]].start // the comma after it
		if it[1] < m {
			end = p.toks[it[1]+1].start
		}
		text := p.src[p.toks[it[0]].start:p.toks[it[1]-1].end]
		p.replaceRange(p.toks[it[0]].start, end, "")
		at := p.toks[items[len(items)-1][1]-1].end
		if last := items[len(items)-1]; p.toks[last[0]].text == "**" {
			at = p.toks[last[0]].start
			text += ", "
			p.insert(at, text)
		} else {
			p.insert(at, ", "+text)
		}
		p.note(p.toks[k].line, "*args moved after the keyword arguments")
	}
}

// targetRange marks toks[s:e] as an assignment or loop target, where a
// star is star-unpacking (star.go), not a display's.
func (p *pass1) targetRange(s, e int) { p.targets = append(p.targets, [2]int{s, e}) }

func (p *pass1) inTarget(k int) bool {
	for _, r := range p.targets {
		if k >= r[0] && k < r[1] {
			return true
		}
	}
	return false
}
