package ure

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// translation is a Python pattern rewritten for Go's RE2 engine.
type translation struct {
	expr    string
	context bool // uses ^, \b or \B, whose meaning depends on the text before a match
	dollar  bool // uses $ and not \Z: may match before a final newline, as in Python
}

// converter walks a Python pattern once, rewriting what RE2 spells
// differently, flagging what RE2 cannot do (see unsupported), and reporting syntax errors
// with CPython's messages and positions (in characters).
type converter struct {
	src       []rune
	i         int
	out       strings.Builder
	verbose   bool
	bytes     bool
	ascii     bool  // re.ASCII: \d, \s, \w stay ASCII
	backtrack bool  // writing for regexp2 (.NET syntax), which takes what RE2 refuses
	open      []int // positions of unclosed '('
	atom      bool  // the last item can take a repeat
	repeated  bool  // the last item was a repeat
	context   bool
	dollar    bool
	endZ      bool
}

func convert(pattern string, verbose, bytes, ascii, backtrack bool) (translation, error) {
	c := &converter{src: []rune(pattern), verbose: verbose, bytes: bytes, ascii: ascii, backtrack: backtrack}
	for c.i < len(c.src) {
		if err := c.step(); err != nil {
			return translation{}, err
		}
	}
	if n := len(c.open); n > 0 {
		return translation{}, c.errAt(c.open[n-1], "missing ), unterminated subpattern")
	}
	return translation{expr: c.out.String(), context: c.context, dollar: c.dollar && !c.endZ}, nil
}

func (c *converter) errAt(pos int, format string, args ...any) error {
	return reError(fmt.Sprintf(format, args...) + fmt.Sprintf(" at position %d", pos))
}

// unsupported is a construct RE2 cannot run; the pattern then goes to the
// backtracking engine.
type unsupported struct{ msg string }

func (u *unsupported) Error() string { return u.msg }

// refuse reports a construct RE2 cannot run.
func (c *converter) refuse(pos int, what string) error {
	return &unsupported{fmt.Sprintf("%s at position %d", what, pos)}
}

// char spells character v for the target engine.
func (c *converter) char(v int) string {
	if !c.backtrack {
		return fmt.Sprintf(`\x{%x}`, v)
	}
	if v <= 0xffff {
		return fmt.Sprintf(`\u%04x`, v)
	}
	return regexp.QuoteMeta(string(rune(v)))
}

func (c *converter) peek(off int) rune {
	if c.i+off < len(c.src) {
		return c.src[c.i+off]
	}
	return 0
}

func (c *converter) hasPrefix(s string) bool {
	return strings.HasPrefix(string(c.src[c.i:min(len(c.src), c.i+len(s))]), s)
}

func (c *converter) item(s string) {
	c.out.WriteString(s)
	c.atom, c.repeated = true, false
}

func (c *converter) step() error {
	r := c.src[c.i]
	if c.verbose {
		if unicode.IsSpace(r) {
			c.i++
			return nil
		}
		if r == '#' {
			for c.i < len(c.src) && c.src[c.i] != '\n' {
				c.i++
			}
			return nil
		}
	}
	switch r {
	case '\\':
		return c.escape(false)
	case '[':
		return c.class()
	case '(':
		return c.group()
	case ')':
		if len(c.open) == 0 {
			return c.errAt(c.i, "unbalanced parenthesis")
		}
		c.open = c.open[:len(c.open)-1]
		c.i++
		c.item(")")
	case '|':
		c.i++
		c.out.WriteByte('|')
		c.atom, c.repeated = false, false
	case '*', '+', '?':
		return c.repeat(string(r), 1)
	case '{':
		if q, n, ok := c.counted(); ok {
			return c.repeat(q, n)
		}
		c.i++
		c.item(`\{`)
	case '^':
		c.i++
		c.context = true
		c.out.WriteByte('^')
		c.atom, c.repeated = false, false
	case '$':
		c.i++
		c.dollar = true
		c.out.WriteByte('$')
		c.atom, c.repeated = false, false
	default:
		c.i++
		c.item(literal(r))
	}
	return nil
}

// literal spells one character for RE2.
func literal(r rune) string {
	if r == '.' {
		return "."
	}
	return regexp.QuoteMeta(string(r))
}

// counted reads {m}, {m,}, {,n} or {m,n}; ok is false when the brace is a
// plain character, as Python takes it.
func (c *converter) counted() (q string, width int, ok bool) {
	j := c.i + 1
	lo, hi := "", ""
	for j < len(c.src) && c.src[j] >= '0' && c.src[j] <= '9' {
		lo += string(c.src[j])
		j++
	}
	comma := j < len(c.src) && c.src[j] == ','
	if comma {
		j++
		for j < len(c.src) && c.src[j] >= '0' && c.src[j] <= '9' {
			hi += string(c.src[j])
			j++
		}
	}
	if j >= len(c.src) || c.src[j] != '}' || (lo == "" && !comma) {
		return "", 0, false
	}
	if lo == "" {
		lo = "0"
	}
	switch {
	case !comma:
		q = "{" + lo + "}"
	case hi == "":
		q = "{" + lo + ",}"
	default:
		q = "{" + lo + "," + hi + "}"
	}
	return q, j + 1 - c.i, true
}

func (c *converter) repeat(q string, width int) error {
	pos := c.i
	if c.repeated {
		switch q {
		case "?":
			c.i++
			c.out.WriteByte('?')
			c.repeated = false // a lazy repeat takes no further modifier
			c.atom = false
			return nil
		case "+":
			if !c.backtrack {
				return c.refuse(pos, "possessive repeats")
			}
			c.i++
			c.out.WriteByte('+')
			c.repeated, c.atom = false, false
			return nil
		}
		return c.errAt(pos, "multiple repeat")
	}
	if !c.atom {
		return c.errAt(pos, "nothing to repeat")
	}
	if err := checkCounts(q, pos, c); err != nil {
		return err
	}
	c.i += width
	c.out.WriteString(q)
	c.repeated = true
	return nil
}

func checkCounts(q string, pos int, c *converter) error {
	if q[0] != '{' {
		return nil
	}
	var lo, hi int
	n, _ := fmt.Sscanf(q, "{%d,%d}", &lo, &hi)
	if n < 2 {
		fmt.Sscanf(q, "{%d", &lo)
		hi = lo
		if strings.HasSuffix(q, ",}") {
			hi = -1
		}
	}
	if hi >= 0 && lo > hi {
		return c.errAt(pos+1, "min repeat greater than max repeat")
	}
	if (lo > 1000 || hi > 1000) && !c.backtrack {
		return c.refuse(pos, "repeat counts above 1000")
	}
	return nil
}
