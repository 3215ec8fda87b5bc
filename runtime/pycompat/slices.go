package pycompat

import (
	"strings"

	"go.starlark.net/syntax"
)

// How slice assignment and deletion are translated (Starlark has neither):
//
//	a[1:3] = v        ->  _setslice(a, 1, 3, None, v)
//	del a[::2]        ->  _delslice(a, None, None, 2)
//
// runtime/pylib/slices.go does it as Python does, for lists and bytearrays.

// isSlice reports whether the subscript opened at o holds a slice.
func (p *pass1) isSlice(o int) bool {
	for _, k := range p.topLevel(o) {
		if p.toks[k].text == ":" {
			return true
		}
	}
	return false
}

// delSlice rewrites one `x[lo:hi:step]` target of del (x is toks[a:o]).
func (p *pass1) delSlice(leadStart int, lead string, a, o int) error {
	closing := p.match[o]
	p.replaceRange(leadStart, p.toks[a].start, lead+"_delslice(")
	if err := p.exprs(a, o); err != nil {
		return err
	}
	parts := 1
	start := o + 1
	for _, k := range append(p.topLevel(o), closing) {
		if k != closing && p.toks[k].text != ":" {
			continue
		}
		if k == start {
			p.insert(p.toks[k].start, "None")
		} else if err := p.exprs(start, k); err != nil {
			return err
		}
		if k != closing {
			if parts++; parts > 3 {
				return p.errAt(p.toks[k], "invalid syntax in slice")
			}
			p.replace(k, ", ")
		}
		start = k + 1
	}
	p.replace(o, ", ")
	p.replace(closing, strings.Repeat(", None", 3-parts)+")")
	return nil
}

// sliceAssign turns `x[lo:hi:step] = v` into a _setslice call.
func (p *pass2) sliceAssign(s *syntax.AssignStmt) (syntax.Stmt, bool) {
	sl, ok := s.LHS.(*syntax.SliceExpr)
	if !ok || s.Op != syntax.EQ {
		return s, false
	}
	pos := sl.Lbrack
	part := func(e syntax.Expr) syntax.Expr {
		if e == nil {
			return noneAt(pos)
		}
		return e
	}
	c := call(pos, p.genIdent(pos, "_setslice"), sl.X, part(sl.Lo), part(sl.Hi), part(sl.Step), s.RHS)
	p.note(pos, "slice assignment -> _setslice()")
	return &syntax.ExprStmt{X: c}, true
}
