package pycompat

import "go.starlark.net/syntax"

// In Python a bool is an int: "Fizz" * (i % 3 == 0), total += x > 0 and
// True + True count. Starlark's bools take no part in arithmetic, so an
// operand that is plainly a bool (a comparison, not, True/False, or a call
// such as isinstance) is turned into int(...) for + - * / //. A variable
// holding a bool is not seen here (a known difference).

var arithOps = map[syntax.Token]bool{
	syntax.PLUS: true, syntax.MINUS: true, syntax.STAR: true, syntax.SLASH: true, syntax.SLASHSLASH: true,
	syntax.PLUS_EQ: true, syntax.MINUS_EQ: true, syntax.STAR_EQ: true, syntax.SLASH_EQ: true, syntax.SLASHSLASH_EQ: true,
}

var boolCalls = map[string]bool{
	"isinstance": true, "issubclass": true, "callable": true, "hasattr": true, "bool": true,
	"any": true, "all": true, "_chain": true, "_type_is": true, "_richcmp": true, "_is": true,
}

func isBoolish(x syntax.Expr) bool {
	switch e := x.(type) {
	case *syntax.ParenExpr:
		return isBoolish(e.X)
	case *syntax.BinaryExpr:
		switch e.Op {
		case syntax.EQL, syntax.NEQ, syntax.LT, syntax.GT, syntax.LE, syntax.GE, syntax.IN, syntax.NOT_IN:
			return true
		}
	case *syntax.UnaryExpr:
		return e.Op == syntax.NOT
	case *syntax.Ident:
		return e.Name == "True" || e.Name == "False"
	case *syntax.CallExpr:
		if id, ok := e.Fn.(*syntax.Ident); ok {
			return boolCalls[id.Name]
		}
	}
	return false
}

// boolAsInt wraps x in int(...) when it is a bool used as a number.
func (p *pass2) boolAsInt(op syntax.Token, x syntax.Expr) syntax.Expr {
	if !arithOps[op] || !isBoolish(x) {
		return x
	}
	pos := syntax.Start(x)
	return call(pos, p.genIdent(pos, "int"), x)
}
