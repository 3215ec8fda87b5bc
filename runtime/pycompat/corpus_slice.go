package pycompat

import "go.starlark.net/syntax"

// getslice turns x[lo:hi:step] into _getslice(x, lo, hi, step) (missing
// bounds are None): script objects' __getitem__ gets a slice object, and
// str slices count code points (pylib/corpus_slice.go).
func (p *pass2) getslice(e *syntax.SliceExpr) syntax.Expr {
	args := []syntax.Expr{e.X}
	for _, q := range []syntax.Expr{e.Lo, e.Hi, e.Step} {
		if q == nil {
			q = ident(e.Lbrack, "None")
		}
		args = append(args, q)
	}
	return &syntax.CallExpr{Fn: p.genIdent(e.Lbrack, "_getslice"), Lparen: e.Lbrack, Args: args, Rparen: e.Rbrack}
}
