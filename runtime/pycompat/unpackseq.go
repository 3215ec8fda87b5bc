package pycompat

import (
	"strconv"

	"go.starlark.net/syntax"
)

// unpackSource: in `a, b = xs` Starlark unpacks only its iterables, and
// says "got string in sequence assignment" for a str; Python unpacks any
// iterable (characters, bytes as ints, a set in CPython's order) and
// words a wrong count its own way. A source that is not a display of the
// same length becomes _seq(xs, n) (pylib/unpack.go); a display's items
// are checked against nested targets: (p, q), r = "ab", "c".
func (p *pass2) unpackSource(lhs, rhs syntax.Expr) syntax.Expr {
	targets := tupleTargets(lhs)
	if targets == nil {
		return rhs
	}
	for _, t := range targets {
		if !plainTarget(t) {
			return rhs // a starred target is _unpack's (star.go)
		}
	}
	switch r := unparen(rhs).(type) {
	case *syntax.TupleExpr:
		if len(r.List) == len(targets) {
			for i, x := range r.List {
				r.List[i] = p.unpackSource(targets[i], x)
			}
			return rhs
		}
	case *syntax.ListExpr:
		if len(r.List) == len(targets) {
			for i, x := range r.List {
				r.List[i] = p.unpackSource(targets[i], x)
			}
			return rhs
		}
	case *syntax.CallExpr:
		if id, ok := r.Fn.(*syntax.Ident); ok && (p.skip[id] || sequenceCalls[id.Name]) {
			return rhs // a helper's result (_unpack, _split) or divmod(): already a sequence
		}
	}
	pos := syntax.Start(rhs)
	n := &syntax.Literal{Token: syntax.INT, TokenPos: pos, Raw: strconv.Itoa(len(targets)), Value: int64(len(targets))}
	return call(pos, p.genIdent(pos, "_seq"), rhs, n)
}

func tupleTargets(e syntax.Expr) []syntax.Expr {
	switch t := unparen(e).(type) {
	case *syntax.TupleExpr:
		return t.List
	case *syntax.ListExpr:
		return t.List
	}
	return nil
}

func plainTarget(e syntax.Expr) bool {
	switch t := unparen(e).(type) {
	case *syntax.Ident, *syntax.DotExpr, *syntax.IndexExpr:
		return true
	case *syntax.TupleExpr, *syntax.ListExpr:
		for _, x := range tupleTargets(t) {
			if !plainTarget(x) {
				return false
			}
		}
		return true
	}
	return false
}

func unparen(e syntax.Expr) syntax.Expr {
	for {
		p, ok := e.(*syntax.ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}

// sequenceCalls never return a str: their results unpack as they are.
var sequenceCalls = map[string]bool{
	"divmod": true, "tuple": true, "list": true, "sorted": true,
	"_split": true, "_rsplit": true, "_partition": true, "_rpartition": true, "_splitlines": true,
	"_unpack": true, "_seq": true,
}
