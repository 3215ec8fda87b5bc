package pycompat

import (
	"fmt"

	"go.starlark.net/syntax"
)

// Starred targets inside a nested target list: pass 1 marks the inner list
//
//	for i, (k, *vs) in rows:     ->  for i, _STARRED_((k, vs), 1, 0) in rows:
//
// and pass 2 binds the marker to a temporary that _unpack splits first
// thing in the body (or right after an assignment):
//
//	for i, _nest_1 in rows:
//	    k, vs = _unpack(_nest_1, 1, 0)

const mkStarred = "_STARRED_"

// nestedStars marks the bracketed groups in the target list toks[s:e]
// that hold a starred name; it reports whether it marked any.
func (p *pass1) nestedStars(s, e int) (bool, error) {
	if s >= e {
		return false, nil
	}
	depth := p.toks[s].depth
	if (p.toks[s].text == "(" || p.toks[s].text == "[") && p.match[s] == e-1 {
		s, e, depth = s+1, e-1, depth+1
	}
	found := false
	for _, it := range p.splitCommas(s, e, depth) {
		o, c := it[0], it[1]-1
		if (p.toks[o].text != "(" && p.toks[o].text != "[") || p.match[o] != c {
			continue
		}
		star, before, after, err := p.starTarget(o, c+1)
		if err != nil {
			return false, err
		}
		if star >= 0 {
			p.replace(o, mkStarred+"("+p.toks[o].text)
			p.replace(star, "")
			p.replace(c, fmt.Sprintf("%s, %d, %d)", p.toks[c].text, before, after))
			found = true
		}
		deeper, err := p.nestedStars(o, c+1)
		if err != nil {
			return false, err
		}
		found = found || deeper
	}
	return found, nil
}

// unnest replaces the _STARRED_ markers in a target by temporaries and
// returns the assignments that split them, outermost first.
func (p *pass2) unnest(e syntax.Expr) (syntax.Expr, []syntax.Stmt) {
	var pre []syntax.Stmt
	switch x := e.(type) {
	case *syntax.CallExpr:
		if markerName(x) != mkStarred || len(x.Args) != 3 {
			return e, nil
		}
		pos := x.Lparen
		p.n++
		tmp := fmt.Sprintf("_nest_%d", p.n)
		p.genName[tmp] = true
		inner, more := p.unnest(x.Args[0])
		split := call(pos, p.genIdent(pos, "_unpack"), p.genIdent(pos, tmp), x.Args[1], x.Args[2])
		pre = append(pre, assign(pos, inner, split))
		return p.genIdent(pos, tmp), append(pre, more...)
	case *syntax.TupleExpr:
		for i, item := range x.List {
			var more []syntax.Stmt
			x.List[i], more = p.unnest(item)
			pre = append(pre, more...)
		}
	case *syntax.ListExpr:
		for i, item := range x.List {
			var more []syntax.Stmt
			x.List[i], more = p.unnest(item)
			pre = append(pre, more...)
		}
	case *syntax.ParenExpr:
		x.X, pre = p.unnest(x.X)
	}
	return e, pre
}
