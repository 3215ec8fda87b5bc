package pycompat

import (
	"strconv"
	"strings"

	"go.starlark.net/syntax"
)

// A function's annotations, for a file that reads __annotations__ (the
// translator drops them otherwise). Pass 1 adds a last keyword parameter
// to the def, _ANNOT_=lambda: {"a": (int), "return": (bool)}; pass 2 takes
// it out of the signature again and writes _annotate(f, lambda) after the
// def, before its decorators apply (pylib/valueattr.go), so the expressions are evaluated when
// f.__annotations__ is first read.

const annotParam = "_ANNOT_"

// paramAnnotation is the name and annotation tokens [s, e) of the
// parameter toks[s0:e0], or "" when it has none.
func (p *pass1) paramAnnotation(s0, e0 int) (string, int, int) {
	k := s0
	if p.toks[k].text == "*" || p.toks[k].text == "**" {
		k++
	}
	if k+2 >= e0 || p.toks[k].kind != tName || p.toks[k+1].text != ":" {
		return "", 0, 0
	}
	end := e0
	for m := k + 2; m < e0; m++ {
		if p.toks[m].text == "=" && p.toks[m].depth == p.toks[k].depth {
			end = m
			break
		}
	}
	if end <= k+2 {
		return "", 0, 0
	}
	return p.toks[k].text, k + 2, end
}

// annotEntry is `"name": (expr)` for the annotation tokens [s, e).
func (p *pass1) annotEntry(name string, s, e int) string {
	text := p.src[p.toks[s].start:p.toks[e-1].end]
	rw, err := rewriteExpr(p.file, text, p.toks[s].line, p.opts)
	if err != nil || strings.ContainsAny(rw, "\n") {
		return ""
	}
	return strconv.Quote(name) + ": (" + rw + ")"
}

// keepAnnotations adds the _ANNOT_ parameter (before **kwargs, which
// must stay last).
func (p *pass1) keepAnnotations(open, closing, kwargsAt int, annots []string) {
	var kept []string
	for _, a := range annots {
		if a != "" {
			kept = append(kept, a)
		}
	}
	if len(kept) == 0 {
		return
	}
	param := annotParam + "=lambda: {" + strings.Join(kept, ", ") + "}"
	switch {
	case kwargsAt >= 0:
		p.insert(p.toks[kwargsAt].start, param+", ")
	case closing == open+1:
		p.insert(p.toks[closing].start, param)
	case p.toks[closing-1].text == ",":
		p.insert(p.toks[closing].start, param)
	default:
		p.insert(p.toks[closing].start, ", "+param)
	}
}

// takeAnnotations removes the _ANNOT_ parameter from def s and returns
// the statement that records it, or nil.
func (p *pass2) takeAnnotations(s *syntax.DefStmt) syntax.Stmt {
	for i, prm := range s.Params {
		b, ok := prm.(*syntax.BinaryExpr)
		if !ok || b.Op != syntax.EQ {
			continue
		}
		if id, ok := b.X.(*syntax.Ident); ok && id.Name == annotParam {
			s.Params = append(s.Params[:i:i], s.Params[i+1:]...)
			return &syntax.ExprStmt{X: call(s.Def, p.genIdent(s.Def, "_annotate"), ident(s.Def, s.Name.Name), b.Y)}
		}
	}
	return nil
}
