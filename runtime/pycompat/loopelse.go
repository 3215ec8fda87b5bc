package pycompat

import (
	"fmt"

	"go.starlark.net/syntax"
)

// How `for ... else` and `while ... else` are translated. Pass 1 turns the
// loop's `else:` into a marker statement after the loop, `if _LOOPELSE_:`;
// pass 2 gives the loop a flag that every break of this loop sets:
//
//	_broken_1 = False
//	for x in xs:
//	    if x: _broken_1 = True; break
//	if not _broken_1:
//	    else-body
//
// A loop without a break of its own just runs the else body after it.

const mkLoopElse = "_LOOPELSE_"

// elseKind says what an `else`/`elif` header continues, given the header
// before it at the same indentation.
func (p *pass1) elseKind(first token, kw, prev string) (string, error) {
	switch {
	case kw == "else" && (prev == "try" || prev == "except"):
		return "tryelse", nil
	case kw == "else" && (prev == "for" || prev == "while"):
		return "loopelse", nil
	case prev == "with" || prev == "def" || prev == "class" || prev == "finally" || prev == "else" || prev == "loopelse" || prev == "tryelse" ||
		kw == "elif" && prev != "if" && prev != "elif":
		return "", p.errAt(first, "invalid syntax: '%s' does not follow an if, for, while or try", kw)
	}
	return kw, nil
}

func (p *pass1) loopElseHeader(i int) error {
	p.replace(i, "if "+mkLoopElse)
	p.note(p.toks[i].line, "for/while ... else -> a flag set by break")
	return nil
}

// loopElse attaches the marker statement s to the loop that ends out.
func (p *pass2) loopElse(out []syntax.Stmt, s *syntax.IfStmt, fn *fnInfo) ([]syntax.Stmt, error) {
	var loop syntax.Stmt
	if n := len(out); n > 0 {
		loop = out[n-1]
	}
	var body *[]syntax.Stmt
	switch l := loop.(type) {
	case *syntax.ForStmt:
		body = &l.Body
	case *syntax.WhileStmt:
		body = &l.Body
	default:
		return nil, p.errAt(s.If, "invalid syntax: else without a loop")
	}
	orelse, err := p.stmts(s.True, fn)
	if err != nil {
		return nil, err
	}
	p.n++
	flag := fmt.Sprintf("_broken_%d", p.n)
	var found bool
	*body = p.flagBreaks(*body, flag, &found)
	if !found {
		return append(out, orelse...), nil
	}
	p.genName[flag] = true
	pos := s.If
	lpos, _ := loop.Span()
	out[len(out)-1] = assign(lpos, p.genIdent(lpos, flag), ident(lpos, "False"))
	notBroken := &syntax.UnaryExpr{OpPos: pos, Op: syntax.NOT, X: p.genIdent(pos, flag)}
	return append(out, loop, &syntax.IfStmt{If: pos, Cond: notBroken, True: orelse}), nil
}

// flagBreaks puts `flag = True` before each break of this loop (not of
// inner loops or functions).
func (p *pass2) flagBreaks(list []syntax.Stmt, flag string, found *bool) []syntax.Stmt {
	var out []syntax.Stmt
	for _, s := range list {
		switch s := s.(type) {
		case *syntax.BranchStmt:
			if s.Token == syntax.BREAK && !p.plainBreak[s] {
				*found = true
				out = append(out, assign(s.TokenPos, p.genIdent(s.TokenPos, flag), ident(s.TokenPos, "True")))
			}
		case *syntax.IfStmt:
			s.True = p.flagBreaks(s.True, flag, found)
			s.False = p.flagBreaks(s.False, flag, found)
		}
		out = append(out, s)
	}
	return out
}
