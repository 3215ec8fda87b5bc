package pycompat

import "go.starlark.net/syntax"

// How `a @ b` (matrix product) is translated. `@` has the precedence and
// left associativity of `*`, so pass 1 writes it as `a * _MATMUL_ * b`,
// which Starlark parses as ((a * _MATMUL_) * b) whatever surrounds it; the
// resolver turns that shape into _matmul(a, b), which calls __matmul__ or
// __rmatmul__. `x @= y` becomes x = _matmul(x, y) (augassign.go).

const mkMatmul = "_MATMUL_"

// matmul rewrites ((a * _MATMUL_) * b) into _matmul(a, b), or returns nil.
func (p *pass2) matmul(e *syntax.BinaryExpr) syntax.Expr {
	if e.Op != syntax.STAR {
		return nil
	}
	l, ok := e.X.(*syntax.BinaryExpr)
	if !ok || l.Op != syntax.STAR || markerName(l.Y) != mkMatmul {
		return nil
	}
	if _, isIdent := l.Y.(*syntax.Ident); !isIdent {
		return nil
	}
	return call(l.OpPos, p.genIdent(l.OpPos, "_matmul"), l.X, e.Y)
}
