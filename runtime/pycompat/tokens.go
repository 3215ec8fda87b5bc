package pycompat

import (
	"fmt"
	"strings"
)

// tokKind classifies a Python token for the rewriting pass.
type tokKind int

const (
	tName tokKind = iota
	tNumber
	tString
	tOp
	tNewline // end of a logical line (depth 0, not continued)
)

// token is one Python token. Offsets index the source; Line is 1-based.
type token struct {
	kind       tokKind
	text       string
	start, end int
	line, col  int
	depth      int // bracket depth before this token
	// for strings: the prefix letters (lowercased) and the quote
	prefix string
	quote  string
}

// syntaxError is a translation error carrying a source position.
type syntaxError struct {
	file      string
	line, col int
	msg       string
}

func (e *syntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.file, e.line, e.col, e.msg)
}

// tokenize splits Python source into tokens. Comments and blank lines are
// dropped; a tNewline ends every logical line.
func tokenize(file, src string) ([]token, error) {
	var toks []token
	line, lineStart := 1, 0
	depth := 0
	var open []token // unclosed brackets
	i := 0
	errAt := func(off int, format string, args ...any) error {
		return &syntaxError{file, line, off - lineStart + 1, fmt.Sprintf(format, args...)}
	}
	emitNewline := func(off int) {
		if len(toks) > 0 && toks[len(toks)-1].kind != tNewline {
			toks = append(toks, token{kind: tNewline, start: off, end: off, line: line, col: off - lineStart + 1})
		}
	}
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n':
			if depth == 0 {
				emitNewline(i)
			}
			i++
			line++
			lineStart = i
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\f':
			i++
			continue
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case c == '\\' && i+1 < len(src) && (src[i+1] == '\n' || src[i+1] == '\r'):
			i++
			if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			i++
			line++
			lineStart = i
			continue
		}
		start := i
		col := i - lineStart + 1
		tok := token{start: start, line: line, col: col, depth: depth}
		switch {
		case isIdentStart(c):
			j := i
			for j < len(src) && isIdentPart(src[j]) {
				j++
			}
			word := src[i:j]
			if j < len(src) && (src[j] == '\'' || src[j] == '"') && isStringPrefix(word) {
				end, nl, err := scanString(src, j)
				if err != nil {
					return nil, errAt(i, "%v", err)
				}
				tok.kind = tString
				tok.prefix = strings.ToLower(word)
				tok.quote = quoteAt(src, j)
				tok.text = src[i:end]
				tok.end = end
				toks = append(toks, tok)
				i = end
				if nl > 0 {
					line += nl
					lineStart = strings.LastIndexByte(src[:end], '\n') + 1
				}
				continue
			}
			tok.kind = tName
			tok.text = word
			tok.end = j
			i = j
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			j := i
			for j < len(src) && (isIdentPart(src[j]) || src[j] == '.' ||
				(src[j] == '+' || src[j] == '-') && (src[j-1] == 'e' || src[j-1] == 'E') && !strings.HasPrefix(strings.ToLower(src[i:j]), "0x")) {
				j++
			}
			tok.kind = tNumber
			tok.text = src[i:j]
			tok.end = j
			i = j
		case c == '\'' || c == '"':
			end, nl, err := scanString(src, i)
			if err != nil {
				return nil, errAt(i, "%v", err)
			}
			tok.kind = tString
			tok.quote = quoteAt(src, i)
			tok.text = src[i:end]
			tok.end = end
			toks = append(toks, tok)
			i = end
			if nl > 0 {
				line += nl
				lineStart = strings.LastIndexByte(src[:end], '\n') + 1
			}
			continue
		default:
			n := opLen(src[i:])
			tok.kind = tOp
			tok.text = src[i : i+n]
			tok.end = i + n
			i += n
			switch tok.text {
			case "(", "[", "{":
				depth++
				open = append(open, tok)
			case ")", "]", "}":
				if depth > 0 {
					depth--
					open = open[:len(open)-1]
				}
				tok.depth = depth
			}
		}
		toks = append(toks, tok)
	}
	emitNewline(len(src))
	if depth != 0 { // point at the bracket, as Python 3.10+ does
		b := open[len(open)-1]
		return nil, &syntaxError{file, b.line, b.col, fmt.Sprintf("'%s' was never closed", b.text)}
	}
	return toks, nil
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentPart(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

func isStringPrefix(w string) bool {
	switch strings.ToLower(w) {
	case "r", "u", "b", "f", "br", "rb", "fr", "rf":
		return true
	}
	return false
}

func quoteAt(src string, i int) string {
	if strings.HasPrefix(src[i:], `"""`) || strings.HasPrefix(src[i:], `'''`) {
		return src[i : i+3]
	}
	return src[i : i+1]
}

// scanString returns the end offset of the string literal whose opening
// quote is at i, and how many newlines it spans.
func scanString(src string, i int) (end, newlines int, err error) {
	q := quoteAt(src, i)
	j := i + len(q)
	for j < len(src) {
		c := src[j]
		switch {
		case c == '\\':
			if j+1 < len(src) && src[j+1] == '\n' {
				newlines++
			}
			j += 2
			continue
		case c == '\n':
			if len(q) == 1 {
				return 0, 0, fmt.Errorf("unterminated string literal")
			}
			newlines++
		case strings.HasPrefix(src[j:], q):
			return j + len(q), newlines, nil
		}
		j++
	}
	return 0, 0, fmt.Errorf("unterminated string literal")
}

var threeCharOps = []string{"**=", "//=", ">>=", "<<=", "...", "!=="}
var twoCharOps = []string{"**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "->", ":=", "@="}

func opLen(s string) int {
	for _, op := range threeCharOps[:5] {
		if strings.HasPrefix(s, op) {
			return 3
		}
	}
	for _, op := range twoCharOps {
		if strings.HasPrefix(s, op) {
			return 2
		}
	}
	return 1
}
