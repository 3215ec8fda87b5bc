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
	p.spreadItems(items, open, closing)
	p.note(p.toks[k].line, "unpacking in a display -> _spread_%s()", kind)
	return true
}

// spreadItems drops the stars of the starred items and gathers each run
// of plain items into one open...closing literal.
func (p *pass1) spreadItems(items [][2]int, open, closing string) {
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
