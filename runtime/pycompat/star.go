package pycompat

import "fmt"

// How star-unpacking targets are translated (Starlark has none): the star
// goes and the value is split first, so the target list matches exactly.
//
//	first, *rest = xs           ->  first, rest = _unpack(xs, 1, 0)
//	for a, *b, c in rows:       ->  for a, b, c in _unpack_each(rows, 1, 1):
//
// _unpack gives a tuple with the starred part as a list, and Python's
// ValueError when there are too few values.

// starTarget finds the one starred name in the target list toks[s:e]; it
// returns the star's index and how many targets come before and after it,
// or star < 0.
func (p *pass1) starTarget(s, e int) (star, before, after int, err error) {
	star = -1
	if s >= e {
		return
	}
	depth := p.toks[s].depth
	if (p.toks[s].text == "(" || p.toks[s].text == "[") && p.match[s] == e-1 {
		s, e, depth = s+1, e-1, depth+1 // (a, *b) = ... / [a, *b] = ...
	}
	items := p.splitCommas(s, e, depth)
	for n, it := range items {
		if p.toks[it[0]].text != "*" {
			continue
		}
		if star >= 0 {
			return -1, 0, 0, p.errAt(p.toks[it[0]], "invalid syntax: multiple starred expressions in assignment")
		}
		if it[1]-it[0] != 2 || p.toks[it[0]+1].kind != tName {
			return -1, 0, 0, p.unsupported(p.toks[it[0]], "this starred target", "star a plain name")
		}
		star, before, after = it[0], n, len(items)-n-1
	}
	if star >= 0 && len(items) == 1 && p.toks[e-1].text != "," {
		return -1, 0, 0, p.errAt(p.toks[star], "starred assignment target must be in a list or tuple")
	}
	return star, before, after, nil
}

// starAssign rewrites `targets = value` with a starred target, if any;
// eq is the index of the `=`.
func (p *pass1) starAssign(i, eq, j int) (bool, error) {
	star, before, after, err := p.starTarget(i, eq)
	if err != nil {
		return false, err
	}
	nested, err := p.nestedStars(i, eq)
	if err != nil || star < 0 && !nested {
		return false, err
	}
	if star < 0 {
		p.note(p.toks[i].line, "nested starred target -> _unpack()")
		return true, p.exprs(eq+1, j)
	}
	if eq+1 >= j {
		return false, p.errAt(p.toks[eq], "invalid syntax")
	}
	p.replace(star, "")
	if p.toks[eq-1].text == "," && p.toks[eq-1].depth == p.toks[i].depth {
		// Starlark wants (a,) = ... in parentheses
		p.insert(p.toks[i].start, "(")
		p.insert(p.toks[eq-1].end, ")")
	}
	open, closing := "_unpack(", fmt.Sprintf(", %d, %d)", before, after)
	if len(p.splitCommas(eq+1, j, p.toks[eq+1].depth)) > 1 || p.toks[j-1].text == "," {
		open, closing = open+"(", ")"+closing // a, *b = 1, 2, 3
	}
	p.insert(p.toks[eq+1].start, open)
	p.insert(p.toks[j-1].end, closing)
	p.note(p.toks[i].line, "starred target -> _unpack()")
	return true, p.exprs(eq+1, j)
}

// starFor rewrites `for targets in X:` with a starred target (toks[i:colon]).
func (p *pass1) starFor(i, colon int) (bool, error) {
	in := -1
	for k := i + 1; k < colon; k++ {
		if t := p.toks[k]; t.depth == p.toks[i].depth && t.kind == tName && t.text == "in" {
			in = k
			break
		}
	}
	if in < 0 || in+1 >= colon {
		return false, nil
	}
	p.targetRange(i+1, in)
	star, before, after, err := p.starTarget(i+1, in)
	if err != nil {
		return false, err
	}
	nested, err := p.nestedStars(i+1, in)
	if err != nil || star < 0 && !nested {
		return false, err
	}
	if star < 0 {
		p.note(p.toks[i].line, "nested starred loop target -> _unpack()")
		return true, p.exprs(in+1, colon)
	}
	p.replace(star, "")
	open, closing := "_unpack_each(", fmt.Sprintf(", %d, %d)", before, after)
	if len(p.splitCommas(in+1, colon, p.toks[in+1].depth)) > 1 || p.toks[colon-1].text == "," {
		open, closing = open+"(", ")"+closing // for a, *b in x, y:
	}
	p.insert(p.toks[in+1].start, open)
	p.insert(p.toks[colon-1].end, closing)
	p.note(p.toks[i].line, "starred loop target -> _unpack_each()")
	return true, p.exprs(in+1, colon)
}

// singleAssign returns the index of the one `=` of toks[i:j] at the
// statement's depth (not a lambda default), or -1.
func (p *pass1) singleAssign(i, j int) int {
	eq, lambdas := -1, 0
	for k := i; k < j; k++ {
		t := p.toks[k]
		switch {
		case t.depth != p.toks[i].depth:
		case t.kind == tName && t.text == "lambda":
			lambdas++
		case t.kind == tOp && t.text == ":" && lambdas > 0:
			lambdas--
		case t.kind == tOp && t.text == "=" && lambdas == 0:
			if eq >= 0 {
				return -1
			}
			eq = k
		}
	}
	return eq
}
