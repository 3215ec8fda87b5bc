package pycompat

import (
	"fmt"

	"go.starlark.net/syntax"
)

// How `with` is translated. Pass 1 turns the header into a marker:
//
//	with A as x, B:      ->  if _WITH_((A, x), (B,)):
//
// and pass 2 makes the body a nested def that _with runs between the
// manager's __enter__ and __exit__ (runtime/pylib/with.go):
//
//	def _with_1(_v):
//	    x = _v
//	    body
//	_with(A, _with_1)
//
// Several items nest: the body of A's part is the with statement for B.
// The body is a try part (try.go): names it assigns live in _g / _l, and
// return/break/continue inside it come back as signals.

const mkWith = "_WITH_"

// withHeader rewrites `with ITEMS:` (toks[i:colon]).
func (p *pass1) withHeader(i, colon int) error {
	t := p.toks[i]
	s, e := i+1, colon
	if s < e && p.toks[s].text == "(" && p.match[s] == e-1 && p.hasAs(s+1, e-1, p.toks[s].depth+1) {
		// with (A as a, B as b):  (Python 3.9+)
		p.replace(e-1, "")
		s, e = s+1, e-1
	}
	if s >= e {
		return p.errAt(t, "invalid syntax: with needs a context manager")
	}
	depth := p.toks[s].depth
	p.replaceRange(t.start, p.toks[s].start, "if "+mkWith+"(")
	for _, item := range p.splitCommas(s, e, depth) {
		if err := p.withItem(item[0], item[1], depth); err != nil {
			return err
		}
	}
	p.insert(p.toks[colon].start, ")") // after the items' own closing parens
	p.note(t.line, "with -> _with(manager, body def)")
	return nil
}

// withItem rewrites one `A [as x]` of a with header as `(A, x)` / `(A,)`.
func (p *pass1) withItem(s, e, depth int) error {
	as := -1
	for k := s; k < e; k++ {
		if p.toks[k].depth == depth && p.toks[k].kind == tName && p.toks[k].text == "as" {
			as = k
			break
		}
	}
	p.insert(p.toks[s].start, "(")
	if as < 0 {
		p.insert(p.toks[e-1].end, ",)")
		return p.exprs(s, e)
	}
	if as == s || as+1 >= e {
		return p.errAt(p.toks[as], "invalid syntax in with item")
	}
	p.replace(as, ",")
	p.insert(p.toks[e-1].end, ")")
	if err := p.exprs(s, as); err != nil {
		return err
	}
	return p.exprs(as+1, e)
}

// hasAs reports whether an `as` keyword sits at depth in toks[s:e].
func (p *pass1) hasAs(s, e, depth int) bool {
	for k := s; k < e; k++ {
		if p.toks[k].depth == depth && p.toks[k].kind == tName && p.toks[k].text == "as" {
			return true
		}
	}
	return false
}

// splitCommas splits toks[s:e] at the commas at depth.
func (p *pass1) splitCommas(s, e, depth int) [][2]int {
	var out [][2]int
	start := s
	for k := s; k <= e; k++ {
		if k == e || p.toks[k].kind == tOp && p.toks[k].text == "," && p.toks[k].depth == depth {
			if k > start {
				out = append(out, [2]int{start, k})
			}
			start = k + 1
		}
	}
	return out
}

// withStmt turns `if _WITH_((A, x), ...): body` into a _with call.
func (p *pass2) withStmt(s *syntax.IfStmt, fn *fnInfo) ([]syntax.Stmt, error) {
	pos := s.If
	c, ok := s.Cond.(*syntax.CallExpr)
	if !ok || len(s.False) > 0 || len(c.Args) == 0 {
		return nil, p.errAt(pos, "invalid syntax in with statement")
	}
	mgr, target, err := p.withItemParts(pos, c.Args[0])
	if err != nil {
		return nil, err
	}
	body := s.True
	if len(c.Args) > 1 { // with A, B: body  ==  with A: with B: body
		rest := call(c.Lparen, c.Fn, c.Args[1:]...)
		body = []syntax.Stmt{&syntax.IfStmt{If: pos, Cond: rest, True: body}}
	}
	v := p.genIdent(pos, "_v")
	if target != nil {
		body = append([]syntax.Stmt{assign(pos, target, p.genIdent(pos, "_v"))}, body...)
	}
	p.n++
	n := p.n
	b := p.newBlockParts(fn)
	name := fmt.Sprintf("_with_%d", n)
	if err := b.def(name, pos, []syntax.Expr{v}, body, false); err != nil {
		return nil, err
	}
	run := call(pos, p.genIdent(pos, "_with"), mgr, p.genIdent(pos, name))
	return b.finish(pos, n, run), nil
}

// withItemParts splits the marker's (A, x) / (A,) into manager and target.
func (p *pass2) withItemParts(pos syntax.Position, e syntax.Expr) (syntax.Expr, syntax.Expr, error) {
	if pe, ok := e.(*syntax.ParenExpr); ok {
		e = pe.X
	}
	t, ok := e.(*syntax.TupleExpr)
	if !ok || len(t.List) < 1 || len(t.List) > 2 {
		return nil, nil, p.errAt(pos, "invalid syntax in with statement")
	}
	if len(t.List) == 1 {
		return t.List[0], nil, nil
	}
	switch t.List[1].(type) {
	case *syntax.Ident, *syntax.DotExpr, *syntax.IndexExpr, *syntax.TupleExpr, *syntax.ListExpr, *syntax.ParenExpr:
		return t.List[0], t.List[1], nil
	}
	return nil, nil, p.errAt(pos, "invalid syntax: cannot assign to the target of 'as'")
}
