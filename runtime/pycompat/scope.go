package pycompat

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/pylib"
)

// The resolver pass moves names into namespace objects: `global` names and
// names assigned inside top-level try blocks live in `_g`, names assigned
// inside a function's try blocks live in that function's `_l` (Starlark
// closures cannot assign the enclosing function's variables). It also turns
// methods Starlark lacks into helper calls and `%` into _mod.

type scopeKind int

const (
	kModule scopeKind = iota
	kFn
	kGen // a synthesised try part: transparent for assignments
	kLambda
	kComp
)

type scope struct {
	parent  *scope
	kind    scopeKind
	names   map[string]bool
	globals map[string]bool
	ns      map[string]bool
	nsVar   string
	depth   int
}

func (sc *scope) fnDepth() int {
	for s := sc; s != nil; s = s.parent {
		if s.kind == kFn || s.kind == kModule {
			return s.depth
		}
	}
	return 0
}

// lookup returns the namespace variable holding name, if it is namespaced.
func lookup(sc *scope, name string) (string, bool) {
	root := sc
	for root.parent != nil {
		root = root.parent
	}
	for s := sc; s != nil; s = s.parent {
		switch s.kind {
		case kModule:
			if s.ns[name] {
				return s.nsVar, true
			}
			return "", false
		case kFn:
			if s.globals[name] {
				return lookup(root, name)
			}
			if s.names[name] {
				if s.ns[name] {
					return s.nsVar, true
				}
				return "", false
			}
		default:
			if s.names[name] {
				return "", false
			}
		}
	}
	return "", false
}

func paramName(e syntax.Expr) (string, syntax.Expr) {
	switch e := e.(type) {
	case *syntax.Ident:
		return e.Name, nil
	case *syntax.BinaryExpr:
		if id, ok := e.X.(*syntax.Ident); ok {
			return id.Name, e.Y
		}
	case *syntax.UnaryExpr:
		if id, ok := e.X.(*syntax.Ident); ok {
			return id.Name, nil
		}
	}
	return "", nil
}

func (p *pass2) resolveFile(f *syntax.File) {
	p.noteRichCompare(f)
	p.deleted = deletedNames(f.Stmts)
	f.Stmts = p.functionAttrs(f.Stmts) // corpus_fnattrs.go
	sc := &scope{kind: kModule, ns: p.module.ns, nsVar: "_g", names: moduleBindings(f.Stmts)}
	f.Stmts = p.resolveStmts(f.Stmts, sc)
	if (len(p.module.ns) > 0 || p.dynamicUsed) && len(f.Stmts) > 0 {
		// export the namespaced names as module globals too, for importers
		// and later REPL chunks
		end := syntax.End(f.Stmts[len(f.Stmts)-1])
		for _, k := range sortedKeys(p.module.ns) {
			// if hasattr(_g, "k"): k = _g.k
			has := call(end, p.genIdent(end, "hasattr"), p.genIdent(end, "_g"), strLit(end, k))
			set := assign(end, p.genIdent(end, k), dot(end, p.genIdent(end, "_g"), k))
			f.Stmts = append(f.Stmts, &syntax.IfStmt{If: end, Cond: has, True: []syntax.Stmt{set}})
		}
		pos := syntax.Start(f.Stmts[0])
		init := assign(pos, p.genIdent(pos, "_g"), call(pos, p.genIdent(pos, "_module_namespace")))
		f.Stmts = append([]syntax.Stmt{init}, f.Stmts...)
		if len(p.module.ns) > 0 {
			p.note(pos, "module namespace _g holds %s", sortedNames(p.module.ns))
		}
	}
}

// builtinNames are the names Builtins defines, built on first use.
var builtinNames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for k := range pylib.Builtins() {
		m[k] = true
	}
	return m
})

// readsModuleName reports whether name, read in scope sc, must be read
// through _g: a module-level name read from inside a function in a REPL
// chunk, or a name bound nowhere in the file (NameError when it runs).
func (p *pass2) readsModuleName(sc *scope, name string) bool {
	inFunction := false
	for s := sc; s != nil; s = s.parent {
		switch s.kind {
		case kModule:
			if strings.HasPrefix(name, "_") || starlark.Universe.Has(name) || builtinNames()[name] {
				return false
			}
			if p.isPredeclared != nil && p.isPredeclared(name) {
				return false
			}
			if !inFunction && p.dynamic {
				return false // a REPL chunk: the compiler reports it at once
			}
			// A file resolves its own module names statically; only a name
			// bound nowhere goes through _g, to fail when read, as in Python.
			return inFunction && p.dynamic || !s.names[name] && !s.ns[name]
		case kFn, kLambda:
			if s.names[name] && !s.globals[name] {
				return false
			}
			inFunction = true
		default:
			if s.names[name] {
				return false
			}
		}
	}
	return false
}

func sortedKeys(m map[string]bool) []string {
	var names []string
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func sortedNames(m map[string]bool) string { return strings.Join(sortedKeys(m), ", ") }

func (p *pass2) resolveStmts(list []syntax.Stmt, sc *scope) []syntax.Stmt {
	var out []syntax.Stmt
	for _, s := range list {
		out = append(out, p.resolveStmt(s, sc)...)
	}
	return out
}

func (p *pass2) resolveStmt(s syntax.Stmt, sc *scope) []syntax.Stmt {
	switch s := s.(type) {
	case *syntax.AssignStmt:
		p.inplace(s)
		s.RHS = p.boolAsInt(s.Op, p.expr(s.RHS, sc)) // corpus_boolarith.go: n += x > 0
		s.LHS = p.target(s.LHS, sc)
		if s.Op == syntax.EQ {
			s.RHS = p.unpackSource(s.LHS, s.RHS) // a, b = "xy"
		}
	case *syntax.ExprStmt:
		s.X = p.expr(s.X, sc)
	case *syntax.ReturnStmt:
		if s.Result != nil {
			s.Result = p.expr(s.Result, sc)
		}
	case *syntax.IfStmt:
		s.Cond = p.expr(s.Cond, sc)
		s.True = p.resolveStmts(s.True, sc)
		s.False = p.resolveStmts(s.False, sc)
	case *syntax.ForStmt:
		s.X = p.iterable(p.expr(s.X, sc))
		s.Vars = p.target(s.Vars, sc)
		s.Body = p.resolveStmts(s.Body, sc)
		if p.isIterCall(s.X) { // generator.go: an iterator's error ends the loop
			return []syntax.Stmt{s, p.iterEnd(s)}
		}
	case *syntax.WhileStmt:
		s.Cond = p.expr(s.Cond, sc)
		s.Body = p.resolveStmts(s.Body, sc)
	case *syntax.DefStmt:
		return p.resolveDef(s, sc)
	}
	return []syntax.Stmt{s}
}

func (p *pass2) resolveDef(s *syntax.DefStmt, sc *scope) []syntax.Stmt {
	var params []string
	for _, prm := range s.Params {
		name, dflt := paramName(prm)
		if dflt != nil {
			prm.(*syntax.BinaryExpr).Y = p.expr(dflt, sc)
		}
		if name != "" {
			params = append(params, name)
		}
	}
	inner := &scope{parent: sc, names: map[string]bool{}}
	for _, n := range params {
		inner.names[n] = true
	}
	if p.gen[s] {
		inner.kind = kGen
		s.Body = p.resolveStmts(s.Body, inner)
		return []syntax.Stmt{s}
	}
	info := p.info[s]
	if info == nil {
		info = &fnInfo{globals: map[string]bool{}, ns: map[string]bool{}}
	}
	inner.kind = kFn
	inner.depth = sc.fnDepth() + 1
	inner.globals = info.globals
	inner.ns = map[string]bool{}
	for n := range info.ns {
		if !info.globals[n] && !info.nonlocals[n] {
			inner.ns[n] = true
		}
	}
	inner.nsVar = "_l"
	if inner.depth > 1 {
		inner.nsVar = fmt.Sprintf("_l%d", inner.depth)
	}
	collectAssigned(s.Body, inner.names, p)
	for n := range info.globals {
		delete(inner.names, n)
	}
	for n := range info.nonlocals {
		delete(inner.names, n) // found in the owner's namespace
	}
	s.Body = p.resolveStmts(s.Body, inner)
	if len(inner.ns) > 0 {
		pos := s.Def
		pre := []syntax.Stmt{assign(pos, p.genIdent(pos, inner.nsVar), call(pos, p.genIdent(pos, "_namespace")))}
		for _, n := range params {
			if inner.ns[n] {
				pre = append(pre, assign(pos, dot(pos, p.genIdent(pos, inner.nsVar), n), p.genIdent(pos, n)))
			}
		}
		s.Body = append(pre, s.Body...)
		p.note(pos, "%s: %s hold %s (assigned inside try)", s.Name.Name, inner.nsVar, sortedNames(inner.ns))
	}
	out := []syntax.Stmt{s}
	if v, ok := lookup(sc, s.Name.Name); ok && !p.skip[s.Name] {
		p.skip[s.Name] = true
		pos := s.Def
		out = append(out, assign(pos, dot(pos, p.genIdent(pos, v), s.Name.Name), p.genIdent(pos, s.Name.Name)))
	}
	return out
}

// target resolves an assignment target: x[i] stays an index expression.
func (p *pass2) target(e syntax.Expr, sc *scope) syntax.Expr {
	switch t := e.(type) {
	case *syntax.IndexExpr:
		t.X = p.expr(t.X, sc)
		t.Y = p.expr(t.Y, sc)
		return t
	case *syntax.TupleExpr:
		for i, x := range t.List {
			t.List[i] = p.target(x, sc)
		}
		return t
	case *syntax.ListExpr:
		for i, x := range t.List {
			t.List[i] = p.target(x, sc)
		}
		return t
	case *syntax.ParenExpr:
		t.X = p.target(t.X, sc)
		return t
	case *syntax.DotExpr:
		// x.attr = v: only x is an expression (x.__class__ stays a target)
		t.X = p.expr(t.X, sc)
		return t
	case *syntax.Ident:
		return p.ident(t, sc)
	}
	return p.expr(e, sc)
}

func (p *pass2) exprs(list []syntax.Expr, sc *scope) {
	for i, e := range list {
		list[i] = p.expr(e, sc)
	}
}

func (p *pass2) expr(e syntax.Expr, sc *scope) syntax.Expr {
	if c, ok := e.(*syntax.CallExpr); ok && markerName(c) == mkGenexpr && len(c.Args) == 1 {
		e = p.lazyGenexpr(c) // generator.go
	}
	switch e := e.(type) {
	case *syntax.Ident:
		return p.guardDeleted(e, p.ident(e, sc), sc) // unbound.go
	case *syntax.BinaryExpr:
		e.X = p.expr(e.X, sc)
		e.Y = p.expr(e.Y, sc)
		if m := p.matmul(e); m != nil { // matmul.go: a @ b
			return m
		}
		e.X, e.Y = p.boolAsInt(e.Op, e.X), p.boolAsInt(e.Op, e.Y) // corpus_boolarith.go
		if e.Op == syntax.PERCENT {
			return call(e.OpPos, p.genIdent(e.OpPos, "_mod"), e.X, e.Y)
		}
		if x := typeCallArg(e.X); x != nil && (e.Op == syntax.IN || e.Op == syntax.NOT_IN) {
			// type(x) in (int, float)
			var r syntax.Expr = call(e.OpPos, p.genIdent(e.OpPos, "_type_is"), x, e.Y)
			if e.Op == syntax.NOT_IN {
				r = &syntax.UnaryExpr{OpPos: e.OpPos, Op: syntax.NOT, X: r}
			}
			return r
		}
		if r := p.richCompare(e); r != nil {
			return r
		}
		if e.Op == syntax.EQL || e.Op == syntax.NEQ {
			// type(x) == str compares Python types, not Starlark's type names
			x, t := typeCallArg(e.X), e.Y
			if y := typeCallArg(e.Y); x != nil && y != nil {
				// type(a) == type(b): compare the Python type names
				e.X = call(e.OpPos, p.genIdent(e.OpPos, "_type_name"), x)
				e.Y = call(e.OpPos, p.genIdent(e.OpPos, "_type_name"), y)
				return e
			}
			if x == nil {
				x, t = typeCallArg(e.Y), e.X
			}
			if x != nil {
				var r syntax.Expr = call(e.OpPos, p.genIdent(e.OpPos, "_type_is"), x, t)
				if e.Op == syntax.NEQ {
					r = &syntax.UnaryExpr{OpPos: e.OpPos, Op: syntax.NOT, X: r}
				}
				return r
			}
		}
	case *syntax.UnaryExpr:
		if e.X != nil {
			e.X = p.expr(e.X, sc)
		}
	case *syntax.ParenExpr:
		e.X = p.expr(e.X, sc)
	case *syntax.CallExpr:
		if markerName(e) == mkWalrus && len(e.Args) == 2 {
			return p.walrusSet(e, sc) // walrus.go: a walrus left in a comprehension
		}
		p.orderCallArgs(e)
		e.Fn = p.expr(e.Fn, sc)
		for i, a := range e.Args {
			if kw, ok := a.(*syntax.BinaryExpr); ok && kw.Op == syntax.EQ {
				kw.Y = p.expr(kw.Y, sc)
				continue
			}
			e.Args[i] = p.expr(a, sc)
		}
		p.methodValueArgs(e) // corpus_methods.go: key=data.count
		p.starArgs(e)        // f(*"abc")
		if d, ok := e.Fn.(*syntax.DotExpr); ok && pylib.MethodShims[d.Name.Name] && !p.isNamespace(d.X) && !(p.port && d.Name.Name == "format" && plainFormat(d.X)) {
			fn := p.genIdent(d.Dot, "_"+d.Name.Name)
			return &syntax.CallExpr{Fn: fn, Lparen: e.Lparen, Args: append([]syntax.Expr{d.X}, e.Args...), Rparen: e.Rparen}
		}
	case *syntax.DotExpr:
		e.X = p.expr(e.X, sc)
		if x := typeCallArg(e.X); x != nil && e.Name.Name == "__name__" {
			return call(e.Dot, p.genIdent(e.Dot, "_type_name"), x)
		}
		if e.Name.Name == "__name__" && !p.isNamespace(e.X) {
			return call(e.Dot, p.genIdent(e.Dot, "_name_of"), e.X)
		}
		if e.Name.Name == "__doc__" && !p.isNamespace(e.X) {
			return call(e.Dot, p.genIdent(e.Dot, "_doc_of"), e.X)
		}
		if pylib.ValueAttrs[e.Name.Name] && !p.isNamespace(e.X) {
			// (3).real, f.__defaults__, "ab".__len__: pylib/valueattr.go
			return call(e.Dot, p.genIdent(e.Dot, "_attr"), e.X, strLit(e.Name.NamePos, e.Name.Name))
		}
		if e.Name.Name == "__class__" && !p.isNamespace(e.X) {
			// (5).__class__ is int: values other than instances have no such attribute in Starlark
			return call(e.Dot, p.genIdent(e.Dot, "_type_of"), e.X)
		}
	case *syntax.IndexExpr:
		e.X = p.expr(e.X, sc)
		e.Y = p.expr(e.Y, sc)
		if lit, ok := e.Y.(*syntax.Literal); !ok || lit.Token != syntax.STRING {
			// b[0] is an int in Python; _getitem also gives Python's errors
			return &syntax.CallExpr{Fn: p.genIdent(e.Lbrack, "_getitem"), Lparen: e.Lbrack, Args: []syntax.Expr{e.X, e.Y}, Rparen: e.Rbrack}
		}
	case *syntax.SliceExpr:
		e.X = p.expr(e.X, sc)
		for _, q := range []*syntax.Expr{&e.Lo, &e.Hi, &e.Step} {
			if *q != nil {
				*q = p.expr(*q, sc)
			}
		}
		return p.getslice(e) // corpus_slice.go
	case *syntax.TupleExpr:
		p.exprs(e.List, sc)
	case *syntax.ListExpr:
		p.exprs(e.List, sc)
	case *syntax.DictExpr:
		for _, x := range e.List {
			de := x.(*syntax.DictEntry)
			de.Key = p.expr(de.Key, sc)
			de.Value = p.expr(de.Value, sc)
		}
	case *syntax.DictEntry: // a dict comprehension's body
		e.Key = p.expr(e.Key, sc)
		e.Value = p.expr(e.Value, sc)
	case *syntax.CondExpr:
		e.Cond = p.expr(e.Cond, sc)
		e.True = p.expr(e.True, sc)
		e.False = p.expr(e.False, sc)
	case *syntax.LambdaExpr:
		inner := &scope{parent: sc, kind: kLambda, names: map[string]bool{}}
		for _, prm := range e.Params {
			name, dflt := paramName(prm)
			if dflt != nil {
				prm.(*syntax.BinaryExpr).Y = p.expr(dflt, sc)
			}
			inner.names[name] = true
		}
		e.Body = p.expr(e.Body, inner)
	case *syntax.Comprehension:
		inner := &scope{parent: sc, kind: kComp, names: map[string]bool{}}
		for i, c := range e.Clauses {
			switch c := c.(type) {
			case *syntax.ForClause:
				if i == 0 {
					c.X = p.iterable(p.expr(c.X, sc))
				} else {
					c.X = p.iterable(p.expr(c.X, inner))
				}
				bindNames(c.Vars, inner.names)
			case *syntax.IfClause:
				c.Cond = p.expr(c.Cond, inner)
			}
		}
		e.Body = p.expr(e.Body, inner)
		for _, c := range e.Clauses {
			if f, ok := c.(*syntax.ForClause); ok && p.isIterCall(f.X) { // generator.go
				return call(e.Lbrack, p.genIdent(e.Lbrack, "_iter_end"), e)
			}
		}
	}
	return e
}

// iterable wraps a loop's iterable in _iter (strings and bytes iterate
// in Python, not in Starlark) unless it is plainly a list already.
func (p *pass2) iterable(x syntax.Expr) syntax.Expr {
	switch e := x.(type) {
	case *syntax.ListExpr, *syntax.TupleExpr, *syntax.DictExpr, *syntax.Comprehension:
		return x
	case *syntax.CallExpr:
		switch fn := e.Fn.(type) {
		case *syntax.Ident:
			switch fn.Name {
			case "range", "sorted", "list", "tuple", "_iter", "_unpack_each":
				return x
			}
		case *syntax.DotExpr:
			switch fn.Name.Name {
			case "items", "keys", "values", "split", "splitlines", "elems":
				return x
			}
		}
	}
	return p.loopIter(x) // generator.go
}

// typeCallArg returns x when e is type(x).
func typeCallArg(e syntax.Expr) syntax.Expr {
	c, ok := e.(*syntax.CallExpr)
	if !ok || len(c.Args) != 1 {
		return nil
	}
	if id, ok := c.Fn.(*syntax.Ident); !ok || id.Name != "type" {
		return nil
	}
	if _, kw := c.Args[0].(*syntax.BinaryExpr); kw {
		if c.Args[0].(*syntax.BinaryExpr).Op == syntax.EQ {
			return nil
		}
	}
	return c.Args[0]
}

// isNamespace reports whether x is a namespace object the resolver made
// (_g.format is a variable, not a method call to shim).
func (p *pass2) isNamespace(x syntax.Expr) bool {
	id, ok := x.(*syntax.Ident)
	return ok && p.skip[id] && (id.Name == "_g" || len(id.Name) >= 2 && id.Name[:2] == "_l")
}

// moduleBindings lists the names a file binds at module level: assigned,
// loop variables, defs and loads, at any depth outside function bodies.
func moduleBindings(stmts []syntax.Stmt) map[string]bool {
	names := map[string]bool{}
	var visit func([]syntax.Stmt)
	visit = func(list []syntax.Stmt) {
		for _, s := range list {
			switch s := s.(type) {
			case *syntax.AssignStmt:
				bindNames(s.LHS, names)
			case *syntax.DefStmt:
				names[s.Name.Name] = true
			case *syntax.ForStmt:
				bindNames(s.Vars, names)
				visit(s.Body)
			case *syntax.WhileStmt:
				visit(s.Body)
			case *syntax.IfStmt:
				visit(s.True)
				visit(s.False)
			case *syntax.LoadStmt:
				for _, id := range s.To {
					names[id.Name] = true
				}
			}
		}
	}
	visit(stmts)
	return names
}

func bindNames(e syntax.Expr, names map[string]bool) {
	switch e := e.(type) {
	case *syntax.Ident:
		names[e.Name] = true
	case *syntax.TupleExpr:
		for _, x := range e.List {
			bindNames(x, names)
		}
	case *syntax.ListExpr:
		for _, x := range e.List {
			bindNames(x, names)
		}
	case *syntax.ParenExpr:
		bindNames(e.X, names)
	}
}

// ident resolves a name read or assigned: a namespaced name becomes
// _g.name or _l.name.
func (p *pass2) ident(e *syntax.Ident, sc *scope) syntax.Expr {
	if p.skip[e] {
		return e
	}
	if v, ok := lookup(sc, e.Name); ok {
		return dot(e.NamePos, p.genIdent(e.NamePos, v), e.Name)
	}
	if p.readsModuleName(sc, e.Name) {
		hint := p.nameHint(e.Name, sc)
		if !p.dynamic {
			p.warnings = append(p.warnings, fmt.Sprintf("%s:%d:%d: warning: %s is not defined anywhere in this file: reading it raises NameError%s",
				p.file, e.NamePos.Line, e.NamePos.Col, e.Name, didYouMean(hint)))
		}
		p.dynamicUsed = true
		if hint != "" {
			// suggest.go: the traceback offers "Did you mean: 'hint'?"
			return call(e.NamePos, p.genIdent(e.NamePos, "_undefined"), p.genIdent(e.NamePos, "_g"), strLit(e.NamePos, e.Name), strLit(e.NamePos, hint))
		}
		return dot(e.NamePos, p.genIdent(e.NamePos, "_g"), e.Name)
	}
	return e
}
