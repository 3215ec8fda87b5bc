package pycompat

import (
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/pylib"
)

// methodValueArgs rewrites a method passed as an argument without calling
// it (sorted(xs, key=data.count), map(str.upper, ...) stays as is) into
// _method(x, "count"): Starlark's list lacks count, so the shim's bound
// method stands in (pylib/corpus_method.go).
func (p *pass2) methodValueArgs(e *syntax.CallExpr) {
	wrap := func(x syntax.Expr) syntax.Expr {
		d, ok := x.(*syntax.DotExpr)
		if !ok || !pylib.MethodShims[d.Name.Name] || p.isNamespace(d.X) {
			return x
		}
		if id, ok := d.X.(*syntax.Ident); ok && (id.Name == "str" || id.Name == "bytes") {
			return x // str.upper: the type's own method
		}
		name := &syntax.Literal{Token: syntax.STRING, TokenPos: d.Dot, Raw: `"` + d.Name.Name + `"`, Value: d.Name.Name}
		return call(d.Dot, p.genIdent(d.Dot, "_method"), d.X, name)
	}
	for i, a := range e.Args {
		if kw, ok := a.(*syntax.BinaryExpr); ok && kw.Op == syntax.EQ {
			kw.Y = wrap(kw.Y)
			continue
		}
		e.Args[i] = wrap(a)
	}
}

// starArgs makes f(*x) take any Python iterable (a str gives its
// characters): *x becomes *_iter(x) unless x is a list or tuple display.
func (p *pass2) starArgs(e *syntax.CallExpr) {
	for _, a := range e.Args {
		u, ok := a.(*syntax.UnaryExpr)
		if !ok || u.Op != syntax.STAR {
			continue
		}
		switch u.X.(type) {
		case *syntax.ListExpr, *syntax.TupleExpr:
			continue
		}
		if p.isIterCall(u.X) {
			continue
		}
		pos := syntax.Start(u.X)
		u.X = call(pos, p.genIdent(pos, "_iter"), u.X)
	}
}
