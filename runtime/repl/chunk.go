package repl

import "strings"

// compoundStarts are the statements whose body follows on later lines.
var compoundStarts = []string{"def", "if", "for", "while", "try", "class", "with", "elif", "else", "except", "finally"}

// continuations may follow a compound statement's body at the same indent.
var continuations = []string{"elif", "else", "except", "finally"}

func firstWord(line string) string {
	s := strings.TrimSpace(line)
	end := strings.IndexFunc(s, func(r rune) bool {
		return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
	if end < 0 {
		return s
	}
	return s[:end]
}

func isOneOf(word string, set []string) bool {
	for _, w := range set {
		if w == word {
			return true
		}
	}
	return false
}

// startsCompound reports whether line opens a block (ends in ':' outside
// brackets and strings, as `if x:` or `def f():` do).
func startsCompound(line string) bool {
	return isOneOf(firstWord(line), compoundStarts) && strings.HasSuffix(strings.TrimSpace(stripComment(line)), ":")
}

// unfinished reports whether src cannot end here: an open bracket or
// triple-quoted string, or a trailing backslash.
func unfinished(src string) bool {
	depth := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case '\'', '"':
			q := string(c)
			if strings.HasPrefix(src[i:], q+q+q) {
				end := strings.Index(src[i+3:], q+q+q)
				if end < 0 {
					return true
				}
				i += 3 + end + 2
				continue
			}
			for i++; i < len(src) && src[i] != c && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		}
	}
	return depth > 0 || strings.HasSuffix(strings.TrimRight(src, " \t\n"), "\\")
}

// stripComment drops a trailing # comment (outside strings).
func stripComment(line string) string {
	inQuote := byte(0)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case inQuote != 0:
			if c == '\\' {
				i++
			} else if c == inQuote {
				inQuote = 0
			}
		case c == '\'' || c == '"':
			inQuote = c
		case c == '#':
			return line[:i]
		}
	}
	return line
}

// chunker splits input lines into complete top-level statements, as
// Python's interactive prompt does: a compound statement ends at a blank
// line, or (for piped input, which has no blank-line habit) at the next
// line back at column 0 that does not continue it (else/except/...).
type chunker struct {
	lines   []string // the chunk so far
	pending string   // a line read past the end of the previous chunk
	hasPend bool

	// Input line numbers, for tracebacks with the real line: the caller
	// sets cur before add; start is the current chunk's first line and
	// lastStart the first line of the chunk add or flush last returned.
	cur, start, lastStart, pendLine int
}

// add feeds one line; it returns a complete chunk when one is ready.
// A returned chunk may leave the line that ended it pending.
func (c *chunker) add(line string, interactive bool) (chunk string, done bool) {
	if len(c.lines) == 0 {
		if strings.TrimSpace(line) == "" {
			return "", false
		}
		c.start = c.cur
		c.lines = append(c.lines, line)
		src := line + "\n"
		if startsCompound(line) || unfinished(src) {
			return "", false
		}
		return c.flush(), true
	}
	src := strings.Join(c.lines, "\n") + "\n"
	if unfinished(src) {
		c.lines = append(c.lines, line)
		if !startsCompound(c.lines[0]) && !unfinished(src+line+"\n") {
			return c.flush(), true // the brackets closed: run now, as Python does
		}
		return "", false
	}
	if strings.TrimSpace(line) == "" {
		return c.flush(), true
	}
	if !interactive && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t") &&
		!isOneOf(firstWord(line), continuations) {
		out := c.flush()
		c.pending, c.hasPend, c.pendLine = line, true, c.cur
		return out, true
	}
	c.lines = append(c.lines, line)
	return "", false
}

// inBlock reports whether a chunk is under way (the prompt is "... ").
func (c *chunker) inBlock() bool { return len(c.lines) > 0 }

func (c *chunker) flush() string {
	s := strings.Join(c.lines, "\n") + "\n"
	c.lines, c.lastStart = nil, c.start
	return s
}

// reset drops the chunk so far (Ctrl-C, or a certain syntax error).
func (c *chunker) reset() { c.lines = nil }

// current is the chunk so far.
func (c *chunker) current() string { return strings.Join(c.lines, "\n") + "\n" }

// takePending returns a line read ahead by add, if any.
func (c *chunker) takePending() (string, bool) {
	if !c.hasPend {
		return "", false
	}
	c.hasPend, c.cur = false, c.pendLine
	return c.pending, true
}
