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
	globals   map[string]bool // names declared global here
	ns        map[string]bool // names kept in the namespace object
	nonlocals map[string]bool // names declared nonlocal here (see nonlocal.go)
	parent    *fnInfo         // the enclosing function (nil: module level)
	bound     map[string]bool // parameters and names assigned in the body
}

type pass2 struct {
	file    string
	changes []Change
	gen     map[*syntax.DefStmt]bool // synthesised try-part defs (transparent scopes)
	genName map[string]bool
	skip    map[*syntax.Ident]bool // synthesised references the resolver leaves alone
	// annotate is the _annotate(f, ...) statement to follow each def
	// that keeps its annotations, before its decorators (funcannot.go)
	annotate map[*syntax.DefStmt]syntax.Stmt
	info     map[syntax.Node]*fnInfo
	module   *fnInfo
	n        int
	// pass statements standing for `global x`
	globalPass map[syntax.Stmt]bool
	// breaks the translator made that leave a loop normally (walrus.go)
	plainBreak map[*syntax.BranchStmt]bool
	hasWalrus  bool            // the file has a := (walrus.go)
	deleted    map[string]bool // names a del statement unbinds (unbound.go)
	patterns   []syntax.Stmt   // constant case patterns built once at module level (match.go)

	dynamic       bool // Options.DynamicGlobals
	isPredeclared func(string) bool
	dynamicUsed   bool // a function reads a module name through _g
	port          bool // Options.Port: "{}".format(x) stays as it is
	warnings      []string
}

func newPass2(file string) *pass2 {
	return &pass2{
		file:     file,
		gen:      map[*syntax.DefStmt]bool{},
		genName:  map[string]bool{},
		skip:     map[*syntax.Ident]bool{},
		annotate: map[*syntax.DefStmt]syntax.Stmt{},
		info:     map[syntax.Node]*fnInfo{},
		module:   &fnInfo{globals: map[string]bool{}, ns: map[string]bool{}},

		globalPass: map[syntax.Stmt]bool{},
		plainBreak: map[*syntax.BranchStmt]bool{},
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
		if ifs, ok := s.(*syntax.IfStmt); ok && markerName(ifs.Cond) == mkLoopElse {
			var err error
			if out, err = p.loopElse(out, ifs, fn); err != nil {
				return nil, err
			}
			continue
		}
		if d := decoratorOf(s); d != nil {
			decos = append(decos, d)
			continue
		}
		var err error
		if out, err = p.decorated(out, s, decos, fn); err != nil {
			return nil, err
		}
		decos = nil
	}
	if len(decos) > 0 {
		return nil, p.errAt(decos[0].Lparen, "invalid syntax: a decorator must come before def or class")
	}
	return p.dropGlobalPasses(out), nil
}

// dropGlobalPasses: `global x` leaves nothing behind unless the block
// would be empty.
func (p *pass2) dropGlobalPasses(out []syntax.Stmt) []syntax.Stmt {
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
	return kept
}

// decoratorOf returns the _DECORATOR_(d) marker call that s is, or nil.
func decoratorOf(s syntax.Stmt) *syntax.CallExpr {
	if es, ok := s.(*syntax.ExprStmt); ok {
		if c, ok := es.X.(*syntax.CallExpr); ok && markerName(c) == mkDecorator && len(c.Args) == 1 {
			return c
		}
	}
	return nil
}

// decorated translates s and applies the decorators before it:
// name = deco(name) after the def, innermost decorator first.
func (p *pass2) decorated(out []syntax.Stmt, s syntax.Stmt, decos []*syntax.CallExpr, fn *fnInfo) ([]syntax.Stmt, error) {
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
	if isDef && p.annotate[def] != nil {
		out = append(out, p.annotate[def]) // the function's own, not its decorator's
	}
	for k := len(decos) - 1; k >= 0; k-- {
		pos := decos[k].Lparen
		name := def.Name.Name
		out = append(out, assign(pos, ident(pos, name), call(pos, exprs[k], ident(pos, name))))
	}
	return out, nil
}

func (p *pass2) stmt(s syntax.Stmt, fn *fnInfo) ([]syntax.Stmt, error) {
	p.walrusInComprehensions(s, fn)
	if pre := p.walrusStmt(s); len(pre) > 1 {
		return p.stmtsKeepingOrder(pre, fn)
	}
	var err error
	switch s := s.(type) {
	case *syntax.AssignStmt:
		if call, ok := p.sliceAssign(s); ok {
			return []syntax.Stmt{call}, nil
		}
		if lhs, pre := p.unnest(s.LHS); len(pre) > 0 {
			s.LHS = lhs
			return append([]syntax.Stmt{s}, pre...), nil
		}
	case *syntax.ExprStmt:
		if c, ok := s.X.(*syntax.CallExpr); ok {
			switch markerName(c) {
			case mkGlobal:
				return p.globalStmt(c, fn)
			case mkNonlocal:
				return p.nonlocalStmt(c, fn)
			}
		}
	case *syntax.IfStmt:
		return p.ifStmt(s, fn)
	case *syntax.ForStmt:
		var pre []syntax.Stmt
		s.Vars, pre = p.unnest(s.Vars)
		s.Body, err = p.stmts(append(pre, s.Body...), fn)
	case *syntax.WhileStmt:
		return p.whileStmt(s, fn)
	case *syntax.DefStmt:
		if isClassDef(s) {
			return p.classDef(s, fn)
		}
		if !p.isGenBody(s) && isGeneratorDef(s) {
			p.generatorDef(s) // generator.go
		}
		noteKeywordOnly(s) // kwonly.go
		info := p.newFnInfo(s, fn)
		s.Body, err = p.stmts(s.Body, info)
	}
	if err != nil {
		return nil, err
	}
	return []syntax.Stmt{s}, nil
}

func (p *pass2) ifStmt(s *syntax.IfStmt, fn *fnInfo) ([]syntax.Stmt, error) {
	switch markerName(s.Cond) {
	case mkTry:
		return p.tryStmt(s, fn)
	case mkWith:
		return p.withStmt(s, fn)
	case mkMatch:
		return p.matchStmt(s, fn)
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
	return []syntax.Stmt{s}, nil
}

func (p *pass2) whileStmt(s *syntax.WhileStmt, fn *fnInfo) ([]syntax.Stmt, error) {
	p.walrusWhile(s)
	var err error
	if s.Body, err = p.stmts(s.Body, fn); err != nil {
		return nil, err
	}
	return []syntax.Stmt{s}, nil
}

// newFnInfo records a def's scope facts for the resolver.
func (p *pass2) newFnInfo(s *syntax.DefStmt, parent *fnInfo) *fnInfo {
	info := &fnInfo{globals: map[string]bool{}, ns: map[string]bool{}, nonlocals: map[string]bool{}, parent: parent, bound: map[string]bool{}}
	for _, prm := range s.Params {
		if name, _ := paramName(prm); name != "" {
			info.bound[name] = true
		}
	}
	collectAssigned(s.Body, info.bound, p)
	p.info[s] = info
	return info
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
		if _, def := s.(*syntax.DefStmt); !def && p.hasWalrus {
			comprehensionWalrusNames(s, ns) // walrus.go
		}
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
