package pycompat

import "go.starlark.net/syntax"

// In Python the names a class body binds are not in scope inside its
// methods: `def open(self)` does not hide the builtin open() from the
// other methods, and a class attribute `set = ...` does not hide set().
// The class body is a function here (classdef.go), whose locals Starlark
// would let every nested def see; so the body's own names that a method or
// lambda also mentions are renamed (open -> _cv_open) where the class body
// itself uses them, and kept where its methods and lambdas do, which then
// reach the module's names as in Python. The namespace dict maps the
// Python names to the renamed variables. A nested class keeps its name
// (its __name__ comes from it).

const classVarPrefix = "_cv_"

// hideClassScope renames the class-level bindings of members in body
// and returns the renaming.
func (p *pass2) hideClassScope(body []syntax.Stmt, members map[string]bool) map[string]string {
	nested := map[string]bool{}
	for _, st := range body {
		if d, ok := st.(*syntax.DefStmt); ok && isClassDef(d) {
			nested[d.Name.Name] = true
		}
	}
	// only the names a method or lambda mentions need hiding: the rest
	// keep their names (and `qstar port` output stays as written)
	mentioned := namesInNestedBodies(body, p)
	rename := map[string]string{}
	for name := range members {
		if !nested[name] && mentioned[name] {
			rename[name] = classVarPrefix + name
		}
	}
	if len(rename) == 0 {
		return rename
	}
	walk := variableWalker(func(id *syntax.Ident) {
		if to, ok := rename[id.Name]; ok {
			id.Name = to
		}
	}, func(n syntax.Node, walk func(syntax.Node)) {
		switch n := n.(type) {
		case *syntax.DefStmt:
			switch {
			case isClassDef(n): // its bases are read here; its body is its own scope
				walk(n.Params[0].(*syntax.BinaryExpr).Y)
			case p.gen[n]: // a part the translator made of the class body
				for _, st := range n.Body {
					walk(st)
				}
			default: // a method: its name and defaults are the class body's, its body is not
				if to, ok := rename[n.Name.Name]; ok {
					n.Name.Name = to
				}
				paramDefaults(n.Params, walk)
			}
		case *syntax.LambdaExpr:
			paramDefaults(n.Params, walk)
		}
	})
	for _, st := range body {
		walk(st)
	}
	return rename
}

// namesInNestedBodies are the variables used inside the bodies of the
// methods and lambdas of a class body (not in nested classes, which are
// scopes of their own that their own classDef handles).
func namesInNestedBodies(body []syntax.Stmt, p *pass2) map[string]bool {
	names := map[string]bool{}
	note := func(id *syntax.Ident) { names[id.Name] = true }
	// inside a method everything counts, nested defs included
	inside := variableWalker(note, func(n syntax.Node, walk func(syntax.Node)) {
		switch n := n.(type) {
		case *syntax.DefStmt:
			paramDefaults(n.Params, walk)
			for _, st := range n.Body {
				walk(st)
			}
		case *syntax.LambdaExpr:
			paramDefaults(n.Params, walk)
			walk(n.Body)
		}
	})
	// at class level only what methods and lambdas hold
	top := variableWalker(func(*syntax.Ident) {}, func(n syntax.Node, walk func(syntax.Node)) {
		switch n := n.(type) {
		case *syntax.DefStmt:
			switch {
			case isClassDef(n):
			case p.gen[n]:
				for _, st := range n.Body {
					walk(st)
				}
			default:
				for _, st := range n.Body {
					inside(st)
				}
			}
		case *syntax.LambdaExpr:
			inside(n.Body)
		}
	})
	for _, st := range body {
		top(st)
	}
	return names
}

// variableWalker returns a walk that calls ident for each identifier
// naming a variable, not an attribute (x.name) or a keyword (f(name=v)),
// and hands defs and lambdas to scope, which walks what of them it wants.
func variableWalker(ident func(*syntax.Ident), scope func(n syntax.Node, walk func(syntax.Node))) func(syntax.Node) {
	var visit func(n syntax.Node) bool
	walk := func(n syntax.Node) {
		if n != nil {
			syntax.Walk(n, visit)
		}
	}
	visit = func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Ident:
			ident(n)
		case *syntax.DotExpr:
			walk(n.X)
			return false
		case *syntax.CallExpr:
			walk(n.Fn)
			for _, a := range n.Args {
				if b, ok := a.(*syntax.BinaryExpr); ok && b.Op == syntax.EQ {
					if _, kw := b.X.(*syntax.Ident); kw {
						walk(b.Y)
						continue
					}
				}
				walk(a)
			}
			return false
		case *syntax.DefStmt, *syntax.LambdaExpr:
			scope(n, walk)
			return false
		}
		return true
	}
	return walk
}

// paramDefaults walks the default values of a parameter list.
func paramDefaults(params []syntax.Expr, walk func(syntax.Node)) {
	for _, prm := range params {
		if b, ok := prm.(*syntax.BinaryExpr); ok {
			walk(b.Y)
		}
	}
}
