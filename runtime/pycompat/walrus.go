package pycompat

import (
	"go.starlark.net/syntax"
)

// How the walrus `:=` is translated. Pass 1 marks `n := f()` as
// `_WALRUS_(n, f())`; pass 2 hoists each one into an assignment before the
// statement whose expression holds it:
//
//	if (m := find(x)) is not None:     m = find(x)
//	                                   if m != None:
//	while (n := read()) > 0:           while True:
//	    use(n)                             n = read()
//	                                       if not (n > 0): break
//	                                       use(n)
//
// In an elif the assignment goes into the else branch, before the if. The
// hoisted value is computed even where `and`/`or` would have skipped it.
// A walrus inside a lambda stays a clear error.

const mkWalrus = "_WALRUS_"

// walrus rewrites the `:=` at k inside toks[i:j].
func (p *pass1) walrus(i, k, j int) error {
	t := p.toks[k]
	if k == i || p.toks[k-1].kind != tName || exprKeywords[p.toks[k-1].text] {
		return p.errAt(t, "invalid syntax: cannot use assignment expressions with this target")
	}
	end := k + 1
	for end < j && p.toks[end].depth >= t.depth && !(p.toks[end].depth == t.depth && p.toks[end].text == ",") {
		if p.toks[end].depth == t.depth && (p.toks[end].text == ")" || p.toks[end].text == "]" || p.toks[end].text == "}" ||
			p.toks[end].kind == tName && p.toks[end].text == "for") {
			break
		}
		end++
	}
	if end == k+1 {
		return p.errAt(t, "invalid syntax after ':='")
	}
	p.insert(p.toks[k-1].start, mkWalrus+"(")
	p.replace(k, ",")
	p.insert(p.toks[end-1].end, ")")
	p.note(t.line, "n := v -> n = v before the statement")
	return nil
}

// hoistWalrus replaces the walrus markers in e by their names and returns
// the assignments to run first, innermost first.
func (p *pass2) hoistWalrus(e syntax.Expr) (syntax.Expr, []syntax.Stmt) {
	var pre []syntax.Stmt
	var walk func(e syntax.Expr) syntax.Expr
	walk = func(e syntax.Expr) syntax.Expr {
		switch x := e.(type) {
		case *syntax.CallExpr:
			if markerName(x) == mkWalrus && len(x.Args) == 2 {
				if id, ok := x.Args[0].(*syntax.Ident); ok {
					v := walk(x.Args[1])
					pre = append(pre, assign(id.NamePos, ident(id.NamePos, id.Name), v))
					return ident(id.NamePos, id.Name)
				}
			}
			x.Fn = walk(x.Fn)
			walkList(x.Args, walk)
		case *syntax.BinaryExpr:
			x.X, x.Y = walk(x.X), walk(x.Y)
		case *syntax.UnaryExpr:
			if x.X != nil {
				x.X = walk(x.X)
			}
		case *syntax.ParenExpr:
			if c, ok := x.X.(*syntax.CallExpr); ok && markerName(c) == mkWalrus {
				return walk(c) // (n := v) reads as n
			}
			x.X = walk(x.X)
		case *syntax.CondExpr:
			x.Cond, x.True, x.False = walk(x.Cond), walk(x.True), walk(x.False)
		case *syntax.TupleExpr:
			walkList(x.List, walk)
		case *syntax.ListExpr:
			walkList(x.List, walk)
		case *syntax.DotExpr:
			x.X = walk(x.X)
		case *syntax.IndexExpr:
			x.X, x.Y = walk(x.X), walk(x.Y)
		case *syntax.DictEntry: // a dict comprehension's body
			x.Key, x.Value = walk(x.Key), walk(x.Value)
		case *syntax.DictExpr:
			for _, en := range x.List {
				de := en.(*syntax.DictEntry)
				de.Key, de.Value = walk(de.Key), walk(de.Value)
			}
		}
		return e
	}
	return walk(e), pre
}

func walkList(list []syntax.Expr, f func(syntax.Expr) syntax.Expr) {
	for i, e := range list {
		list[i] = f(e)
	}
}

// walrusStmt hoists the walrus markers of a simple statement or if.
func (p *pass2) walrusStmt(s syntax.Stmt) []syntax.Stmt {
	var pre []syntax.Stmt
	switch s := s.(type) {
	case *syntax.ExprStmt:
		s.X, pre = p.hoistWalrus(s.X)
	case *syntax.AssignStmt:
		s.RHS, pre = p.hoistWalrus(s.RHS)
	case *syntax.ReturnStmt:
		if s.Result != nil {
			s.Result, pre = p.hoistWalrus(s.Result)
		}
	case *syntax.IfStmt:
		s.Cond, pre = p.hoistWalrus(s.Cond)
	}
	return append(pre, s)
}

// walrusWhile turns `while COND:` with a walrus in COND into
// `while True:` that assigns, tests and breaks at the top of the body.
func (p *pass2) walrusWhile(s *syntax.WhileStmt) {
	cond, pre := p.hoistWalrus(s.Cond)
	if len(pre) == 0 {
		return
	}
	pos := s.While
	brk := &syntax.BranchStmt{Token: syntax.BREAK, TokenPos: pos}
	p.plainBreak[brk] = true // leaving by the condition runs a loop's else
	stop := &syntax.IfStmt{If: pos, Cond: &syntax.UnaryExpr{OpPos: pos, Op: syntax.NOT, X: &syntax.ParenExpr{Lparen: pos, X: cond, Rparen: pos}}, True: []syntax.Stmt{brk}}
	s.Cond = ident(pos, "True")
	s.Body = append(append(pre, stop), s.Body...)
}

// stmtsKeepingOrder translates the hoisted assignments and their statement.
func (p *pass2) stmtsKeepingOrder(list []syntax.Stmt, fn *fnInfo) ([]syntax.Stmt, error) {
	var out []syntax.Stmt
	for _, s := range list {
		res, err := p.stmt(s, fn)
		if err != nil {
			return nil, err
		}
		out = append(out, res...)
	}
	return out, nil
}

// A walrus in a comprehension binds in the enclosing function (or the
// module), as in Python: its name moves to that scope's namespace (_l or
// _g), every use reads it there, and the walrus itself becomes
// _ns_set(_l, "n", v), which stores v and gives it back:
//
//	[t := t + x for x in xs]   ->   [_ns_set(_l, "t", _l.t + x) for x in xs]

// comprehensionWalrusNames adds the names the walruses in comprehensions
// inside n bind (not inside nested defs) to names.
func comprehensionWalrusNames(n syntax.Node, names map[string]bool) {
	syntax.Walk(n, func(n syntax.Node) bool {
		switch c := n.(type) {
		case *syntax.DefStmt:
			return false
		case *syntax.Comprehension:
			syntax.Walk(c, func(n syntax.Node) bool {
				if w, ok := n.(*syntax.CallExpr); ok && markerName(w) == mkWalrus && len(w.Args) == 2 {
					if id, ok := w.Args[0].(*syntax.Ident); ok {
						names[id.Name] = true
					}
				}
				return true
			})
			return false
		}
		return true
	})
}

// walrusSet resolves the walrus marker c left in a comprehension.
func (p *pass2) walrusSet(c *syntax.CallExpr, sc *scope) syntax.Expr {
	id := c.Args[0].(*syntax.Ident)
	v, ok := lookup(sc, id.Name)
	if !ok {
		return c
	}
	pos := id.NamePos
	return call(pos, p.genIdent(pos, "_ns_set"), p.genIdent(pos, v), strLit(pos, id.Name), p.expr(c.Args[1], sc))
}

// walrusInComprehensions rewrites the comprehensions in s (only when the
// file has a walrus at all).
func (p *pass2) walrusInComprehensions(s syntax.Stmt, fn *fnInfo) {
	if !p.hasWalrus {
		return
	}
	if fn == nil {
		comprehensionWalrusNames(s, p.module.ns)
	} else {
		comprehensionWalrusNames(s, fn.ns)
	}
}
