package pycompat

import (
	"fmt"

	"go.starlark.net/syntax"
)

// hoistYieldLambdas also moves a def's annotations out of its
// signature (funcannot.go), as both walk every statement list first.
//
// A lambda whose body yields is a generator function: MicroPython code
// gets the generator type with type((lambda: (yield))()). Starlark's
// lambdas cannot hold a generator body, so such a lambda becomes a def
// just before its statement (def _glambda_N(params): body), which the
// generator translation then handles like any other generator def. A
// lambda inside a comprehension (whose loop variables a def before the
// statement would not see) stays an error.
func (p *pass2) hoistYieldLambdas(stmts []syntax.Stmt) []syntax.Stmt {
	var out []syntax.Stmt
	for _, s := range stmts {
		switch s := s.(type) {
		case *syntax.DefStmt:
			s.Body = p.hoistYieldLambdas(s.Body)
			if a := p.takeAnnotations(s); a != nil { // funcannot.go
				p.annotate[s] = a
			}
		case *syntax.IfStmt:
			s.True = p.hoistYieldLambdas(s.True)
			s.False = p.hoistYieldLambdas(s.False)
		case *syntax.ForStmt:
			s.Body = p.hoistYieldLambdas(s.Body)
		case *syntax.WhileStmt:
			s.Body = p.hoistYieldLambdas(s.Body)
		}
		var defs []syntax.Stmt
		replaceYieldLambdas(s, func(l *syntax.LambdaExpr) syntax.Expr {
			p.n++
			name := fmt.Sprintf("_glambda_%d", p.n)
			defs = append(defs, &syntax.DefStmt{Def: l.Lambda, Name: ident(l.Lambda, name), Lparen: l.Lambda, Params: l.Params, Rparen: l.Lambda,
				Body: []syntax.Stmt{&syntax.ExprStmt{X: l.Body}}})
			p.note(l.Lambda, "lambda with yield -> a generator def")
			return ident(l.Lambda, name)
		})
		out = append(append(out, defs...), s)
	}
	return out
}

// yieldsDirectly reports whether e yields outside any nested def or lambda.
func yieldsDirectly(e syntax.Node) bool {
	found := false
	syntax.Walk(e, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.DefStmt, *syntax.LambdaExpr, *syntax.Comprehension:
			return n == e
		case *syntax.CallExpr:
			if name := markerName(n); name == "_yield" || name == "_yield_from" {
				found = true
			}
		}
		return !found
	})
	return found
}

// replaceYieldLambdas replaces, in the expressions of statement s (not in
// nested defs or comprehensions), each lambda that yields by repl(l).
func replaceYieldLambdas(s syntax.Stmt, repl func(*syntax.LambdaExpr) syntax.Expr) {
	var fix func(e syntax.Expr) syntax.Expr
	fix = func(e syntax.Expr) syntax.Expr {
		switch x := e.(type) {
		case *syntax.LambdaExpr:
			if yieldsDirectly(x.Body) {
				return repl(x)
			}
		case *syntax.ParenExpr:
			x.X = fix(x.X)
		case *syntax.CallExpr:
			x.Fn = fix(x.Fn)
			for i, a := range x.Args {
				if kw, ok := a.(*syntax.BinaryExpr); ok && kw.Op == syntax.EQ {
					kw.Y = fix(kw.Y)
					continue
				}
				x.Args[i] = fix(a)
			}
		case *syntax.BinaryExpr:
			x.X, x.Y = fix(x.X), fix(x.Y)
		case *syntax.UnaryExpr:
			if x.X != nil {
				x.X = fix(x.X)
			}
		case *syntax.TupleExpr:
			for i, a := range x.List {
				x.List[i] = fix(a)
			}
		case *syntax.ListExpr:
			for i, a := range x.List {
				x.List[i] = fix(a)
			}
		case *syntax.DictExpr:
			for _, a := range x.List {
				de := a.(*syntax.DictEntry)
				de.Key, de.Value = fix(de.Key), fix(de.Value)
			}
		case *syntax.CondExpr:
			x.Cond, x.True, x.False = fix(x.Cond), fix(x.True), fix(x.False)
		case *syntax.IndexExpr:
			x.X, x.Y = fix(x.X), fix(x.Y)
		case *syntax.DotExpr:
			x.X = fix(x.X)
		}
		return e
	}
	switch s := s.(type) {
	case *syntax.AssignStmt:
		s.RHS = fix(s.RHS)
	case *syntax.ExprStmt:
		s.X = fix(s.X)
	case *syntax.ReturnStmt:
		if s.Result != nil {
			s.Result = fix(s.Result)
		}
	case *syntax.IfStmt:
		s.Cond = fix(s.Cond)
	case *syntax.ForStmt:
		s.X = fix(s.X)
	case *syntax.WhileStmt:
		s.Cond = fix(s.Cond)
	}
}
