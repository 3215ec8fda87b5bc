package pycompat

import (
	"fmt"

	"go.starlark.net/syntax"
)

// Pass 2 rewrites the parsed tree: try/except chains (marked by pass 1)
// become nested defs run by _try, `global` names and names assigned inside
// try blocks move to mutable namespaces, and methods Starlark lacks become
// helper calls. Every synthesised node carries the position of the Python
// construct it came from.

type fnInfo struct {
	globals map[string]bool // names declared global here
	ns      map[string]bool // names kept in the namespace object
}

type pass2 struct {
	file    string
	changes []Change
	gen     map[*syntax.DefStmt]bool // synthesised try-part defs (transparent scopes)
	genName map[string]bool
	skip    map[*syntax.Ident]bool // synthesised references the resolver leaves alone
	info    map[syntax.Node]*fnInfo
	module  *fnInfo
	n       int
	// pass statements standing for `global x`
	globalPass map[syntax.Stmt]bool

	dynamic       bool // Options.DynamicGlobals
	isPredeclared func(string) bool
	dynamicUsed   bool // a function reads a module name through _g
	warnings      []string
}

func newPass2(file string) *pass2 {
	return &pass2{
		file:    file,
		gen:     map[*syntax.DefStmt]bool{},
		genName: map[string]bool{},
		skip:    map[*syntax.Ident]bool{},
		info:    map[syntax.Node]*fnInfo{},
		module:  &fnInfo{globals: map[string]bool{}, ns: map[string]bool{}},

		globalPass: map[syntax.Stmt]bool{},
	}
}

func (p *pass2) errAt(pos syntax.Position, format string, args ...any) error {
	return &syntaxError{p.file, int(pos.Line), int(pos.Col), fmt.Sprintf(format, args...)}
}

func (p *pass2) note(pos syntax.Position, format string, args ...any) {
	p.changes = append(p.changes, Change{Line: int(pos.Line), What: fmt.Sprintf(format, args...)})
}

// removedLines are the lines of `global` statements, which leave nothing.
func (p *pass2) removedLines() map[int32]bool {
	m := map[int32]bool{}
	for s := range p.globalPass {
		m[s.(*syntax.BranchStmt).TokenPos.Line] = true
	}
	return m
}

// --- node constructors (positions from the Python source) ---

func ident(pos syntax.Position, name string) *syntax.Ident {
	return &syntax.Ident{NamePos: pos, Name: name}
}

func (p *pass2) genIdent(pos syntax.Position, name string) *syntax.Ident {
	id := ident(pos, name)
	p.skip[id] = true
	return id
}

func call(pos syntax.Position, fn syntax.Expr, args ...syntax.Expr) *syntax.CallExpr {
	return &syntax.CallExpr{Fn: fn, Lparen: pos, Args: args, Rparen: pos}
}

func strLit(pos syntax.Position, s string) *syntax.Literal {
	return &syntax.Literal{Token: syntax.STRING, TokenPos: pos, Raw: syntax.Quote(s, false), Value: s}
}

func noneAt(pos syntax.Position) syntax.Expr { return ident(pos, "None") }

func dot(pos syntax.Position, x syntax.Expr, name string) *syntax.DotExpr {
	return &syntax.DotExpr{X: x, Dot: pos, NamePos: pos, Name: ident(pos, name)}
}

func assign(pos syntax.Position, lhs, rhs syntax.Expr) *syntax.AssignStmt {
	return &syntax.AssignStmt{OpPos: pos, Op: syntax.EQ, LHS: lhs, RHS: rhs}
}

func passAt(pos syntax.Position) syntax.Stmt {
	return &syntax.BranchStmt{Token: syntax.PASS, TokenPos: pos}
}

func markerName(e syntax.Expr) string {
	switch e := e.(type) {
	case *syntax.Ident:
		return e.Name
	case *syntax.CallExpr:
		if id, ok := e.Fn.(*syntax.Ident); ok {
			return id.Name
		}
	}
	return ""
}

func mentions(e syntax.Expr, name string) bool {
	found := false
	syntax.Walk(e, func(n syntax.Node) bool {
		if id, ok := n.(*syntax.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}

// --- statements ---

// stmts transforms a statement list inside the function fn (nil: module).
func (p *pass2) stmts(list []syntax.Stmt, fn *fnInfo) ([]syntax.Stmt, error) {
	var out []syntax.Stmt
	var decos []*syntax.CallExpr // pending decorators, outermost first
	for _, s := range list {
		if es, ok := s.(*syntax.ExprStmt); ok {
			if c, ok := es.X.(*syntax.CallExpr); ok && markerName(c) == mkDecorator && len(c.Args) == 1 {
				decos = append(decos, c)
				continue
			}
		}
		def, isDef := s.(*syntax.DefStmt)
		if len(decos) > 0 && !isDef {
			return nil, p.errAt(decos[0].Lparen, "invalid syntax: a decorator must come before def or class")
		}
		// a decorator naming the function itself (@x.setter) must be
		// evaluated before the def rebinds the name, as Python does
		exprs := make([]syntax.Expr, len(decos))
		for k, d := range decos {
			exprs[k] = d.Args[0]
			if mentions(d.Args[0], def.Name.Name) {
				p.n++
				tmp := fmt.Sprintf("_deco_%d", p.n)
				p.genName[tmp] = true
				out = append(out, assign(d.Lparen, p.genIdent(d.Lparen, tmp), d.Args[0]))
				exprs[k] = p.genIdent(d.Lparen, tmp)
			}
		}
		res, err := p.stmt(s, fn)
		if err != nil {
			return nil, err
		}
		out = append(out, res...)
		// name = deco(name), innermost decorator first
		for k := len(decos) - 1; k >= 0; k-- {
			pos := decos[k].Lparen
			name := def.Name.Name
			out = append(out, assign(pos, ident(pos, name), call(pos, exprs[k], ident(pos, name))))
		}
		decos = nil
	}
	if len(decos) > 0 {
		return nil, p.errAt(decos[0].Lparen, "invalid syntax: a decorator must come before def or class")
	}
	// `global x` leaves nothing behind unless the block would be empty
	kept := out[:0]
	for _, s := range out {
		if b, ok := s.(*syntax.BranchStmt); ok && b.Token == syntax.PASS && p.globalPass[b] {
			continue
		}
		kept = append(kept, s)
	}
	if len(kept) == 0 && len(out) > 0 {
		kept = append(kept, out[0])
	}
	return kept, nil
}

func (p *pass2) stmt(s syntax.Stmt, fn *fnInfo) ([]syntax.Stmt, error) {
	switch s := s.(type) {
	case *syntax.ExprStmt:
		if c, ok := s.X.(*syntax.CallExpr); ok && markerName(c) == mkGlobal {
			for _, a := range c.Args {
				id, ok := a.(*syntax.Ident)
				if !ok {
					return nil, p.errAt(c.Lparen, "invalid syntax: global takes names")
				}
				if fn != nil {
					fn.globals[id.Name] = true
				}
				p.module.ns[id.Name] = true
			}
			pass := passAt(c.Lparen)
			p.globalPass[pass] = true
			return []syntax.Stmt{pass}, nil
		}
	case *syntax.IfStmt:
		switch markerName(s.Cond) {
		case mkTry:
			return p.tryStmt(s, fn)
		case mkExcept, mkTryElse, mkFinally:
			return nil, p.errAt(s.If, "invalid syntax: except/finally without try")
		}
		var err error
		if s.True, err = p.stmts(s.True, fn); err != nil {
			return nil, err
		}
		if len(s.False) == 1 {
			if elif, ok := s.False[0].(*syntax.IfStmt); ok {
				switch markerName(elif.Cond) {
				case mkExcept, mkTryElse, mkFinally:
					return nil, p.errAt(elif.If, "invalid syntax: except/finally without try")
				}
			}
		}
		if s.False, err = p.stmts(s.False, fn); err != nil {
			return nil, err
		}
	case *syntax.ForStmt:
		var err error
		if s.Body, err = p.stmts(s.Body, fn); err != nil {
			return nil, err
		}
	case *syntax.WhileStmt:
		var err error
		if s.Body, err = p.stmts(s.Body, fn); err != nil {
			return nil, err
		}
	case *syntax.DefStmt:
		if isClassDef(s) {
			return p.classDef(s, fn)
		}
		if !p.isGenBody(s) && isGeneratorDef(s) {
			p.generatorDef(s) // generator.go
		}
		info := &fnInfo{globals: map[string]bool{}, ns: map[string]bool{}}
		p.info[s] = info
		var err error
		if s.Body, err = p.stmts(s.Body, info); err != nil {
			return nil, err
		}
	}
	return []syntax.Stmt{s}, nil
}

type handler struct {
	pos   syntax.Position
	class syntax.Expr // nil: bare except
	name  *syntax.Ident
	body  []syntax.Stmt
}

// tryStmt turns the marker chain `if _TRY_: ... elif _EXCEPT_(...): ...`
// into nested defs and one _try call.
func (p *pass2) tryStmt(s *syntax.IfStmt, fn *fnInfo) ([]syntax.Stmt, error) {
	pos := s.If
	body := s.True
	var handlers []handler
	var orelse, final []syntax.Stmt
	var elsePos, finPos syntax.Position
	for rest := s.False; len(rest) > 0; {
		elif, ok := rest[0].(*syntax.IfStmt)
		if !ok || len(rest) != 1 {
			return nil, p.errAt(pos, "invalid syntax: try needs except or finally")
		}
		switch markerName(elif.Cond) {
		case mkExcept:
			if final != nil || orelse != nil {
				return nil, p.errAt(elif.If, "invalid syntax: except after else/finally")
			}
			h := handler{pos: elif.If, body: elif.True}
			c, ok := elif.Cond.(*syntax.CallExpr)
			if !ok {
				return nil, p.errAt(elif.If, "invalid syntax in except clause")
			}
			switch len(c.Args) {
			case 0:
			case 2:
				id, ok := c.Args[1].(*syntax.Ident)
				if !ok {
					return nil, p.errAt(elif.If, "invalid syntax: except ... as NAME")
				}
				h.name = id
				fallthrough
			case 1:
				h.class = c.Args[0]
			default:
				return nil, p.errAt(elif.If, "invalid syntax in except clause")
			}
			handlers = append(handlers, h)
		case mkTryElse:
			if len(handlers) == 0 || final != nil {
				return nil, p.errAt(elif.If, "invalid syntax: else needs an except clause before it")
			}
			orelse, elsePos = elif.True, elif.If
		case mkFinally:
			final, finPos = elif.True, elif.If
		default:
			return nil, p.errAt(elif.If, "invalid syntax: expected except or finally")
		}
		rest = elif.False
	}
	if len(handlers) == 0 && final == nil {
		return nil, p.errAt(pos, "invalid syntax: try needs except or finally")
	}
	for i := 1; i < len(handlers); i++ {
		if handlers[i-1].class == nil {
			return nil, p.errAt(handlers[i-1].pos, "default 'except:' must be last")
		}
	}

	p.n++
	n := p.n
	ns := p.module.ns
	if fn != nil {
		ns = fn.ns
	}
	sig := &signals{}
	assigned := map[string]bool{}
	var out []syntax.Stmt
	mkdef := func(name string, at syntax.Position, params []syntax.Expr, stmts []syntax.Stmt, isHandler bool) (*syntax.DefStmt, error) {
		stmts, err := p.stmts(stmts, fn)
		if err != nil {
			return nil, err
		}
		collectAssigned(stmts, assigned, p)
		stmts = p.controlFlow(stmts, sig, at, false)
		if isHandler {
			p.bareRaise(stmts, at)
		}
		d := &syntax.DefStmt{Def: at, Name: p.genIdent(at, name), Lparen: at, Params: params, Rparen: at, Body: stmts}
		p.gen[d] = true
		p.genName[name] = true
		out = append(out, d)
		return d, nil
	}
	bodyName := fmt.Sprintf("_try_%d", n)
	if _, err := mkdef(bodyName, pos, nil, body, false); err != nil {
		return nil, err
	}
	var hlist []syntax.Expr
	for k, h := range handlers {
		name := fmt.Sprintf("_exc_%d_%d", n, k)
		stmts := h.body
		if h.name != nil {
			bind := assign(h.pos, ident(h.name.NamePos, h.name.Name), p.genIdent(h.pos, "_e"))
			stmts = append([]syntax.Stmt{bind}, stmts...)
		}
		if _, err := mkdef(name, h.pos, []syntax.Expr{p.genIdent(h.pos, "_e")}, stmts, true); err != nil {
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
	var elseRef, finRef syntax.Expr = noneAt(pos), noneAt(pos)
	if orelse != nil {
		name := fmt.Sprintf("_else_%d", n)
		if _, err := mkdef(name, elsePos, nil, orelse, false); err != nil {
			return nil, err
		}
		elseRef = p.genIdent(elsePos, name)
	}
	if final != nil {
		name := fmt.Sprintf("_fin_%d", n)
		if _, err := mkdef(name, finPos, nil, final, false); err != nil {
			return nil, err
		}
		finRef = p.genIdent(finPos, name)
	}
	r := fmt.Sprintf("_r_%d", n)
	p.genName[r] = true
	tryCall := call(pos, p.genIdent(pos, "_try"), p.genIdent(pos, bodyName),
		&syntax.ListExpr{Lbrack: pos, List: hlist, Rbrack: pos}, elseRef, finRef)
	for k := range assigned {
		ns[k] = true
	}
	if !sig.any() {
		out = append(out, &syntax.ExprStmt{X: tryCall})
	} else {
		out = append(out, assign(pos, p.genIdent(pos, r), tryCall))
	}
	if sig.any() {
		out = append(out, p.dispatch(pos, r, sig))
	}
	p.note(pos, "try/except -> nested defs run by _try()")
	return out, nil
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

// collectAssigned adds the user names bound in list (not inside nested
// real defs, lambdas or comprehensions) to ns.
func collectAssigned(list []syntax.Stmt, ns map[string]bool, p *pass2) {
	var lhs func(e syntax.Expr)
	lhs = func(e syntax.Expr) {
		switch e := e.(type) {
		case *syntax.Ident:
			if !p.genName[e.Name] && !p.skip[e] {
				ns[e.Name] = true
			}
		case *syntax.TupleExpr:
			for _, x := range e.List {
				lhs(x)
			}
		case *syntax.ListExpr:
			for _, x := range e.List {
				lhs(x)
			}
		case *syntax.ParenExpr:
			lhs(e.X)
		}
	}
	for _, s := range list {
		switch s := s.(type) {
		case *syntax.AssignStmt:
			lhs(s.LHS)
		case *syntax.ForStmt:
			lhs(s.Vars)
			collectAssigned(s.Body, ns, p)
		case *syntax.WhileStmt:
			collectAssigned(s.Body, ns, p)
		case *syntax.IfStmt:
			collectAssigned(s.True, ns, p)
			collectAssigned(s.False, ns, p)
		case *syntax.DefStmt:
			if p.gen[s] {
				collectAssigned(s.Body, ns, p)
			} else {
				lhs(s.Name)
			}
		}
	}
}
