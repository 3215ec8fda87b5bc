package pycompat

import (
	"strings"
)

// Expression-level rewrites of pass 1: is/is not, **, chained comparisons,
// string prefixes and escapes, f-strings, number literals.

var exprKeywords = map[string]bool{
	"and": true, "or": true, "not": true, "in": true, "is": true, "if": true, "else": true,
	"return": true, "lambda": true, "for": true, "while": true, "elif": true, "yield": true,
	"assert": true, "del": true, "raise": true, "from": true, "import": true, "def": true,
	"class": true, "await": true, "global": true, "print": false,
}

// operandEnd reports whether token k can end an operand (so ** after it is binary).
func (p *pass1) operandEnd(k int) bool {
	if k < 0 {
		return false
	}
	t := p.toks[k]
	switch t.kind {
	case tNumber, tString:
		return true
	case tName:
		return !exprKeywords[t.text]
	case tOp:
		return t.text == ")" || t.text == "]" || t.text == "}"
	}
	return false
}

// topLevel lists the tokens directly inside the bracket opened at k.
func (p *pass1) topLevel(k int) []int {
	m := p.match[k]
	var out []int
	for n := k + 1; n < m; n++ {
		if p.toks[n].depth == p.toks[k].depth+1 {
			out = append(out, n)
		}
	}
	return out
}

// generator turns a generator expression in parentheses, f(x for x in y)
// or (x for x in y), into a list comprehension: Starlark has no generators.
func (p *pass1) generator(k int) {
	m := p.match[k]
	if m < 0 {
		return
	}
	hasFor, inTarget := false, false
	for _, n := range p.topLevel(k) {
		t := p.toks[n]
		if t.kind == tOp && t.text == "," && !inTarget { // for a, b in: a target, not arguments
			return
		}
		if t.kind == tName && (t.text == "for" || t.text == "in") {
			hasFor = hasFor || t.text == "for"
			inTarget = t.text == "for"
		}
		if t.kind == tName && t.text == "lambda" {
			return
		}
	}
	if hasFor && p.genexprLazy(k) { // generator.go: lazy, made in pass 2
		p.insertAround(p.toks[k].end, mkGenexpr+"([", p.toks[m].start, "])") // corpus_edits.go
	} else if hasFor {
		p.insertAround(p.toks[k].end, "[", p.toks[m].start, "]")
		p.note(p.toks[k].line, "generator expression -> list comprehension")
	}
}

// setLiteral turns {a, b} and {x for x in y} into set([...]).
func (p *pass1) setLiteral(k int) {
	m := p.match[k]
	if m < 0 || m == k+1 {
		return // {} is a dict
	}
	for _, n := range p.topLevel(k) {
		t := p.toks[n]
		// ** spreads a dict only where an item starts ({**a, 'k': 1});
		// after an operand it is a power ({n ** 2 for n in xs})
		spread := t.kind == tOp && t.text == "**" && (n == k+1 || p.toks[n-1].kind == tOp && p.toks[n-1].text == ",")
		if t.kind == tOp && t.text == ":" || spread || t.kind == tName && t.text == "lambda" {
			return // a dict
		}
	}
	p.replace(k, "set([")
	p.replace(m, "])")
	p.note(p.toks[k].line, "set literal -> set([...])")
}

// compareOp returns the comparison operator at k (and how many tokens it
// spans), or "".
func (p *pass1) compareOp(k, j int) (string, int) {
	t := p.toks[k]
	switch {
	case t.kind == tOp && (t.text == "<" || t.text == ">" || t.text == "<=" || t.text == ">=" || t.text == "==" || t.text == "!="):
		return t.text, 1
	case t.kind == tName && t.text == "in":
		return "in", 1
	case t.kind == tName && t.text == "is":
		if k+1 < j && p.toks[k+1].kind == tName && p.toks[k+1].text == "not" {
			return "!=", 2
		}
		return "==", 1
	case t.kind == tName && t.text == "not" && k+1 < j && p.toks[k+1].kind == tName && p.toks[k+1].text == "in":
		return "not in", 2
	}
	return "", 0
}

// chains rewrites chained comparisons (a < b < c), which Starlark lacks,
// into _chain(a, "<", b, "<", c): each operand evaluated once.
func (p *pass1) chains(i, j int, consumed map[int]bool) {
	type seg struct{ start, depth int }
	var stack []seg
	var ops [][]int // per open segment: token indices of its operators
	open := func(start, depth int) {
		stack = append(stack, seg{start, depth})
		ops = append(ops, nil)
	}
	closeSeg := func(end int) {
		n := len(stack) - 1
		if n < 0 {
			return
		}
		if (len(ops[n]) >= 2 || len(ops[n]) == 1 && p.identityTest(stack[n].start, ops[n][0], end)) && end > stack[n].start {
			p.insert(p.toks[stack[n].start].start, "_chain(")
			for _, k := range ops[n] {
				op, width := p.compareOp(k, j)
				if p.toks[k].text == "is" { // identity.go: _chain tests identity
					op = map[bool]string{true: "is not", false: "is"}[width == 2]
				}
				p.replaceRange(p.toks[k].start, p.toks[k+width-1].end, ", "+strconvQuote(op)+",")
				for w := 0; w < width; w++ {
					consumed[k+w] = true
				}
			}
			p.insert(p.toks[end-1].end, ")")
			p.note(p.toks[stack[n].start].line, "chained comparison -> _chain()")
		}
		stack, ops = stack[:n], ops[:n]
	}
	base := p.toks[i].depth
	open(i, base)
	for k := i; k < j; k++ {
		t := p.toks[k]
		d := t.depth
		if t.kind == tOp && (t.text == "(" || t.text == "[" || t.text == "{") {
			open(k+1, d+1)
			continue
		}
		if t.kind == tOp && (t.text == ")" || t.text == "]" || t.text == "}") {
			closeSeg(k)
			continue
		}
		delim := t.kind == tOp && (t.text == "," || t.text == ":" || t.text == "=" || t.text == ";" || strings.HasSuffix(t.text, "=") && len(t.text) == 2 && t.text != "==" && t.text != "!=" && t.text != "<=" && t.text != ">=") ||
			t.kind == tName && (t.text == "and" || t.text == "or" || t.text == "if" || t.text == "else" || t.text == "lambda" || t.text == "for" || t.text == "return" || t.text == "assert" || t.text == "del" || t.text == "yield" ||
				t.text == "not" && !(k+1 < j && p.toks[k+1].text == "in") || t.text == "in" && p.forTarget(k, i))
		if delim {
			closeSeg(k)
			open(k+1, d)
			continue
		}
		if op, width := p.compareOp(k, j); op != "" && len(stack) > 0 {
			ops[len(ops)-1] = append(ops[len(ops)-1], k)
			k += width - 1
		}
	}
	for len(stack) > 0 {
		closeSeg(j)
	}
}

// forTarget reports whether the `in` at k ends a comprehension's `for x`.
func (p *pass1) forTarget(k, i int) bool {
	d := p.toks[k].depth
	for m := k - 1; m >= i; m-- {
		t := p.toks[m]
		if t.depth < d {
			return false
		}
		if t.depth == d && t.kind == tName {
			switch t.text {
			case "for":
				return true
			case "in", "if", "and", "or", "not":
				return false
			}
		}
	}
	return false
}

func strconvQuote(s string) string { return `"` + s + `"` }

// exprs applies the expression-level rewrites to toks[i:j].
func (p *pass1) exprs(i, j int) error {
	if i >= j {
		return nil
	}
	consumed := map[int]bool{}
	p.chains(i, j, consumed)
	for k := i; k < j; k++ {
		if consumed[k] {
			continue
		}
		t := p.toks[k]
		switch t.kind {
		case tName:
			switch t.text {
			case "is":
				if k+1 < j && p.toks[k+1].kind == tName && p.toks[k+1].text == "not" {
					p.replace(k, "!=")
					p.replace(k+1, "")
					k++
					p.note(t.line, "is not -> !=")
				} else {
					p.replace(k, "==")
					p.note(t.line, "is -> ==")
				}
			case "yield":
				p.yieldTok(k, j) // generator.go
			case "for":
				if t.depth > 0 {
					if err := p.compFor(k, j); err != nil { // compstar.go
						return err
					}
				}
			case mkGlobal, mkTry, mkExcept, mkTryElse, mkFinally, mkClass, mkClassKw, mkDecorator, mkWith, mkLoopElse, mkNonlocal, mkWalrus, mkStarred, mkMatch, mkCase, mkMatmul:
				return p.errAt(t, "the name %s is reserved by qstar's Python front end", t.text)
			case "await", "async":
				return p.unsupported(t, "'"+t.text+"'", "use _thread and blocking calls")
			case "with", "nonlocal", "global", "import", "class", "try", "except", "finally", "def":
				return p.errAt(t, "invalid syntax: unexpected '%s'", t.text)
			}
		case tNumber:
			if err := p.number(k); err != nil {
				return err
			}
		case tString:
			if err := p.stringTok(k); err != nil {
				return err
			}
			p.stringRun(i, k, j)
		case tOp:
			if err := p.opTok(i, k, j); err != nil {
				return err
			}
		}
	}
	return nil
}

// stringRun joins a run of adjacent string literals starting at k-1
// with +, as Python concatenates them.
func (p *pass1) stringRun(i, k, j int) {
	if k > i && p.toks[k-1].kind == tString && (k-1 == i || p.toks[k-2].kind != tString) {
		e := k
		for e+1 < j && p.toks[e+1].kind == tString {
			e++
		}
		p.insert(p.toks[k-1].start, "(")
		for m := k; m <= e; m++ {
			p.insert(p.toks[m].start, "+ ")
		}
		p.insert(p.toks[e].end, ")")
	}
}

// opTok applies the rewrites that start at the operator toks[k].
func (p *pass1) opTok(i, k, j int) error {
	t := p.toks[k]
	switch t.text {
	case "(":
		if !p.spread(k) {
			p.generator(k)
		}
	case "[":
		p.spread(k)
	case "{":
		if !p.spread(k) {
			p.setLiteral(k)
		}
	case "**":
		if p.operandEnd(k - 1) {
			return p.power(i, k, j)
		}
	case ":=":
		return p.walrus(i, k, j)
	case "@":
		p.replace(k, "* "+mkMatmul+" *") // matmul.go
		p.note(t.line, "a @ b -> _matmul(a, b)")
	case "@=":
		return p.errAt(t, "invalid syntax: unexpected '@='")
	case "...":
		p.replace(k, "Ellipsis")
	case "->":
		return p.errAt(t, "invalid syntax: unexpected '->'")
	case "**=":
		return p.errAt(t, "invalid syntax: unexpected '**='")
	}
	return nil
}

func (p *pass1) number(k int) error {
	t := p.toks[k]
	s := t.text
	low := strings.ToLower(s)
	if strings.HasSuffix(low, "j") && !strings.HasPrefix(low, "0x") {
		return p.unsupported(t, "complex numbers", "use two floats")
	}
	if strings.Contains(s, "_") {
		p.replace(k, strings.ReplaceAll(s, "_", ""))
	}
	return nil
}

// stringTok normalises string prefixes Starlark lacks (u, br, f).
func (p *pass1) stringTok(k int) error {
	t := p.toks[k]
	pre := t.prefix
	body := t.text[len(pre):]
	if !strings.Contains(pre, "r") && strings.Contains(body, `\`) {
		if !strings.Contains(pre, "b") && namedEscape(body) >= 0 {
			return p.unsupported(t, `the \N{name} escape`, `write the character itself or its \uXXXX escape`)
		}
		body = fixEscapes(body, strings.Contains(pre, "b"))
	}
	switch pre {
	case "", "r", "b", "rb":
		if t.text[:len(pre)] != pre || body != t.text[len(pre):] {
			p.replace(k, pre+body) // R"..", B"..", Rb"..", '\d'
		}
	case "u":
		p.replace(k, body)
	case "br":
		p.replace(k, "rb"+body)
	case "f", "rf", "fr":
		out, err := p.fstring(t, strings.Contains(pre, "r"), body)
		if err != nil {
			return err
		}
		p.replace(k, out)
		p.note(t.line, "f-string -> _format()")
	}
	return nil
}

// power rewrites the `**` at k into pow(L, R).
func (p *pass1) power(i, k, j int) error {
	// left operand: a primary with trailers
	a := k - 1
	for {
		t := p.toks[a]
		if t.kind == tOp && (t.text == ")" || t.text == "]" || t.text == "}") {
			o := p.match[a]
			if o < i {
				return p.errAt(p.toks[k], "invalid syntax before **")
			}
			a = o
			if a-1 >= i && (p.toks[o].text == "(" || p.toks[o].text == "[") && p.operandEnd(a-1) {
				a--
				continue
			}
			break
		}
		if a-2 >= i && p.toks[a-1].text == "." {
			a -= 2
			continue
		}
		break
	}
	end, err := p.powerRight(k+1, j)
	if err != nil {
		return err
	}
	p.insert(p.toks[a].start, "pow(")
	p.replace(k, ",")
	p.insert(p.toks[end].end, ")")
	p.note(p.toks[k].line, "a ** b -> pow(a, b)")
	return nil
}

// powerRight returns the index of the last token of the right operand of
// ** starting at k: [unary ops] primary [trailers] [** right operand].
func (p *pass1) powerRight(k, j int) (int, error) {
	for k < j && p.toks[k].kind == tOp && (p.toks[k].text == "-" || p.toks[k].text == "+" || p.toks[k].text == "~") {
		k++
	}
	if k >= j {
		return 0, p.errAt(p.toks[j-1], "invalid syntax after **")
	}
	t := p.toks[k]
	switch {
	case t.kind == tOp && (t.text == "(" || t.text == "[" || t.text == "{"):
		k = p.match[k]
		if k < 0 || k >= j {
			return 0, p.errAt(t, "invalid syntax after **")
		}
	case t.kind == tName && !exprKeywords[t.text], t.kind == tNumber, t.kind == tString:
	default:
		return 0, p.errAt(t, "invalid syntax after **")
	}
	for k+1 < j {
		n := p.toks[k+1]
		switch {
		case n.kind == tOp && (n.text == "(" || n.text == "["):
			m := p.match[k+1]
			if m < 0 || m >= j {
				return k, nil
			}
			k = m
		case n.kind == tOp && n.text == "." && k+2 < j && p.toks[k+2].kind == tName:
			k += 2
		case n.kind == tOp && n.text == "**":
			return p.powerRight(k+2, j)
		default:
			return k, nil
		}
	}
	return k, nil
}
