package pycompat

import (
	"strings"
)

// fstring turns the f-string literal body (quotes included) into
// _format("...{}...", expr, ...), rewriting each expression like any other.
func (p *pass1) fstring(t token, raw bool, body string) (string, error) {
	q := t.quote
	content := body[len(q) : len(body)-len(q)]
	var lit strings.Builder
	var args []string
	for i := 0; i < len(content); i++ {
		c := content[i]
		switch {
		case c == '\\' && !raw && i+1 < len(content):
			lit.WriteByte(c)
			lit.WriteByte(content[i+1])
			i++
		case c == '{' && i+1 < len(content) && content[i+1] == '{':
			lit.WriteString("{{")
			i++
		case c == '}' && i+1 < len(content) && content[i+1] == '}':
			lit.WriteString("}}")
			i++
		case c == '}':
			return "", p.errAt(t, "f-string: single '}' is not allowed")
		case c == '{':
			end, expr, conv, spec, err := splitField(content, i+1)
			if err != nil {
				return "", p.errAt(t, "f-string: %v", err)
			}
			spec, nested, err := p.nestedSpecFields(t, spec) // corpus_fstring.go
			if err != nil {
				return "", err
			}
			trimmed := strings.TrimRight(expr, " ")
			if strings.HasSuffix(trimmed, "=") && !strings.HasSuffix(trimmed, "==") &&
				!strings.HasSuffix(trimmed, "!=") && !strings.HasSuffix(trimmed, "<=") && !strings.HasSuffix(trimmed, ">=") {
				lit.WriteString(strings.ReplaceAll(strings.ReplaceAll(expr, "{", "{{"), "}", "}}"))
				expr = trimmed[:len(trimmed)-1]
				if conv == "" && spec == "" {
					conv = "r"
				}
			}
			if strings.TrimSpace(expr) == "" {
				return "", p.errAt(t, "f-string: empty expression not allowed")
			}
			rw, err := rewriteExpr(p.file, expr, t.line, p.opts)
			if err != nil {
				return "", err
			}
			args = append(append(args, rw), nested...)
			lit.WriteByte('{')
			if conv != "" {
				lit.WriteString("!" + conv)
			}
			if spec != "" {
				lit.WriteString(":" + spec)
			}
			lit.WriteByte('}')
			i = end
		default:
			lit.WriteByte(c)
		}
	}
	prefix := ""
	if raw {
		prefix = "r"
	}
	literal := q + lit.String() + q
	if !raw && strings.Contains(literal, `\`) {
		literal = fixEscapes(literal, false)
	}
	out := "_format(" + prefix + literal
	for _, a := range args {
		out += ", (" + a + ")"
	}
	return out + ")", nil
}

// splitField parses a replacement field starting after '{' at i. It returns
// the index of the closing '}', the expression, conversion and spec.
func splitField(s string, i int) (end int, expr, conv, spec string, err error) {
	depth := 0
	start := i
	exprEnd := -1
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '"':
			q := string(c)
			if strings.HasPrefix(s[i:], strings.Repeat(q, 3)) {
				q = strings.Repeat(q, 3)
			}
			k := strings.Index(s[i+len(q):], q)
			if k < 0 {
				return 0, "", "", "", errString("unterminated string in expression")
			}
			i += len(q) + k + len(q) - 1
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}' && depth > 0:
			depth--
		case depth == 0 && c == '!' && i+1 < len(s) && s[i+1] != '=':
			if exprEnd < 0 {
				exprEnd = i
			}
			if i+1 < len(s) {
				conv = s[i+1 : i+2]
				if conv != "r" && conv != "s" && conv != "a" {
					return 0, "", "", "", errString("invalid conversion character")
				}
			}
			i++
		case depth == 0 && c == ':':
			if exprEnd < 0 {
				exprEnd = i
			}
			// the spec may hold nested {fields}
			nest := 0
			k := i + 1
			for ; k < len(s); k++ {
				if s[k] == '{' {
					nest++
				} else if s[k] == '}' {
					if nest == 0 {
						break
					}
					nest--
				}
			}
			if k >= len(s) {
				return 0, "", "", "", errString("expecting '}'")
			}
			spec = s[i+1 : k]
			if exprEnd < 0 {
				exprEnd = i
			}
			return k, s[start:exprEnd], conv, spec, nil
		case c == '}' && depth == 0:
			if exprEnd < 0 {
				exprEnd = i
			}
			return i, s[start:exprEnd], conv, spec, nil
		}
	}
	return 0, "", "", "", errString("expecting '}'")
}

type errString string

func (e errString) Error() string { return string(e) }

// rewriteExpr applies the expression rewrites to a standalone expression
// (an f-string field); line is where it sits in the file.
func rewriteExpr(file, expr string, line int, opts *Options) (string, error) {
	toks, err := tokenize(file, expr)
	if err != nil {
		if se, ok := err.(*syntaxError); ok {
			se.line += line - 1
		}
		return "", err
	}
	// drop newline tokens: the expression is one logical unit
	kept := toks[:0]
	for _, t := range toks {
		if t.kind != tNewline {
			kept = append(kept, t)
		}
	}
	p := &pass1{file: file, src: expr, toks: kept, opts: opts}
	p.match = matchBrackets(kept)
	p.renameKeywords() // f"{x.load}", f"{_count}": spelt as in the rest of the file
	if len(kept) > 0 {
		if err := p.exprs(0, len(kept)); err != nil {
			if se, ok := err.(*syntaxError); ok {
				se.line += line - 1
			}
			return "", err
		}
	}
	return applyEdits(expr, p.edits), nil
}
