package pycompat

import (
	"sort"
	"strings"

	"go.starlark.net/syntax"
)

// PortTo makes a translation a .star file to keep (`qstar port`): the
// helpers the output calls are loaded from Module under the names Name
// gives them, and "...".format(...) without format specs stays Starlark's
// own str.format.
type PortTo struct {
	Module string
	// Name is a helper's public name in Module ("_try" -> "pytry"); ok is
	// false for names that are not helpers.
	Name func(helper string) (public string, ok bool)
}

// portHelpers renames every reference to a helper to its public name and
// returns the load statement binding the ones used ("" when none are).
// A helper name the file binds itself is left alone.
func portHelpers(f *syntax.File, to *PortTo) string {
	bound := map[string]bool{}
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.AssignStmt:
			bindNames(n.LHS, bound)
		case *syntax.DefStmt:
			bound[n.Name.Name] = true
			for _, p := range n.Params {
				bindParam(p, bound)
			}
		case *syntax.LambdaExpr:
			for _, p := range n.Params {
				bindParam(p, bound)
			}
		case *syntax.ForStmt:
			bindNames(n.Vars, bound)
		case *syntax.ForClause:
			bindNames(n.Vars, bound)
		case *syntax.LoadStmt:
			for _, id := range n.To {
				bound[id.Name] = true
			}
		}
		return true
	})
	used := map[string]bool{}
	var visit func(n syntax.Node) bool
	visit = func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.LoadStmt:
			return false // the file's own load names what it loads
		case *syntax.DotExpr:
			syntax.Walk(n.X, visit) // x.name: name is an attribute
			return false
		case *syntax.CallExpr:
			syntax.Walk(n.Fn, visit)
			for _, a := range n.Args {
				if kw, ok := a.(*syntax.BinaryExpr); ok && kw.Op == syntax.EQ {
					a = kw.Y // f(name=v): name is a keyword
				}
				syntax.Walk(a, visit)
			}
			return false
		case *syntax.Ident:
			if public, ok := to.Name(n.Name); ok && !bound[n.Name] {
				n.Name = public
				used[public] = true
			}
		}
		return true
	}
	syntax.Walk(f, visit)
	if len(used) == 0 {
		return ""
	}
	names := make([]string, 0, len(used))
	for n := range used {
		names = append(names, syntax.Quote(n, false))
	}
	sort.Strings(names)
	return "load(" + syntax.Quote(to.Module, false) + ", " + strings.Join(names, ", ") + ")\n"
}

func bindParam(p syntax.Expr, bound map[string]bool) {
	switch p := p.(type) {
	case *syntax.Ident:
		bound[p.Name] = true
	case *syntax.BinaryExpr: // x=default
		bindParam(p.X, bound)
	case *syntax.UnaryExpr: // *args, **kw
		if p.X != nil {
			bindParam(p.X, bound)
		}
	}
}

// plainFormat reports whether x is a string literal whose replacement
// fields Starlark's str.format handles as Python does: {}, {0}, {name},
// with no format spec, conversion, attribute or index.
func plainFormat(x syntax.Expr) bool {
	lit, ok := x.(*syntax.Literal)
	if !ok || lit.Token != syntax.STRING {
		return false
	}
	s := lit.Value.(string)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			if i+1 < len(s) && s[i+1] == '{' {
				i++
				continue
			}
			end := strings.IndexByte(s[i:], '}')
			if end < 0 || !plainField(s[i+1:i+end]) {
				return false
			}
			i += end
		case '}':
			if i+1 < len(s) && s[i+1] == '}' {
				i++
				continue
			}
			return false
		}
	}
	return true
}

// plainField: empty, all digits, or an identifier.
func plainField(f string) bool {
	for i, c := range f {
		ok := c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if !ok || i == 0 && '0' <= c && c <= '9' && strings.Trim(f, "0123456789") != "" {
			return false
		}
	}
	return true
}
