package pycompat

import (
	"strings"

	"go.starlark.net/syntax"
)

// printFile renders a syntax tree as Starlark source, for `qstar port`.
// Parentheses come from the tree (ParenExpr); the synthesised nodes never
// need extra ones.
func printFile(f *syntax.File, removed map[int32]bool) string {
	pr := &printer{removed: removed}
	pr.stmts(f.Stmts, 0)
	return pr.sb.String()
}

type printer struct {
	sb      strings.Builder
	lastEnd int32          // source line where the previous statement ended
	removed map[int32]bool // lines whose statement left nothing (global x)
}

// comments writes a node's retained comments (kept from the Python source).
func (pr *printer) comments(list []syntax.Comment, depth int) {
	for _, c := range list {
		pr.line(depth, c.Text)
	}
}

func (pr *printer) line(depth int, s string) {
	pr.sb.WriteString(strings.Repeat("    ", depth))
	pr.sb.WriteString(s)
	pr.sb.WriteByte('\n')
}

func (pr *printer) stmts(list []syntax.Stmt, depth int) {
	for _, s := range list {
		start, end := s.Span()
		first := start.Line
		if c := s.Comments(); c != nil && len(c.Before) > 0 {
			first = c.Before[0].Start.Line
		}
		for pr.removed[pr.lastEnd+1] {
			pr.lastEnd++
		}
		if pr.lastEnd > 0 && first > pr.lastEnd+1 && pr.sb.Len() > 0 {
			pr.sb.WriteByte('\n') // keep the source's blank lines
		}
		if c := s.Comments(); c != nil {
			pr.comments(c.Before, depth)
		}
		pr.lastEnd = start.Line
		var suffix []syntax.Comment
		var after []syntax.Comment
		if c := s.Comments(); c != nil {
			suffix, after = c.Suffix, c.After
		}
		if len(suffix) > 0 {
			// render apart so the trailing comment joins the statement's first line
			sub := &printer{lastEnd: pr.lastEnd, removed: pr.removed}
			sub.stmt(s, depth)
			text := sub.sb.String()
			nl := strings.IndexByte(text, '\n')
			pr.sb.WriteString(text[:nl] + "  " + suffix[0].Text + text[nl:])
			pr.lastEnd = sub.lastEnd
		} else {
			pr.stmt(s, depth)
		}
		pr.comments(after, depth)
		if end.Line > pr.lastEnd {
			pr.lastEnd = end.Line
		}
	}
}

func (pr *printer) stmt(s syntax.Stmt, depth int) {
	switch s := s.(type) {
	case *syntax.AssignStmt:
		pr.line(depth, expr(s.LHS)+" "+s.Op.String()+" "+expr(s.RHS))
	case *syntax.ExprStmt:
		pr.line(depth, expr(s.X))
	case *syntax.BranchStmt:
		pr.line(depth, s.Token.String())
	case *syntax.ReturnStmt:
		if s.Result == nil {
			pr.line(depth, "return")
		} else {
			pr.line(depth, "return "+expr(s.Result))
		}
	case *syntax.LoadStmt:
		parts := []string{expr(s.Module)}
		for i := range s.From {
			if s.From[i].Name == s.To[i].Name {
				parts = append(parts, syntax.Quote(s.From[i].Name, false))
			} else {
				parts = append(parts, s.To[i].Name+"="+syntax.Quote(s.From[i].Name, false))
			}
		}
		pr.line(depth, "load("+strings.Join(parts, ", ")+")")
	case *syntax.DefStmt:
		pr.line(depth, "def "+s.Name.Name+"("+exprList(s.Params)+"):")
		pr.stmts(s.Body, depth+1)
	case *syntax.IfStmt:
		pr.ifStmt(s, depth, "if")
	case *syntax.ForStmt:
		pr.line(depth, "for "+expr(s.Vars)+" in "+expr(s.X)+":")
		pr.stmts(s.Body, depth+1)
	case *syntax.WhileStmt:
		pr.line(depth, "while "+expr(s.Cond)+":")
		pr.stmts(s.Body, depth+1)
	}
}

func (pr *printer) ifStmt(s *syntax.IfStmt, depth int, kw string) {
	pr.line(depth, kw+" "+expr(s.Cond)+":")
	pr.stmts(s.True, depth+1)
	if len(s.False) == 0 {
		return
	}
	if elif, ok := s.False[0].(*syntax.IfStmt); ok && len(s.False) == 1 && s.ElsePos.IsValid() && elif.If == s.ElsePos {
		pr.lastEnd = elif.If.Line
		pr.ifStmt(elif, depth, "elif")
		return
	}
	pr.line(depth, "else:")
	if s.ElsePos.IsValid() {
		pr.lastEnd = s.ElsePos.Line
	}
	pr.stmts(s.False, depth+1)
}

func exprList(list []syntax.Expr) string {
	parts := make([]string, len(list))
	for i, e := range list {
		parts[i] = expr(e)
	}
	return strings.Join(parts, ", ")
}

func expr(e syntax.Expr) string {
	switch e := e.(type) {
	case *syntax.Ident:
		return e.Name
	case *syntax.Literal:
		return e.Raw
	case *syntax.ParenExpr:
		return "(" + expr(e.X) + ")"
	case *syntax.CallExpr:
		return expr(e.Fn) + "(" + exprList(e.Args) + ")"
	case *syntax.DotExpr:
		if lit, ok := e.X.(*syntax.Literal); ok && (lit.Token == syntax.INT || lit.Token == syntax.FLOAT) {
			return "(" + lit.Raw + ")." + e.Name.Name // 0.x would scan as a float
		}
		return expr(e.X) + "." + e.Name.Name
	case *syntax.IndexExpr:
		return expr(e.X) + "[" + expr(e.Y) + "]"
	case *syntax.SliceExpr:
		s := expr(e.X) + "["
		if e.Lo != nil {
			s += expr(e.Lo)
		}
		s += ":"
		if e.Hi != nil {
			s += expr(e.Hi)
		}
		if e.Step != nil {
			s += ":" + expr(e.Step)
		}
		return s + "]"
	case *syntax.TupleExpr:
		s := exprList(e.List)
		if len(e.List) == 1 {
			s += ","
		}
		if e.Lparen.IsValid() {
			return "(" + s + ")"
		}
		return s
	case *syntax.ListExpr:
		return "[" + exprList(e.List) + "]"
	case *syntax.DictExpr:
		return "{" + exprList(e.List) + "}"
	case *syntax.DictEntry:
		return expr(e.Key) + ": " + expr(e.Value)
	case *syntax.CondExpr:
		return expr(e.True) + " if " + expr(e.Cond) + " else " + expr(e.False)
	case *syntax.UnaryExpr:
		if e.X == nil {
			return "*"
		}
		op := e.Op.String()
		if e.Op == syntax.NOT {
			op += " "
		}
		return op + expr(e.X)
	case *syntax.BinaryExpr:
		if e.Op == syntax.EQ { // keyword argument or default
			return expr(e.X) + "=" + expr(e.Y)
		}
		return expr(e.X) + " " + e.Op.String() + " " + expr(e.Y)
	case *syntax.LambdaExpr:
		if len(e.Params) == 0 {
			return "lambda: " + expr(e.Body)
		}
		return "lambda " + exprList(e.Params) + ": " + expr(e.Body)
	case *syntax.Comprehension:
		var sb strings.Builder
		open, close := "[", "]"
		if e.Curly {
			open, close = "{", "}"
		}
		sb.WriteString(open + expr(e.Body))
		for _, c := range e.Clauses {
			switch c := c.(type) {
			case *syntax.ForClause:
				sb.WriteString(" for " + expr(c.Vars) + " in " + expr(c.X))
			case *syntax.IfClause:
				sb.WriteString(" if " + expr(c.Cond))
			}
		}
		return sb.String() + close
	}
	return "?"
}
