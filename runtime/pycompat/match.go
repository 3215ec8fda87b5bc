package pycompat

import (
	"fmt"

	"go.starlark.net/syntax"
)

// How `match` (3.10+) is translated. `match` and `case` are soft keywords:
// they start a header only on a line that ends with ':' (and `case` only
// directly inside a match), so `match = re.match(...)` stays a name. Pass 1
// turns the headers into markers and each pattern into a pattern value
// built by pylib helpers:
//
//	match cmd.split():                 if _MATCH_(cmd.split()):
//	    case ["go", d] if d != "up":       if _CASE_(_pseq([_pval("go"), _pcap("d")]), d != "up"):
//
// Pass 2 turns the block into flat ifs over _match(subject, pattern),
// which returns the bindings (a dict; True when none) or None, so
// captures stay visible after the match and a failed guard falls through
// to the next case. A pattern of literals and captures is built once, at
// module level (_pattern_N):
//
//	_match_1 = cmd.split(); _matched_1 = False
//	if not _matched_1:
//	    _b = _match(_match_1, pattern)
//	    if _b != None:
//	        d = _b["d"]
//	        if d != "up":
//	            _matched_1 = True
//	            body

const (
	mkMatch = "_MATCH_"
	mkCase  = "_CASE_"
)

// softHeader reports whether toks[i:j] is a match or case header: the
// soft keyword, something after it that is not an assignment or a
// trailer, and a final ':'.
func (p *pass1) softHeader(i, j int, kw string) bool {
	t := p.toks[i]
	if t.kind != tName || t.text != kw || j-i < 2 {
		return false
	}
	if j-i == 2 {
		return kw == "case" && p.toks[j-1].text == ":" // case: -> a clear error
	}
	if last := p.toks[j-1]; last.kind != tOp || last.text != ":" {
		return false
	}
	next := p.toks[i+1]
	if next.kind == tOp {
		switch next.text {
		case "(", "[", "{", "-", "*":
		default:
			return false // match = ..., match.x, match: int
		}
	}
	return true
}

// matchHeader: `match subject:` -> `if _MATCH_((subject)):`, so that
// `match a, b:` matches the tuple.
func (p *pass1) matchHeader(i, colon int) error {
	p.replace(i, "if "+mkMatch+"((")
	p.insert(p.toks[colon].start, "))")
	p.note(p.toks[i].line, "match -> if/elif over _match(subject, pattern)")
	return p.exprs(i+1, colon)
}

// caseHeader: `case PATTERN [if GUARD]:` -> `if _CASE_(pattern[, guard]):`.
func (p *pass1) caseHeader(i, colon int) error {
	end := colon
	for k := i + 1; k < colon; k++ {
		if t := p.toks[k]; t.depth == p.toks[i].depth && t.kind == tName && t.text == "if" {
			end = k
			break
		}
	}
	if end == i+1 {
		return p.errAt(p.toks[i], "invalid syntax: case needs a pattern")
	}
	p.replace(i, "if "+mkCase+"(")
	if err := p.pattern(i+1, end, true); err != nil {
		return err
	}
	if end < colon {
		if end+1 == colon {
			return p.errAt(p.toks[end], "invalid syntax: guard needs a condition")
		}
		p.replace(end, ",")
		if err := p.exprs(end+1, colon); err != nil {
			return err
		}
	}
	p.insert(p.toks[colon].start, ")")
	return nil
}

// splitTop splits toks[i:j] at the commas of depth d.
func (p *pass1) splitTop(i, j int, sep string) [][2]int {
	var parts [][2]int
	d := p.toks[i].depth
	s := i
	for k := i; k < j; k++ {
		if t := p.toks[k]; t.depth == d && t.kind == tOp && t.text == sep {
			parts = append(parts, [2]int{s, k})
			s = k + 1
		}
	}
	if s < j {
		parts = append(parts, [2]int{s, j})
	}
	return parts
}

// pattern rewrites the pattern toks[i:j] in place into pattern helper calls.
// open allows a top-level sequence without brackets (case a, b:).
func (p *pass1) pattern(i, j int, open bool) error {
	if i >= j {
		return p.errAt(p.toks[max(i-1, 0)], "invalid syntax: expected a pattern")
	}
	if parts := p.splitTop(i, j, ","); open && (len(parts) > 1 || p.toks[j-1].text == ",") {
		p.insert(p.toks[i].start, "_pseq([")
		p.insert(p.toks[j-1].end, "])")
		return p.patternItems(parts)
	}
	// P as NAME
	if j-i >= 3 && p.toks[j-2].kind == tName && p.toks[j-2].text == "as" && p.toks[j-2].depth == p.toks[i].depth {
		name := p.toks[j-1]
		if name.kind != tName {
			return p.errAt(name, "invalid syntax: expected a name after 'as'")
		}
		p.insert(p.toks[i].start, "_pas(")
		p.replace(j-2, ",")
		p.replace(j-1, fmt.Sprintf("%q)", name.text))
		return p.pattern(i, j-2, false)
	}
	if alts := p.splitTop(i, j, "|"); len(alts) > 1 {
		p.insert(p.toks[i].start, "_por(")
		for _, a := range alts[1:] {
			p.replace(a[0]-1, ",")
		}
		p.insert(p.toks[j-1].end, ")")
		for _, a := range alts {
			if err := p.pattern(a[0], a[1], false); err != nil {
				return err
			}
		}
		return nil
	}
	return p.closedPattern(i, j)
}

func (p *pass1) patternItems(parts [][2]int) error {
	stars := 0
	for _, it := range parts {
		a, b := it[0], it[1]
		if p.toks[a].kind == tOp && p.toks[a].text == "*" {
			if stars++; stars > 1 {
				return p.errAt(p.toks[a], "invalid syntax: multiple starred names in sequence pattern")
			}
			if b-a != 2 || p.toks[a+1].kind != tName {
				return p.errAt(p.toks[a], "invalid syntax: expected *name in a sequence pattern")
			}
			p.replace(a, "")
			p.replace(a+1, starName("_pstar", p.toks[a+1].text))
			continue
		}
		if err := p.pattern(a, b, false); err != nil {
			return err
		}
	}
	return nil
}

func starName(fn, name string) string {
	if name == "_" {
		return fn + "(None)"
	}
	return fmt.Sprintf("%s(%q)", fn, name)
}

func (p *pass1) closedPattern(i, j int) error {
	t := p.toks[i]
	switch {
	case t.kind == tOp && (t.text == "[" || t.text == "("):
		c := p.match[i]
		if c != j-1 {
			return p.errAt(t, "invalid syntax in pattern")
		}
		parts := p.splitTop(i+1, j-1, ",")
		if t.text == "(" && len(parts) == 1 && p.toks[j-2].text != "," {
			return p.pattern(i+1, j-1, false) // (P) groups
		}
		p.replace(i, "_pseq([")
		p.replace(j-1, "])")
		if i+1 == j-1 {
			return nil
		}
		return p.patternItems(parts)
	case t.kind == tOp && t.text == "{":
		return p.mappingPattern(i, j)
	case t.kind == tName && t.text == "_" && j-i == 1:
		p.replace(i, "_pw()")
		return nil
	case t.kind == tName && j-i == 1 && t.text != "None" && t.text != "True" && t.text != "False":
		p.replace(i, fmt.Sprintf("_pcap(%q)", t.text))
		return nil
	case t.kind == tName && p.toks[j-1].text == ")" && p.match[j-1] > i:
		return p.classPattern(i, p.match[j-1], j)
	}
	// a literal or a dotted value: compared with ==
	p.insert(t.start, "_pval(")
	p.insert(p.toks[j-1].end, ")")
	return p.exprs(i, j)
}

// classPattern: Cls(P, k=P) -> _pcls(Cls, [P], [("k", P)]).
func (p *pass1) classPattern(i, open, j int) error {
	p.insert(p.toks[i].start, "_pcls(")
	if err := p.exprs(i, open); err != nil {
		return err
	}
	p.replace(open, ", [")
	kw := false
	for _, it := range p.splitTop(open+1, j-1, ",") {
		a, b := it[0], it[1]
		if b-a >= 3 && p.toks[a].kind == tName && p.toks[a+1].text == "=" {
			if !kw {
				p.insert(p.toks[a].start, "], [")
				kw = true
			}
			p.replace(a, fmt.Sprintf("(%q", p.toks[a].text))
			p.replace(a+1, ",")
			p.insert(p.toks[b-1].end, ")")
			if err := p.pattern(a+2, b, false); err != nil {
				return err
			}
			continue
		}
		if kw {
			return p.errAt(p.toks[a], "invalid syntax: positional patterns follow keyword patterns")
		}
		if err := p.pattern(a, b, false); err != nil {
			return err
		}
	}
	if kw {
		p.replace(j-1, "])")
	} else {
		p.replace(j-1, "], [])")
	}
	return nil
}

// mappingPattern: {K: P, **rest} -> _pmap([(K, P)], "rest").
func (p *pass1) mappingPattern(i, j int) error {
	if p.match[i] != j-1 {
		return p.errAt(p.toks[i], "invalid syntax in pattern")
	}
	p.replace(i, "_pmap([")
	rest := "None"
	for _, it := range p.splitTop(i+1, j-1, ",") {
		a, b := it[0], it[1]
		if p.toks[a].text == "**" {
			if b-a != 2 || p.toks[a+1].kind != tName {
				return p.errAt(p.toks[a], "invalid syntax: expected **name in a mapping pattern")
			}
			rest = fmt.Sprintf("%q", p.toks[a+1].text)
			p.replaceRange(p.toks[a].start, p.toks[a+1].end, "")
			continue
		}
		colon := -1
		for k := a; k < b; k++ {
			if p.toks[k].depth == p.toks[a].depth && p.toks[k].text == ":" {
				colon = k
				break
			}
		}
		if colon <= a || colon+1 >= b {
			return p.errAt(p.toks[a], "invalid syntax: expected key: pattern")
		}
		p.insert(p.toks[a].start, "(")
		p.replace(colon, ",")
		p.insert(p.toks[b-1].end, ")")
		if err := p.exprs(a, colon); err != nil {
			return err
		}
		if err := p.pattern(colon+1, b, false); err != nil {
			return err
		}
	}
	p.replace(j-1, "], "+rest+")")
	return nil
}

// --- pass 2 ---

// matchStmt expands `if _MATCH_(subject):` whose body holds the
// `if _CASE_(...)` cases.
func (p *pass2) matchStmt(s *syntax.IfStmt, fn *fnInfo) ([]syntax.Stmt, error) {
	c := s.Cond.(*syntax.CallExpr)
	pos := s.If
	if len(c.Args) != 1 || len(s.False) > 0 {
		return nil, p.errAt(pos, "invalid syntax in match statement")
	}
	p.n++
	subj := fmt.Sprintf("_match_%d", p.n)
	done := fmt.Sprintf("_matched_%d", p.n)
	binds := fmt.Sprintf("_bound_%d", p.n)
	p.genName[subj], p.genName[done], p.genName[binds] = true, true, true
	out := []syntax.Stmt{
		assign(pos, p.genIdent(pos, subj), c.Args[0]),
		assign(pos, p.genIdent(pos, done), ident(pos, "False")),
	}
	for _, st := range s.True {
		cs, ok := st.(*syntax.IfStmt)
		if !ok || markerName(cs.Cond) != mkCase || len(cs.False) > 0 {
			return nil, p.errAt(syntax.Start(st), "invalid syntax: a match block holds only case clauses")
		}
		cc := cs.Cond.(*syntax.CallExpr)
		cp := cs.If
		names := patternNames(cc.Args[0])
		pat := p.hoistPattern(cc.Args[0])
		body := append([]syntax.Stmt{assign(cp, p.genIdent(cp, done), ident(cp, "True"))}, cs.True...)
		if len(cc.Args) == 2 {
			body = []syntax.Stmt{&syntax.IfStmt{If: cp, Cond: cc.Args[1], True: body}}
		}
		var bindStmts []syntax.Stmt
		for _, name := range names {
			bindStmts = append(bindStmts, assign(cp, ident(cp, name),
				&syntax.IndexExpr{X: p.genIdent(cp, binds), Lbrack: cp, Y: strLit(cp, name), Rbrack: cp}))
		}
		test := &syntax.IfStmt{If: cp,
			Cond: &syntax.BinaryExpr{X: p.genIdent(cp, binds), OpPos: cp, Op: syntax.NEQ, Y: noneAt(cp)},
			True: append(bindStmts, body...)}
		out = append(out, &syntax.IfStmt{If: cp,
			Cond: &syntax.UnaryExpr{OpPos: cp, Op: syntax.NOT, X: p.genIdent(cp, done)},
			True: []syntax.Stmt{
				assign(cp, p.genIdent(cp, binds), call(cp, ident(cp, "_match"), p.genIdent(cp, subj), pat)),
				test,
			}})
	}
	return p.stmtsKeepingOrder(out, fn)
}

// patternNames lists the names a pattern binds, in order, once each.
func patternNames(pat syntax.Expr) []string {
	var names []string
	seen := map[string]bool{}
	syntax.Walk(pat, func(n syntax.Node) bool {
		c, ok := n.(*syntax.CallExpr)
		if !ok {
			return true
		}
		arg := -1
		switch markerName(c) {
		case "_pcap", "_pstar":
			arg = 0
		case "_pas":
			arg = 1
		case "_pmap":
			arg = 1
		}
		if arg >= 0 && arg < len(c.Args) {
			if l, ok := c.Args[arg].(*syntax.Literal); ok && l.Token == syntax.STRING {
				if name := l.Value.(string); !seen[name] {
					seen[name] = true
					names = append(names, name)
				}
			}
		}
		return true
	})
	return names
}

// softKeyword returns "match" or "case" when toks[i:j] is such a header
// (a case only directly inside a match), recording it for the block
// tracking; "" otherwise.
func (p *pass1) softKeyword(i, j int) string {
	n := len(p.headers)
	switch {
	case p.softHeader(i, j, "match"):
	case p.softHeader(i, j, "case") && n >= 2 && p.headers[n-2].kw == "match":
	default:
		return ""
	}
	p.headers[n-1].kw = p.toks[i].text
	return p.toks[i].text
}

// hoistPattern moves a pattern made only of literals and names to bind
// into a module-level constant built once (hoistedPatterns), so a case
// does not rebuild it on every test; other patterns stay where they are.
func (p *pass2) hoistPattern(pat syntax.Expr) syntax.Expr {
	if !constPattern(pat) {
		return pat
	}
	p.n++
	name := fmt.Sprintf("_pattern_%d", p.n)
	p.genName[name] = true
	pos := syntax.Start(pat)
	p.patterns = append(p.patterns, assign(pos, p.genIdent(pos, name), pat))
	return p.genIdent(pos, name)
}

// constPattern: pat's helper calls take only literals (and lists and
// tuples of them), so building it early gives the same pattern.
func constPattern(pat syntax.Expr) bool {
	ok := true
	var walk func(e syntax.Expr)
	walk = func(e syntax.Expr) {
		switch x := e.(type) {
		case *syntax.CallExpr:
			switch markerName(x) {
			case "_pw", "_pcap", "_pval", "_por", "_pas", "_pseq", "_pstar", "_pmap":
			default:
				ok = false
				return
			}
			for _, a := range x.Args {
				walk(a)
			}
		case *syntax.ListExpr:
			for _, a := range x.List {
				walk(a)
			}
		case *syntax.TupleExpr:
			for _, a := range x.List {
				walk(a)
			}
		case *syntax.ParenExpr:
			walk(x.X)
		case *syntax.UnaryExpr:
			if l, isLit := x.X.(*syntax.Literal); !isLit || x.Op != syntax.MINUS || l.Token == syntax.STRING {
				ok = false
			}
		case *syntax.Literal:
		case *syntax.Ident:
			if x.Name != "None" && x.Name != "True" && x.Name != "False" {
				ok = false
			}
		default:
			ok = false
		}
	}
	walk(pat)
	return ok
}

// withPatterns puts the hoisted patterns before the module's first
// statement (after its docstring).
func (p *pass2) withPatterns(stmts []syntax.Stmt) []syntax.Stmt {
	if len(p.patterns) == 0 {
		return stmts
	}
	at := 0
	if len(stmts) > 0 {
		if es, ok := stmts[0].(*syntax.ExprStmt); ok {
			if l, ok := es.X.(*syntax.Literal); ok && l.Token == syntax.STRING {
				at = 1
			}
		}
	}
	out := append([]syntax.Stmt{}, stmts[:at]...)
	out = append(out, p.patterns...)
	return append(out, stmts[at:]...)
}
