package pycompat

import (
	"strconv"
	"strings"
)

// annotPrefix names the local that keeps a class attribute's annotation.
const annotPrefix = "_annot_"

// inClassBody reports whether the simple statement being rewritten sits
// directly in a class body.
func (p *pass1) inClassBody() bool {
	n := len(p.headers)
	return n >= 2 && p.headers[n-1].kw == "" && p.headers[n-2].kw == "class" && p.headers[n-2].indent < p.headers[n-1].indent
}

// How annotations are translated: they are dropped, as CPython ignores
// them at run time.
//
//	def f(a: int, b: str = "x") -> dict:   ->  def f(a, b = "x"):
//	x: int = 5                             ->  x = 5
//	x: int                                 ->  pass
//	class C: x: int = 5                    ->  _annot_x = "int"; x = 5
//	class C: x: int                        ->  _annot_x = "int"
//
// In a class body the annotation is kept as text: _class gathers the
// _annot_ names into C.__annotations__, which dataclasses read.
//	def f(a, /, b):                        ->  def f(a, b):

// defHeader rewrites `def NAME(params) [-> T]:` (toks[i:colon]).
func (p *pass1) defHeader(i, colon int) error {
	open := i + 2
	if open >= colon || p.toks[open].text != "(" || p.match[open] < 0 || p.match[open] >= colon {
		return p.exprs(i+1, colon) // let the parser report it
	}
	closing := p.match[open]
	keep := strings.Contains(p.src, "__annotations__") // funcannot.go
	var annots []string
	retAnnot := ""
	kwargsAt := -1
	if closing+1 < colon {
		if p.toks[closing+1].text != "->" {
			return p.errAt(p.toks[closing+1], "invalid syntax in def header")
		}
		if keep && closing+2 < colon {
			retAnnot = p.annotEntry("return", closing+2, colon)
		}
		p.replaceRange(p.toks[closing].end, p.toks[colon].start, "")
		p.note(p.toks[i].line, "return annotation dropped")
	}
	for _, seg := range p.splitCommas(open+1, closing, p.toks[open].depth+1) {
		if seg[1]-seg[0] == 1 && p.toks[seg[0]].text == "/" {
			p.positionalOnly(seg[0])
			continue
		}
		if p.toks[seg[0]].text == "**" {
			kwargsAt = seg[0]
		}
		if keep {
			if name, s, e := p.paramAnnotation(seg[0], seg[1]); name != "" {
				annots = append(annots, p.annotEntry(name, s, e))
			}
		}
		if err := p.param(seg[0], seg[1]); err != nil {
			return err
		}
	}
	if keep {
		p.keepAnnotations(open, closing, kwargsAt, append(annots, retAnnot))
	}
	return nil
}

// positionalOnly drops the `/` marker of positional-only parameters
// (Starlark has none; calls that Python accepts still work).
func (p *pass1) positionalOnly(k int) {
	end := p.toks[k].end
	if k+1 < len(p.toks) && p.toks[k+1].text == "," {
		end = p.toks[k+1].end
	}
	p.replaceRange(p.toks[k].start, end, "")
	p.note(p.toks[k].line, "positional-only marker / dropped")
}

// param handles one parameter toks[s:e]: `[*|**]NAME [: T] [= default]`.
func (p *pass1) param(s, e int) error {
	if e == s+1 && p.toks[s].text == "/" {
		return p.positionalOnlyMarker(s) // corpus_params.go
	}
	k := s
	if p.toks[k].text == "*" || p.toks[k].text == "**" {
		k++
	}
	if k+1 < e && p.toks[k].kind == tName && p.toks[k+1].text == ":" {
		eq := e
		for m := k + 2; m < e; m++ {
			if p.toks[m].text == "=" && p.toks[m].depth == p.toks[k].depth {
				eq = m
				break
			}
		}
		if eq == k+2 {
			return p.errAt(p.toks[k+1], "invalid syntax: annotation expected")
		}
		p.replaceRange(p.toks[k].end, p.toks[eq-1].end, "")
		p.note(p.toks[k].line, "parameter annotation dropped")
		if eq < e {
			return p.exprs(eq+1, e)
		}
		return nil
	}
	return p.exprs(s, e)
}

// annotationColon finds the ':' of `target: T [= v]` in the simple
// statement toks[i:j], or -1 (a lambda's ':' does not count).
func (p *pass1) annotationColon(i, j int) int {
	base := p.toks[i].depth
	lambdas := 0
	for k := i; k < j; k++ {
		t := p.toks[k]
		if t.depth != base {
			continue
		}
		switch {
		case t.kind == tName && t.text == "lambda":
			lambdas++
		case t.kind == tOp && t.text == ":":
			if lambdas == 0 {
				return k
			}
			lambdas--
		case t.kind == tOp && t.text == "=":
			return -1
		}
	}
	return -1
}

// annotatedAssign rewrites `target: T = v` to `target = v` and a bare
// `target: T` to pass.
func (p *pass1) annotatedAssign(i, colon, j int) error {
	if colon == i {
		return p.errAt(p.toks[colon], "invalid syntax")
	}
	eq := -1
	for k := colon + 1; k < j; k++ {
		if p.toks[k].text == "=" && p.toks[k].depth == p.toks[i].depth {
			eq = k
			break
		}
	}
	p.note(p.toks[i].line, "variable annotation dropped")
	keep := ""
	if p.inClassBody() && colon == i+1 && p.toks[i].kind == tName {
		end := j
		if eq >= 0 {
			end = eq
		}
		if end > colon+1 {
			keep = annotPrefix + p.toks[i].text + " = " + strconv.Quote(p.src[p.toks[colon+1].start:p.toks[end-1].end])
		}
	}
	if eq < 0 {
		if keep != "" {
			p.replaceUnit(i, j, keep)
			return nil
		}
		p.replaceUnit(i, j, "pass")
		return nil
	}
	if keep != "" {
		n := len(p.edits)
		p.edits = append(p.edits, edit{p.toks[i].start, p.toks[i].start, keep + "; ", -1 - n})
	}
	if eq == colon+1 || eq+1 >= j {
		return p.errAt(p.toks[colon], "invalid syntax")
	}
	p.replaceRange(p.toks[colon-1].end, p.toks[eq-1].end, "")
	if err := p.exprs(i, colon); err != nil {
		return err
	}
	return p.exprs(eq+1, j)
}
