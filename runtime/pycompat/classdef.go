package pycompat

import (
	"sort"
	"strings"

	"go.starlark.net/syntax"
)

// A Python class becomes a function that runs the class body and returns
// its namespace as a dict, and a _class call that builds the class:
//
//	def _class_Foo():
//	    def __init__(self, x): self.x = x
//	    return {"__init__": __init__}
//	Foo = _class("Foo", (Base,), _class_Foo())
//
// super() inside a method becomes _super(Foo, self).

func isClassDef(s *syntax.DefStmt) bool {
	if len(s.Params) != 1 {
		return false
	}
	b, ok := s.Params[0].(*syntax.BinaryExpr)
	if !ok || b.Op != syntax.EQ {
		return false
	}
	id, ok := b.X.(*syntax.Ident)
	return ok && id.Name == mkClass
}

func (p *pass2) classDef(s *syntax.DefStmt, fn *fnInfo) ([]syntax.Stmt, error) {
	pos := s.Def
	name := s.Name.Name
	bases := s.Params[0].(*syntax.BinaryExpr).Y
	if len(s.Body) > 0 {
		// a docstring becomes Cls.__doc__
		if es, ok := s.Body[0].(*syntax.ExprStmt); ok {
			if lit, ok := es.X.(*syntax.Literal); ok && lit.Token == syntax.STRING {
				s.Body = append([]syntax.Stmt{assign(lit.TokenPos, ident(lit.TokenPos, "__doc__"), lit)}, s.Body[1:]...)
			}
		}
	}
	mangle(s.Body, name)
	for _, st := range s.Body {
		if m, ok := st.(*syntax.DefStmt); ok && len(m.Params) > 0 {
			self, _ := paramName(m.Params[0])
			p.rewriteSuper(m, name, self)
		}
	}
	members := map[string]bool{}
	collectAssigned(s.Body, members, p)
	keys := memberOrder(s.Body, members)
	rename := p.hideClassScope(s.Body, members) // classscope.go
	dict := &syntax.DictExpr{Lbrace: pos, Rbrace: pos}
	for _, k := range keys {
		v := k
		if r, ok := rename[k]; ok {
			v = r
		}
		dict.List = append(dict.List, &syntax.DictEntry{Key: strLit(pos, k), Colon: pos, Value: ident(pos, v)})
	}
	bodyName := "_class_" + name
	p.genName[bodyName] = true
	body := append(s.Body, &syntax.ReturnStmt{Return: pos, Result: dict})
	def := &syntax.DefStmt{Def: pos, Name: p.genIdent(pos, bodyName), Lparen: pos, Rparen: pos, Body: body}
	out, err := p.stmt(def, fn)
	if err != nil {
		return nil, err
	}
	build := call(pos, p.genIdent(pos, "_class"), strLit(pos, name), bases, call(pos, p.genIdent(pos, bodyName)))
	build.Args = append(build.Args, classKeywords(bases)...)
	out = append(out, assign(pos, ident(s.Name.NamePos, name), build))
	return out, nil
}

// classKeywords takes the header's keywords (metaclass=M, flag=1) out of
// the bases tuple, where pass 1 left them as _CLASSKW_(k=v) items, and
// returns them as keyword arguments for _class.
func classKeywords(bases syntax.Expr) []syntax.Expr {
	for {
		pe, ok := bases.(*syntax.ParenExpr)
		if !ok {
			break
		}
		bases = pe.X
	}
	tuple, ok := bases.(*syntax.TupleExpr)
	if !ok {
		return nil
	}
	var kw []syntax.Expr
	kept := tuple.List[:0]
	for _, e := range tuple.List {
		if c, ok := e.(*syntax.CallExpr); ok {
			if id, ok := c.Fn.(*syntax.Ident); ok && id.Name == mkClassKw {
				kw = append(kw, c.Args...)
				continue
			}
		}
		kept = append(kept, e)
	}
	tuple.List = kept
	return kw
}

func (p *pass2) rewriteSuper(m *syntax.DefStmt, class, self string) {
	if self == "" {
		return
	}
	syntax.Walk(m, func(n syntax.Node) bool {
		c, ok := n.(*syntax.CallExpr)
		if !ok {
			return true
		}
		if id, ok := c.Fn.(*syntax.Ident); ok && id.Name == "super" && len(c.Args) == 0 {
			c.Fn = p.genIdent(id.NamePos, "_super")
			c.Args = []syntax.Expr{ident(id.NamePos, class), ident(id.NamePos, self)}
		}
		return true
	})
}

// A file whose classes define comparison methods has its comparisons go
// through _richcmp(x, op, y), so Money(1) == 1 and obj < 5 call the
// methods as in Python (Starlark compares values of different types
// without asking them). Other files keep Starlark's comparisons.

var compareMethods = map[string]bool{"__eq__": true, "__ne__": true, "__lt__": true, "__le__": true, "__gt__": true, "__ge__": true}

// In the same way, a file whose classes define in-place operators
// (__iadd__, ...) has `x += y` on names and attributes become
// x = _inplace("+=", x, y), which calls them.
var inplaceMethods = map[string]bool{
	"__iadd__": true, "__isub__": true, "__imul__": true, "__itruediv__": true, "__ifloordiv__": true,
	"__imod__": true, "__iand__": true, "__ior__": true, "__ixor__": true, "__ilshift__": true, "__irshift__": true,
}

const inplaceFlag = "_inplace"

// comparableModules give values that compare with ints and floats
// (Fraction(1, 2) < 1), which Starlark's own comparison refuses.
var comparableModules = map[string]bool{"fractions": true, "decimal": true}

// importsComparable reports whether c is _import("fractions", ...), or
// makes a frozenset (which equals a set with the same elements).
func importsComparable(c *syntax.CallExpr) bool {
	id, ok := c.Fn.(*syntax.Ident)
	if ok && id.Name == "frozenset" {
		return true
	}
	if !ok || id.Name != "_import" || len(c.Args) == 0 {
		return false
	}
	lit, ok := c.Args[0].(*syntax.Literal)
	if !ok {
		return false
	}
	name, _ := lit.Value.(string)
	return comparableModules[name]
}

// richCmpFlag marks, in genName, a file that defines a comparison method.
const richCmpFlag = "_richcmp"

func (p *pass2) noteRichCompare(f *syntax.File) {
	syntax.Walk(f, func(n syntax.Node) bool {
		if c, ok := n.(*syntax.CallExpr); ok && (derivesFromBuiltin(c) || importsComparable(c)) {
			p.genName[richCmpFlag] = true
		}
		if d, ok := n.(*syntax.DefStmt); ok {
			name := strings.TrimPrefix(d.Name.Name, classVarPrefix) // a method (classscope.go)
			if compareMethods[name] {
				p.genName[richCmpFlag] = true
			}
			if inplaceMethods[name] {
				p.genName[inplaceFlag] = true
			}
		}
		return true
	})
}

// inplace rewrites x += y (x a name or name.attr) into x = _inplace("+=", x, y).
func (p *pass2) inplace(s *syntax.AssignStmt) {
	if !p.genName[inplaceFlag] || s.Op < syntax.PLUS_EQ || s.Op > syntax.GTGT_EQ {
		return
	}
	var read syntax.Expr
	switch t := s.LHS.(type) {
	case *syntax.Ident:
		read = &syntax.Ident{NamePos: t.NamePos, Name: t.Name}
	case *syntax.DotExpr:
		x, ok := t.X.(*syntax.Ident)
		if !ok {
			return
		}
		read = &syntax.DotExpr{X: &syntax.Ident{NamePos: x.NamePos, Name: x.Name}, Dot: t.Dot, NamePos: t.NamePos,
			Name: &syntax.Ident{NamePos: t.Name.NamePos, Name: t.Name.Name}}
	default:
		return
	}
	pos := s.OpPos
	op := s.Op.String()
	s.Op = syntax.EQ
	s.RHS = call(pos, p.genIdent(pos, "_inplace"), strLit(pos, op), read, s.RHS)
}

func (p *pass2) richCompare(e *syntax.BinaryExpr) syntax.Expr {
	if !p.genName[richCmpFlag] {
		return nil
	}
	switch e.Op {
	case syntax.EQL, syntax.NEQ, syntax.LT, syntax.LE, syntax.GT, syntax.GE:
	default:
		return nil
	}
	if typeCallArg(e.X) != nil || typeCallArg(e.Y) != nil {
		return nil // type(x) == T keeps its own rewrite
	}
	return call(e.OpPos, p.genIdent(e.OpPos, "_richcmp"), e.X, strLit(e.OpPos, e.Op.String()), e.Y)
}

// memberOrder lists a class body's names in the order the body first
// binds them, as Python's class __dict__ keeps them.
func memberOrder(body []syntax.Stmt, members map[string]bool) []string {
	var keys []string
	seen := map[string]bool{}
	add := func(name string) {
		if members[name] && !seen[name] {
			seen[name] = true
			keys = append(keys, name)
		}
	}
	var visit func([]syntax.Stmt)
	visit = func(list []syntax.Stmt) {
		for _, st := range list {
			switch st := st.(type) {
			case *syntax.AssignStmt:
				names := map[string]bool{}
				bindNames(st.LHS, names)
				for _, n := range sortedKeys(names) {
					add(n)
				}
			case *syntax.DefStmt:
				add(st.Name.Name)
			case *syntax.IfStmt:
				visit(st.True)
				visit(st.False)
			case *syntax.ForStmt:
				visit(st.Body)
			case *syntax.WhileStmt:
				visit(st.Body)
			}
		}
	}
	visit(body)
	var rest []string
	for k := range members {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(keys, rest...)
}

// mangle renames private names (__x, not __x__) used in a class body to
// _Class__x, as Python does, so obj.__dict__ and AttributeErrors read as
// CPython's and a subclass's __x does not collide with its base's.
// Attributes are always renamed (pylib finds a base class's _Base__x when
// _Sub__x is missing, as QuecPython, which does not mangle, would); plain
// names only when the class body binds them (a module-level __helper
// stays reachable, as on QuecPython). Nested classes get their own pass.
func mangle(body []syntax.Stmt, class string) {
	prefix := "_" + strings.TrimLeft(class, "_")
	if prefix == "_" {
		return
	}
	bound := map[string]bool{}
	for _, st := range body {
		switch st := st.(type) {
		case *syntax.AssignStmt:
			bindNames(st.LHS, bound)
		case *syntax.DefStmt:
			bound[st.Name.Name] = true
		}
	}
	renameAttr := func(id *syntax.Ident) {
		if id != nil && isPrivateName(id.Name) {
			id.Name = prefix + id.Name
		}
	}
	rename := func(id *syntax.Ident) {
		if id != nil && bound[id.Name] {
			renameAttr(id)
		}
	}
	for _, st := range body {
		syntax.Walk(st, func(n syntax.Node) bool {
			switch n := n.(type) {
			case *syntax.DefStmt:
				if isClassDef(n) {
					rename(n.Name)
					return false
				}
				rename(n.Name)
			case *syntax.DotExpr:
				renameAttr(n.Name) // its Ident, visited next, is then no longer private
			case *syntax.Ident:
				rename(n)
			}
			return true
		})
	}
}

func isPrivateName(name string) bool {
	return strings.HasPrefix(name, "__") && !strings.HasSuffix(name, "__") && len(name) > 2
}

// derivesFromBuiltin reports whether c is a translated class statement,
// _class("Color", (str,), ...), with a built-in base type: its instances
// compare with plain values.
func derivesFromBuiltin(c *syntax.CallExpr) bool {
	if id, ok := c.Fn.(*syntax.Ident); !ok || id.Name != "_class" || len(c.Args) != 3 {
		return false
	}
	found := false
	syntax.Walk(c.Args[1], func(n syntax.Node) bool {
		if id, ok := n.(*syntax.Ident); ok {
			switch id.Name {
			case "str", "int", "float", "list", "dict", "tuple", "set", "bytes",
				"IntEnum", "IntFlag", "StrEnum": // enum members equal their values
				found = true
			}
		}
		return true
	})
	return found
}
