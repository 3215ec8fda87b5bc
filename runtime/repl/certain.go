package repl

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// A chunk still being typed may already be certain to fail, as `def g(:`
// is: Python reports that at once instead of waiting for more lines. The
// test, in the spirit of CPython's codeop: close the open brackets and
// parse; an error that lies inside the line just typed (not at the end of
// the text, where more input could still fix it) is certain.

var errPosRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^<stdin>:(\d+):(\d+): `) })

// certainError returns the syntax error of the unfinished chunk src (which
// starts at input line firstLine), or nil when more lines could still make
// it valid: every completion tried (close the brackets, with or without an
// operand or else; then nothing, a block header's ':' and body, a body, a
// decorated def) must fail, and one of them inside the line just typed.
// A line with no bracket open is finished: `if x` lacks its ':' for good.
func (s *Session) certainError(src string, firstLine int) error {
	closers, ok := closingBrackets(src)
	if !ok {
		return nil // inside a string: anything may follow
	}
	trimmed := strings.TrimRight(src, "\n")
	lines := strings.Split(trimmed, "\n")
	lastLine := lines[len(lines)-1]
	indent := lastLine[:len(lastLine)-len(strings.TrimLeft(lastLine, " \t"))]
	body := "\n" + indent + "    pass\n"
	completions := []string{"\n", body, "\n" + indent + "def _f(): pass\n"}
	fills := []string{""}
	if closers != "" {
		// the line goes on after the brackets close, which a later line
		// does: a block header's ':', an operand for `(v *`, an else
		completions = append(completions, ":"+body)
		fills = append(fills, " 0", " else 0")
	}
	pad := strings.Repeat("\n", firstLine-1)
	var inside error
	for _, fill := range fills {
		for _, tail := range completions {
			_, err := s.in.Parse("<stdin>", []byte(pad+trimmed+fill+closers+tail))
			if err == nil || incomplete(err) {
				return nil
			}
			if inside == nil && insideTyped(err, firstLine+len(lines)-1, len(lastLine)) {
				inside = err
			}
		}
	}
	return inside
}

// incomplete reports an error that more input could fix.
func incomplete(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "never closed") || strings.Contains(msg, "end of file") ||
		strings.Contains(msg, "needs except")
}

// insideTyped reports whether err lies within the typed last line (line
// last, up to col max) and is not a complaint about the end of input.
// Starlark reports a bad token at its end, so a token ending the line
// (`x = [1,\n 2 3`) is at max+1; a completion's token ends further right.
func insideTyped(err error, last, max int) bool {
	m := errPosRe().FindStringSubmatch(err.Error())
	if m == nil {
		return false
	}
	line, _ := strconv.Atoi(m[1])
	col, _ := strconv.Atoi(m[2])
	return line == last && col <= max+1
}

// closingBrackets is what closes src's open brackets, innermost first; ok
// is false inside a string or after a line continuation.
func closingBrackets(src string) (string, bool) {
	var stack []byte
	pair := map[byte]byte{'(': ')', '[': ']', '{': '}'}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case '\'', '"':
			q := string(c)
			if strings.HasPrefix(src[i:], q+q+q) {
				end := strings.Index(src[i+3:], q+q+q)
				if end < 0 {
					return "", false
				}
				i += 3 + end + 2
				continue
			}
			for i++; i < len(src) && src[i] != c; i++ {
				if src[i] == '\n' {
					return "", false
				}
				if src[i] == '\\' {
					i++
				}
			}
		case '(', '[', '{':
			stack = append(stack, pair[c])
		case ')', ']', '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if strings.HasSuffix(strings.TrimRight(src, " \t\n"), "\\") {
		return "", false
	}
	out := make([]byte, len(stack))
	for i := range stack {
		out[i] = stack[len(stack)-1-i]
	}
	return string(out), true
}
