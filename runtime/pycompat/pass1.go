package pycompat

import (
	"fmt"
	"sort"
	"strings"
)

// Pass 1 rewrites, token by token, the Python statements that Starlark's
// parser rejects into Starlark that parses, without moving any line:
// imports become assignments, try/except headers become marker if/elif
// headers that pass 2 recognises, `a ** b` becomes pow(a, b), and so on.

// Marker names pass 1 leaves for pass 2.
const (
	mkGlobal    = "_GLOBAL_"
	mkTry       = "_TRY_"
	mkExcept    = "_EXCEPT_"
	mkTryElse   = "_TRYELSE_"
	mkFinally   = "_FINALLY_"
	mkClass     = "_CLASS_"
	mkClassKw   = "_CLASSKW_"
	mkDecorator = "_DECORATOR_"
)

type edit struct {
	start, end int
	text       string
	seq        int
}

type header struct {
	indent int
	kw     string
}

type pass1 struct {
	file    string
	src     string
	toks    []token
	match   []int
	edits   []edit
	changes []Change
	opts    *Options
	headers []header
	targets [][2]int // token ranges of assignment targets (spread.go)
}

func (p *pass1) errAt(t token, format string, args ...any) error {
	return &syntaxError{p.file, t.line, t.col, fmt.Sprintf(format, args...)}
}

func (p *pass1) unsupported(t token, what, hint string) error {
	return p.errAt(t, "%s is not supported by qstar; hint: %s", what, hint)
}

func (p *pass1) note(line int, format string, args ...any) {
	p.changes = append(p.changes, Change{Line: line, What: fmt.Sprintf(format, args...)})
}

func (p *pass1) replace(i int, text string) {
	p.edits = append(p.edits, edit{p.toks[i].start, p.toks[i].end, text, len(p.edits)})
}

func (p *pass1) replaceRange(start, end int, text string) {
	p.edits = append(p.edits, edit{start, end, text, len(p.edits)})
}

func (p *pass1) insert(off int, text string) {
	p.edits = append(p.edits, edit{off, off, text, len(p.edits)})
}

// rewritePass1 runs pass 1 over src.
func rewritePass1(file, src string, opts *Options) (string, []Change, error) {
	toks, err := tokenize(file, src)
	if err != nil {
		return "", nil, err
	}
	if err := checkTabs(file, src, toks); err != nil {
		return "", nil, err
	}
	p := &pass1{file: file, src: src, toks: toks, opts: opts}
	p.match = matchBrackets(toks)
	p.renameKeywords()
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && toks[j].kind != tNewline {
			j++
		}
		if j > i {
			if err := p.logicalLine(i, j); err != nil {
				return "", nil, err
			}
		}
		i = j + 1
	}
	return applyEdits(src, p.edits), p.changes, nil
}

func matchBrackets(toks []token) []int {
	m := make([]int, len(toks))
	var stack []int
	for i, t := range toks {
		m[i] = -1
		if t.kind != tOp {
			continue
		}
		switch t.text {
		case "(", "[", "{":
			stack = append(stack, i)
		case ")", "]", "}":
			if len(stack) > 0 {
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				m[o], m[i] = i, o
			}
		}
	}
	return m
}

func applyEdits(src string, edits []edit) string {
	sort.SliceStable(edits, func(a, b int) bool {
		ea, eb := edits[a], edits[b]
		if ea.start != eb.start {
			return ea.start < eb.start
		}
		if (ea.end == ea.start) != (eb.end == eb.start) {
			return ea.end == ea.start // insertions before a replacement at the same offset
		}
		return ea.seq < eb.seq
	})
	var sb strings.Builder
	pos := 0
	for _, e := range edits {
		if e.start < pos { // overlapping edit: keep the first
			continue
		}
		sb.WriteString(src[pos:e.start])
		sb.WriteString(e.text)
		pos = e.end
	}
	sb.WriteString(src[pos:])
	return sb.String()
}

// indentOf is the visual indentation of the line holding offset off.
func (p *pass1) indentOf(off int) int {
	ls := strings.LastIndexByte(p.src[:off], '\n') + 1
	n := 0
	for _, c := range p.src[ls:off] {
		switch c {
		case '\t':
			n += 8 - n%8
		case ' ':
			n++
		default:
			return n
		}
	}
	return n
}

var compoundKw = map[string]bool{
	"if": true, "elif": true, "else": true, "for": true, "while": true, "def": true,
	"class": true, "try": true, "except": true, "finally": true, "with": true, "async": true,
}

// logicalLine handles toks[i:j], one logical line.
func (p *pass1) logicalLine(i, j int) error {
	first := p.toks[i]
	if first.kind == tOp && first.text == "@" {
		return p.decoratorLine(i, j)
	}
	kw, err := p.headerKind(first)
	if err != nil {
		return err
	}
	if kw == "" {
		kw = p.softKeyword(i, j)
	}
	pos := i
	if kw != "" {
		colon := p.headerColon(i, j)
		if colon < 0 {
			return p.errAt(first, "invalid syntax: expected ':' after %s", first.text)
		}
		if err := p.compound(kw, i, colon); err != nil {
			return err
		}
		pos = colon + 1
	}
	// simple statements separated by ';'
	for pos < j {
		end := pos
		for end < j && !(p.toks[end].kind == tOp && p.toks[end].text == ";" && p.toks[end].depth == 0) {
			end++
		}
		if end > pos {
			if err := p.simple(pos, end); err != nil {
				return err
			}
		}
		pos = end + 1
	}
	return nil
}

// decoratorLine: @deco becomes _DECORATOR_(deco); pass 2 applies it after
// the def.
func (p *pass1) decoratorLine(i, j int) error {
	first := p.toks[i]
	if i+1 >= j {
		return p.errAt(first, "invalid syntax: decorator needs an expression")
	}
	p.replace(i, mkDecorator+"(")
	p.insert(p.toks[j-1].end, ")")
	p.note(first.line, "@decorator -> name = decorator(name) after the def")
	return p.exprs(i+1, j)
}

// headerKind tracks the compound headers by indentation and returns the
// kind of the line starting with first: "" for a simple statement, the
// keyword for a header, and for `else` which statement it continues.
func (p *pass1) headerKind(first token) (string, error) {
	indent := p.indentOf(first.start)
	for len(p.headers) > 0 && p.headers[len(p.headers)-1].indent > indent {
		p.headers = p.headers[:len(p.headers)-1]
	}
	kw := ""
	if first.kind == tName && compoundKw[first.text] {
		kw = first.text
	}
	prev := ""
	if n := len(p.headers); n > 0 && p.headers[n-1].indent == indent {
		prev = p.headers[n-1].kw
		p.headers = p.headers[:n-1]
	}
	if kw == "else" || kw == "elif" {
		var err error
		if kw, err = p.elseKind(first, kw, prev); err != nil {
			return "", err
		}
	}
	p.headers = append(p.headers, header{indent, kw})
	return kw, nil
}

// headerColon finds the ':' that ends a compound header in toks[i:j].
func (p *pass1) headerColon(i, j int) int {
	lambdas := 0
	for k := i; k < j; k++ {
		t := p.toks[k]
		if t.depth != 0 {
			continue
		}
		if t.kind == tName && t.text == "lambda" {
			lambdas++
		}
		if t.kind == tOp && t.text == ":" {
			if lambdas == 0 {
				return k
			}
			lambdas--
		}
	}
	return -1
}

func (p *pass1) compound(kw string, i, colon int) error {
	t := p.toks[i]
	switch kw {
	case "with":
		return p.withHeader(i, colon)
	case "async":
		return p.unsupported(t, "'async' statement", "use _thread and blocking calls")
	case "try":
		p.replace(i, "if "+mkTry)
		return nil
	case "tryelse":
		p.replace(i, "elif "+mkTryElse)
		return nil
	case "loopelse":
		return p.loopElseHeader(i)
	case "finally":
		p.replace(i, "elif "+mkFinally)
		return nil
	case "except":
		as := -1
		for k := i + 1; k < colon; k++ {
			if p.toks[k].depth == 0 && p.toks[k].kind == tName && p.toks[k].text == "as" {
				as = k
			}
		}
		p.replace(i, "elif "+mkExcept+"(")
		if as >= 0 {
			p.replace(as, ",")
		}
		p.insert(p.toks[colon].start, ")")
		return p.exprs(i+1, colon)
	case "class":
		return p.classHeader(i, colon)
	case "for":
		if done, err := p.starFor(i, colon); done || err != nil {
			return err
		}
		return p.exprs(i, colon) // the chain finder needs to see `for x in`
	case "def":
		return p.defHeader(i, colon)
	case "match":
		return p.matchHeader(i, colon)
	case "case":
		return p.caseHeader(i, colon)
	}
	return p.exprs(i+1, colon)
}

func (p *pass1) classHeader(i, colon int) error {
	t := p.toks[i]
	if i+1 >= colon || p.toks[i+1].kind != tName {
		return p.errAt(t, "invalid syntax: class needs a name")
	}
	p.replace(i, "def")
	name := p.toks[i+1]
	p.note(t.line, "class %s -> def %s(...) built by _class()", name.text, name.text)
	if i+2 == colon {
		p.insert(name.end, "("+mkClass+"=())")
		return nil
	}
	open := i + 2
	if p.toks[open].text != "(" || p.match[open] != colon-1 {
		return p.errAt(p.toks[open], "invalid syntax in class header")
	}
	if open+1 == colon-1 {
		p.replaceRange(p.toks[open].start, p.toks[colon-1].end, "("+mkClass+"=())")
		return nil
	}
	p.replace(open, "("+mkClass+"=(")
	if p.toks[colon-2].text == "," { // class C(Base,):
		p.replace(colon-1, "))")
	} else {
		p.replace(colon-1, ",))")
	}
	p.classKeywords(open, colon-1)
	return p.exprs(open+1, colon-1)
}

// classKeywords wraps each keyword of a class header, `class C(Base,
// metaclass=M, flag=1)`, in a _CLASSKW_(...) marker call, so the header
// stays a tuple; pass 2 hands them to _class (classdef.go).
func (p *pass1) classKeywords(open, close int) {
	depth := p.toks[open].depth
	start := open + 1
	for k := open + 1; k <= close; k++ {
		t := p.toks[k]
		if k < close && (t.depth != depth+1 || t.text != ",") {
			continue
		}
		// toks[start:k] is one item of the header
		if k-start >= 3 && p.toks[start].kind == tName && p.toks[start+1].text == "=" {
			p.insert(p.toks[start].start, mkClassKw+"(")
			p.insert(p.toks[k-1].end, ")")
		}
		start = k + 1
	}
}

// simple handles one simple statement toks[i:j].
func (p *pass1) simple(i, j int) error {
	p.parenStarredTuple(i, j)
	if handled, err := p.keywordStmt(i, j); handled || err != nil {
		return err
	}
	if colon := p.annotationColon(i, j); colon >= 0 {
		return p.annotatedAssign(i, colon, j)
	}
	if done, err := p.powAssign(i, j); done || err != nil {
		return err
	}
	if eq := p.singleAssign(i, j); eq >= 0 {
		p.targetRange(i, eq)
		if done, err := p.starAssign(i, eq, j); done || err != nil {
			return err
		}
	}
	if err := p.chainedAssign(i, j); err != nil {
		return err
	}
	return p.exprs(i, j)
}

// keywordStmt handles the simple statements that start with a keyword
// Starlark lacks; handled is false for everything else.
func (p *pass1) keywordStmt(i, j int) (handled bool, err error) {
	t := p.toks[i]
	if t.kind != tName {
		return p.ellipsisStmt(i, j), nil
	}
	switch t.text {
	case "import":
		return true, p.importStmt(i, j)
	case "from":
		if p.futureImport(i, j) {
			return true, nil
		}
		return true, p.fromStmt(i, j)
	case "global":
		return true, p.globalStmt(i, j)
	case "nonlocal":
		return true, p.nonlocalStmt(i, j)
	case "raise":
		return true, p.raiseStmt(i, j)
	case "assert":
		return true, p.assertStmt(i, j)
	case "del":
		return true, p.delStmt(i, j)
	case "print":
		if i+1 < j && p.toks[i+1].text != "(" {
			return true, p.unsupported(t, "Python 2 print statement", "write print(...)")
		}
	}
	return false, nil
}

// dotted reads NAME(.NAME)* at k, returning the name and the next index.
func (p *pass1) dotted(k, j int) (string, int, error) {
	var parts []string
	for {
		if k >= j || p.toks[k].kind != tName {
			if k < j {
				return "", k, p.errAt(p.toks[k], "invalid syntax: expected a module name")
			}
			return "", k, p.errAt(p.toks[j-1], "invalid syntax: expected a module name")
		}
		parts = append(parts, p.toks[k].text)
		k++
		if k < j && p.toks[k].text == "." {
			k++
			continue
		}
		return strings.Join(parts, "."), k, nil
	}
}

func (p *pass1) importStmt(i, j int) error {
	t := p.toks[i]
	var stmts []string
	k := i + 1
	for k < j {
		name, next, err := p.dotted(k, j)
		if err != nil {
			return err
		}
		k = next
		if k < j && p.toks[k].text == "as" {
			if k+1 >= j || p.toks[k+1].kind != tName {
				return p.errAt(p.toks[k], "invalid syntax after 'as'")
			}
			stmts = append(stmts, fmt.Sprintf("%s = _import(%q)", p.toks[k+1].text, name))
			k += 2
		} else {
			// import a.b.c imports each of a, a.b, a.b.c and binds a
			if d := strings.IndexByte(name, '.'); d >= 0 {
				stmts = append(stmts, fmt.Sprintf("%s = _import(%q, top=True)", name[:d], name))
			} else {
				stmts = append(stmts, fmt.Sprintf("%s = _import(%q)", name, name))
			}
		}
		if k < j {
			if p.toks[k].text != "," {
				return p.errAt(p.toks[k], "invalid syntax in import")
			}
			k++
		}
	}
	if len(stmts) == 0 {
		return p.errAt(t, "invalid syntax: import what?")
	}
	p.replaceUnit(i, j, strings.Join(stmts, "; "))
	p.note(t.line, "%s -> %s", p.src[t.start:p.toks[j-1].end], strings.Join(stmts, "; "))
	return nil
}

func (p *pass1) fromStmt(i, j int) error {
	t := p.toks[i]
	k := i + 1
	dots := ""
	for k < j && (p.toks[k].text == "." || p.toks[k].text == "...") {
		dots += p.toks[k].text // relative import: the runtime resolves it in the package
		k++
	}
	mod := dots
	if dots == "" || k < j && p.toks[k].text != "import" {
		name, next, err := p.dotted(k, j)
		if err != nil {
			return err
		}
		mod, k = dots+name, next
	}
	if k >= j || p.toks[k].text != "import" {
		return p.errAt(p.toks[min(k, j-1)], "invalid syntax: expected 'import'")
	}
	k++
	var stmts []string
	if k < j && p.toks[k].text == "*" {
		var names []string
		ok := false
		if p.opts != nil && p.opts.ModuleNames != nil {
			names, ok = p.opts.ModuleNames(mod)
		}
		if !ok {
			return p.errAt(t, "from %s import *: %s is not a registered module; hint: import the names you use", mod, mod)
		}
		for _, n := range names {
			if !strings.HasPrefix(n, "_") {
				stmts = append(stmts, fmt.Sprintf("%s = _import(%q).%s", PyIdent(n), mod, PyIdent(n)))
			}
		}
		if len(stmts) == 0 {
			stmts = append(stmts, "pass")
		}
	} else {
		end := j
		if k < j && p.toks[k].text == "(" {
			if p.match[k] != j-1 {
				return p.errAt(p.toks[k], "invalid syntax in from-import")
			}
			k++
			end = j - 1
		}
		for k < end {
			if p.toks[k].kind != tName {
				return p.errAt(p.toks[k], "invalid syntax in from-import")
			}
			name, as := p.toks[k].text, p.toks[k].text
			k++
			if k < end && p.toks[k].text == "as" {
				if k+1 >= end || p.toks[k+1].kind != tName {
					return p.errAt(p.toks[k], "invalid syntax after 'as'")
				}
				as = p.toks[k+1].text
				k += 2
			}
			stmts = append(stmts, fmt.Sprintf("%s = _import(%q, %q)", as, mod, name))
			if k < end {
				if p.toks[k].text != "," {
					return p.errAt(p.toks[k], "invalid syntax in from-import")
				}
				k++
			}
		}
		if len(stmts) == 0 {
			return p.errAt(t, "invalid syntax: import what?")
		}
	}
	p.replaceUnit(i, j, strings.Join(stmts, "; "))
	p.note(t.line, "%s -> %s", oneLine(p.src[t.start:p.toks[j-1].end]), strings.Join(stmts, "; "))
	return nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// replaceUnit replaces toks[i:j] with text, keeping the newlines it spanned.
func (p *pass1) replaceUnit(i, j int, text string) {
	start, end := p.toks[i].start, p.toks[j-1].end
	nl := strings.Count(p.src[start:end], "\n")
	p.replaceRange(start, end, text+strings.Repeat("\n", nl))
}

func (p *pass1) delStmt(i, j int) error {
	t := p.toks[i]
	if i+1 == j {
		return p.errAt(t, "invalid syntax: del what?")
	}
	// split targets at depth-0 commas
	var targets [][2]int
	s := i + 1
	for k := i + 1; k <= j; k++ {
		if k == j || p.toks[k].text == "," && p.toks[k].depth == t.depth {
			if k > s {
				targets = append(targets, [2]int{s, k})
			}
			s = k + 1
		}
	}
	for n, tg := range targets {
		a, b := tg[0], tg[1]
		// the text before the target: `del ` for the first, `, ` after
		lead, leadStart := "; ", p.toks[a-1].start
		if n == 0 {
			lead, leadStart = "", t.start
		}
		last := p.toks[b-1]
		switch {
		case b-a == 1 && last.kind == tName:
			p.replaceRange(leadStart, last.start, lead)
			p.insert(last.end, " = "+delName+"()") // unbound.go
		case last.text == "]" && p.match[b-1] > a:
			o := p.match[b-1]
			if p.isSlice(o) {
				if err := p.delSlice(leadStart, lead, a, o); err != nil {
					return err
				}
				continue
			}
			p.replaceRange(leadStart, p.toks[a].start, lead+"_delitem(")
			p.replace(o, ", ")
			p.replace(b-1, ")")
			if err := p.exprs(a, o); err != nil {
				return err
			}
			if err := p.exprs(o+1, b-1); err != nil {
				return err
			}
		case b-a >= 3 && last.kind == tName && p.toks[b-2].text == "." && p.toks[b-2].depth == t.depth:
			// del obj.attr -> _delattr(obj, "attr")
			p.replaceRange(leadStart, p.toks[a].start, lead+"_delattr(")
			p.replaceRange(p.toks[b-2].start, last.end, fmt.Sprintf(", %q)", last.text))
			if err := p.exprs(a, b-2); err != nil {
				return err
			}
		default:
			return p.unsupported(p.toks[a], "del of this target", "del works on names, x[key] and x.attr")
		}
	}
	p.note(t.line, "del -> _delitem()/_delattr()/_deleted()")
	return nil
}

// orderedTargets reports whether a target of the chained assignment
// toks[i:] (split at eqs) is more than a name, so that the order of the
// assignments can matter.
func (p *pass1) orderedTargets(i int, eqs []int) bool {
	s := i
	for _, e := range eqs {
		if e-s != 1 || p.toks[s].kind != tName {
			return true
		}
		s = e + 1
	}
	return false
}

// chainedAssign rewrites a = b = v into b = v; a = b (names only), and
// x.a = y = v into _ca_N = v; x.a = _ca_N; y = _ca_N.
func (p *pass1) chainedAssign(i, j int) error {
	var eqs []int
	base := p.toks[i].depth
	lambdas := 0 // `=` between lambda and its ':' is a parameter default
	for k := i; k < j; k++ {
		t := p.toks[k]
		switch {
		case t.depth != base:
		case t.kind == tName && t.text == "lambda":
			lambdas++
		case t.kind == tOp && t.text == ":" && lambdas > 0:
			lambdas--
		case t.kind == tOp && t.text == "=" && lambdas == 0:
			eqs = append(eqs, k)
		}
	}
	if len(eqs) < 2 {
		return nil
	}
	last := eqs[len(eqs)-1]
	holderStart := eqs[len(eqs)-2] + 1
	if holderStart >= last || last+1 >= j {
		return p.errAt(p.toks[last], "invalid syntax")
	}
	if p.orderedTargets(i, eqs) {
		// tail.next = tail = node: Python assigns the targets left to
		// right, so the value goes through a temporary
		tmp := fmt.Sprintf("_ca_%d", i)
		var assigns []string
		s := i
		for _, e := range eqs {
			if e == s {
				return p.errAt(p.toks[e], "invalid syntax")
			}
			assigns = append(assigns, p.src[p.toks[s].start:p.toks[e-1].end]+" = "+tmp)
			s = e + 1
		}
		p.replaceRange(p.toks[i].start, p.toks[last+1].start, tmp+" = ")
		p.insert(p.toks[j-1].end, "; "+strings.Join(assigns, "; "))
		p.note(p.toks[i].line, "chained assignment split (left to right, through a temporary)")
		return nil
	}
	holder := p.src[p.toks[holderStart].start:p.toks[last-1].end]
	var tail []string
	s := i
	for _, e := range eqs[:len(eqs)-1] {
		if e == s {
			return p.errAt(p.toks[e], "invalid syntax")
		}
		tail = append(tail, p.src[p.toks[s].start:p.toks[e-1].end]+" = "+holder)
		s = e + 1
	}
	p.replaceRange(p.toks[i].start, p.toks[holderStart].start, "")
	p.insert(p.toks[j-1].end, "; "+strings.Join(tail, "; "))
	p.note(p.toks[i].line, "chained assignment split")
	return nil
}

// parenStarredTuple rewrites a bare tuple with a starred item on the
// right of a return, yield or single assignment (`return *a, b`,
// `t = *a, 1`) as the parenthesized display would be (spread.go):
// Python allows it, Starlark's grammar does not.
func (p *pass1) parenStarredTuple(i, j int) {
	rs := -1
	switch {
	case p.toks[i].text == "return" || p.toks[i].text == "yield":
		rs = i + 1
	default:
		if eq := p.singleAssign(i, j); eq >= 0 {
			rs = eq + 1
		}
	}
	if rs < 0 || rs >= j {
		return
	}
	depth := p.toks[rs].depth
	comma, star := false, false
	for k := rs; k < j; k++ {
		t := p.toks[k]
		if t.depth != depth || t.kind != tOp {
			continue
		}
		switch {
		case t.text == ",":
			comma = true
		case t.text == "*" && (k == rs || p.toks[k-1].text == ","):
			star = true
		case t.text == "=" || t.text == ":" || t.text == ";":
			return // a keyword or lambda, not a tuple
		}
	}
	if comma && star {
		p.insert(p.toks[rs].start, "_spread_tuple(") // before a first run's "["
		p.spreadItems(p.splitCommas(rs, j, depth), "[", "]")
		p.insert(p.toks[j-1].end, ")") // after a last run's "]"
		p.note(p.toks[rs].line, "unpacking in a tuple -> _spread_tuple()")
	}
}
