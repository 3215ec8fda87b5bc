package pycompat

import (
	"fmt"

	"go.starlark.net/syntax"
)

// How try/except is translated: pass 1 turns the headers into a marker
// chain `if _TRY_: ... elif _EXCEPT_(E, e): ... elif _TRYELSE_: ...
// elif _FINALLY_: ...`; pass 2 (here) turns each part into a nested def
// and the statement into one call:
//
//	def _try_1(): body
//	def _exc_1_0(_e): e = _e; handler
//	_r_1 = _try(_try_1, [(E, _exc_1_0)], None, None)
//	if _r_1 != None: return _r_1.value     (only when a part returns)
//
// Names the parts assign live in _g / _l (see scope.go); return, break and
// continue inside a part return a signal that the code after the call
// re-issues.

type handler struct {
	pos   syntax.Position
	class syntax.Expr // nil: bare except
	name  *syntax.Ident
	body  []syntax.Stmt
}

// tryChain is a try statement read back from pass 1's marker chain.
type tryChain struct {
	body            []syntax.Stmt
	handlers        []handler
	orelse, final   []syntax.Stmt
	elsePos, finPos syntax.Position
}

// blockParts builds the nested defs of one translated block statement
// (try or with) and records what leaves them.
type blockParts struct {
	p        *pass2
	fn       *fnInfo
	sig      signals
	assigned map[string]bool
	out      []syntax.Stmt
}

func (p *pass2) newBlockParts(fn *fnInfo) *blockParts {
	return &blockParts{p: p, fn: fn, assigned: map[string]bool{}}
}

// def adds `def name(params): stmts` as a transparent part of the block.
func (b *blockParts) def(name string, at syntax.Position, params []syntax.Expr, stmts []syntax.Stmt, isHandler bool) error {
	p := b.p
	stmts, err := p.stmts(stmts, b.fn)
	if err != nil {
		return err
	}
	collectAssigned(stmts, b.assigned, p)
	stmts = p.controlFlow(stmts, &b.sig, at, false)
	if isHandler {
		p.bareRaise(stmts, at)
	}
	d := &syntax.DefStmt{Def: at, Name: p.genIdent(at, name), Lparen: at, Params: params, Rparen: at, Body: stmts}
	p.gen[d] = true
	p.genName[name] = true
	b.out = append(b.out, d)
	return nil
}

// finish appends the call that runs the block, and the dispatch of any
// control transfer; names assigned in the parts move to the namespace.
func (b *blockParts) finish(pos syntax.Position, n int, run syntax.Expr) []syntax.Stmt {
	p := b.p
	ns := p.module.ns
	if b.fn != nil {
		ns = b.fn.ns
	}
	for k := range b.assigned {
		if b.fn == nil || !b.fn.nonlocals[k] {
			ns[k] = true
		}
	}
	if !b.sig.any() {
		return append(b.out, &syntax.ExprStmt{X: run})
	}
	r := fmt.Sprintf("_r_%d", n)
	p.genName[r] = true
	return append(b.out, assign(pos, p.genIdent(pos, r), run), p.dispatch(pos, r, &b.sig))
}

// tryStmt turns the marker chain `if _TRY_: ... elif _EXCEPT_(...): ...`
// into nested defs and one _try call.
func (p *pass2) tryStmt(s *syntax.IfStmt, fn *fnInfo) ([]syntax.Stmt, error) {
	pos := s.If
	tc, err := p.readTryChain(s)
	if err != nil {
		return nil, err
	}
	p.n++
	n := p.n
	b := p.newBlockParts(fn)
	bodyName := fmt.Sprintf("_try_%d", n)
	if err := b.def(bodyName, pos, nil, tc.body, false); err != nil {
		return nil, err
	}
	hlist, err := p.tryHandlers(b, n, tc.handlers)
	if err != nil {
		return nil, err
	}
	var elseRef, finRef syntax.Expr = noneAt(pos), noneAt(pos)
	if tc.orelse != nil {
		name := fmt.Sprintf("_else_%d", n)
		if err := b.def(name, tc.elsePos, nil, tc.orelse, false); err != nil {
			return nil, err
		}
		elseRef = p.genIdent(tc.elsePos, name)
	}
	if tc.final != nil {
		name := fmt.Sprintf("_fin_%d", n)
		if err := b.def(name, tc.finPos, nil, tc.final, false); err != nil {
			return nil, err
		}
		finRef = p.genIdent(tc.finPos, name)
	}
	tryCall := call(pos, p.genIdent(pos, "_try"), p.genIdent(pos, bodyName),
		&syntax.ListExpr{Lbrack: pos, List: hlist, Rbrack: pos}, elseRef, finRef)
	p.note(pos, "try/except -> nested defs run by _try()")
	return b.finish(pos, n, tryCall), nil
}

// tryHandlers builds the except parts: (class, handler) pairs for _try.
func (p *pass2) tryHandlers(b *blockParts, n int, handlers []handler) ([]syntax.Expr, error) {
	var hlist []syntax.Expr
	for k, h := range handlers {
		name := fmt.Sprintf("_exc_%d_%d", n, k)
		stmts := h.body
		if h.name != nil {
			bind := assign(h.pos, ident(h.name.NamePos, h.name.Name), p.genIdent(h.pos, "_e"))
			stmts = append([]syntax.Stmt{bind}, stmts...)
		}
		if err := b.def(name, h.pos, []syntax.Expr{p.genIdent(h.pos, "_e")}, stmts, true); err != nil {
			return nil, err
		}
		var cls syntax.Expr = noneAt(h.pos)
		if h.class != nil {
			cls = h.class
			if _, simple := cls.(*syntax.Ident); !simple {
				// evaluated only when an exception needs matching, as in Python
				cls = &syntax.LambdaExpr{Lambda: h.pos, Body: cls}
			}
		}
		hlist = append(hlist, &syntax.TupleExpr{Lparen: h.pos, List: []syntax.Expr{cls, p.genIdent(h.pos, name)}, Rparen: h.pos})
	}
	return hlist, nil
}

// readTryChain reads the parts of a try statement from the marker chain.
func (p *pass2) readTryChain(s *syntax.IfStmt) (*tryChain, error) {
	pos := s.If
	tc := &tryChain{body: s.True}
	for rest := s.False; len(rest) > 0; {
		elif, ok := rest[0].(*syntax.IfStmt)
		if !ok || len(rest) != 1 {
			return nil, p.errAt(pos, "invalid syntax: try needs except or finally")
		}
		switch markerName(elif.Cond) {
		case mkExcept:
			if tc.final != nil || tc.orelse != nil {
				return nil, p.errAt(elif.If, "invalid syntax: except after else/finally")
			}
			h, err := p.exceptClause(elif)
			if err != nil {
				return nil, err
			}
			tc.handlers = append(tc.handlers, h)
		case mkTryElse:
			if len(tc.handlers) == 0 || tc.final != nil {
				return nil, p.errAt(elif.If, "invalid syntax: else needs an except clause before it")
			}
			tc.orelse, tc.elsePos = elif.True, elif.If
		case mkFinally:
			tc.final, tc.finPos = elif.True, elif.If
		default:
			return nil, p.errAt(elif.If, "invalid syntax: expected except or finally")
		}
		rest = elif.False
	}
	if len(tc.handlers) == 0 && tc.final == nil {
		return nil, p.errAt(pos, "invalid syntax: try needs except or finally")
	}
	for i := 1; i < len(tc.handlers); i++ {
		if tc.handlers[i-1].class == nil {
			return nil, p.errAt(tc.handlers[i-1].pos, "default 'except:' must be last")
		}
	}
	return tc, nil
}

// exceptClause reads `elif _EXCEPT_([E[, name]]):`.
func (p *pass2) exceptClause(elif *syntax.IfStmt) (handler, error) {
	h := handler{pos: elif.If, body: elif.True}
	c, ok := elif.Cond.(*syntax.CallExpr)
	if !ok {
		return h, p.errAt(elif.If, "invalid syntax in except clause")
	}
	switch len(c.Args) {
	case 0:
	case 2:
		id, ok := c.Args[1].(*syntax.Ident)
		if !ok {
			return h, p.errAt(elif.If, "invalid syntax: except ... as NAME")
		}
		h.name = id
		fallthrough
	case 1:
		h.class = c.Args[0]
	default:
		return h, p.errAt(elif.If, "invalid syntax in except clause")
	}
	return h, nil
}

// signals records which control transfers leave a try part.
type signals struct{ ret, brk, cont bool }

func (s *signals) any() bool { return s.ret || s.brk || s.cont }

// dispatch re-issues a control transfer that left a try part:
// if _r != None: (break | continue | return _r.value)
func (p *pass2) dispatch(pos syntax.Position, r string, sig *signals) syntax.Stmt {
	var inner []syntax.Stmt
	cond := func(name string, then syntax.Stmt) syntax.Stmt {
		return &syntax.IfStmt{If: pos, Cond: &syntax.BinaryExpr{X: p.genIdent(pos, r), OpPos: pos, Op: syntax.EQL, Y: p.genIdent(pos, name)}, True: []syntax.Stmt{then}}
	}
	if sig.brk {
		inner = append(inner, cond("_BREAK", &syntax.BranchStmt{Token: syntax.BREAK, TokenPos: pos}))
	}
	if sig.cont {
		inner = append(inner, cond("_CONTINUE", &syntax.BranchStmt{Token: syntax.CONTINUE, TokenPos: pos}))
	}
	if sig.ret {
		inner = append(inner, &syntax.ReturnStmt{Return: pos, Result: dot(pos, p.genIdent(pos, r), "value")})
	}
	return &syntax.IfStmt{If: pos, Cond: &syntax.BinaryExpr{X: p.genIdent(pos, r), OpPos: pos, Op: syntax.NEQ, Y: noneAt(pos)}, True: inner}
}

// controlFlow rewrites return/break/continue that leave a try part into
// returns of control signals. inLoop: inside a loop of this part.
func (p *pass2) controlFlow(list []syntax.Stmt, sig *signals, pos syntax.Position, inLoop bool) []syntax.Stmt {
	for i, s := range list {
		switch s := s.(type) {
		case *syntax.ReturnStmt:
			if r, ok := s.Result.(*syntax.CallExpr); ok && markerName(r) == "_ret" && p.isGenRet(r) {
				sig.ret = true
				continue
			}
			var v syntax.Expr = noneAt(s.Return)
			if s.Result != nil {
				v = s.Result
			}
			ret := call(s.Return, p.genIdent(s.Return, "_ret"), v)
			list[i] = &syntax.ReturnStmt{Return: s.Return, Result: ret}
			sig.ret = true
		case *syntax.BranchStmt:
			if inLoop || s.Token == syntax.PASS {
				continue
			}
			name := "_BREAK"
			if s.Token == syntax.CONTINUE {
				name = "_CONTINUE"
				sig.cont = true
			} else {
				sig.brk = true
			}
			list[i] = &syntax.ReturnStmt{Return: s.TokenPos, Result: p.genIdent(s.TokenPos, name)}
		case *syntax.IfStmt:
			s.True = p.controlFlow(s.True, sig, pos, inLoop)
			s.False = p.controlFlow(s.False, sig, pos, inLoop)
		case *syntax.ForStmt:
			s.Body = p.controlFlow(s.Body, sig, pos, true)
		case *syntax.WhileStmt:
			s.Body = p.controlFlow(s.Body, sig, pos, true)
		}
	}
	return list
}

func (p *pass2) isGenRet(c *syntax.CallExpr) bool {
	id, ok := c.Fn.(*syntax.Ident)
	return ok && p.skip[id]
}

// bareRaise turns `_raise()` in a handler into `_raise(_e)`.
func (p *pass2) bareRaise(list []syntax.Stmt, pos syntax.Position) {
	var walk func(n syntax.Node) bool
	walk = func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.DefStmt:
			return p.gen[n] // inner try parts share the active exception
		case *syntax.LambdaExpr:
			return false
		case *syntax.CallExpr:
			if id, ok := n.Fn.(*syntax.Ident); ok && id.Name == "_raise" && len(n.Args) == 0 {
				n.Args = []syntax.Expr{p.genIdent(n.Lparen, "_e")}
			}
		}
		return true
	}
	for _, s := range list {
		syntax.Walk(s, walk)
	}
}
