package pycompat

import (
	"sort"

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
	for _, st := range s.Body {
		if m, ok := st.(*syntax.DefStmt); ok && len(m.Params) > 0 {
			self, _ := paramName(m.Params[0])
			p.rewriteSuper(m, name, self)
		}
	}
	members := map[string]bool{}
	collectAssigned(s.Body, members, p)
	var keys []string
	for k := range members {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	dict := &syntax.DictExpr{Lbrace: pos, Rbrace: pos}
	for _, k := range keys {
		dict.List = append(dict.List, &syntax.DictEntry{Key: strLit(pos, k), Colon: pos, Value: ident(pos, k)})
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
	out = append(out, assign(pos, ident(s.Name.NamePos, name), build))
	return out, nil
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
