package ure

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// group handles '(' and the (?...) extensions.
func (c *converter) group() error {
	pos := c.i
	if c.peek(1) != '?' {
		c.i++
		c.open = append(c.open, pos)
		c.out.WriteByte('(')
		c.atom, c.repeated = false, false
		return nil
	}
	switch {
	case c.hasPrefix("(?:"), c.hasPrefix("(?P<"):
		end := c.i + 3
		if c.hasPrefix("(?P<") {
			j := strings.IndexRune(string(c.src[c.i:]), '>')
			if j < 0 {
				return c.errAt(pos+4, "missing >, unterminated name")
			}
			end = c.i + len([]rune(string(c.src[c.i:])[:j])) + 1
		}
		opener := string(c.src[c.i:end])
		if c.backtrack {
			opener = strings.Replace(opener, "(?P<", "(?<", 1)
		}
		c.out.WriteString(opener)
		c.i = end
		c.open = append(c.open, pos)
		c.atom, c.repeated = false, false
		return nil
	case c.hasPrefix("(?P="):
		if !c.backtrack {
			return c.refuse(pos, "backreference (?P=name)")
		}
		end := strings.IndexRune(string(c.src[c.i:]), ')')
		if end < 0 {
			return c.errAt(pos+4, "missing ), unterminated name")
		}
		name := string([]rune(string(c.src[c.i:])[4:end]))
		c.i += 5 + len([]rune(name))
		c.item(`\k<` + name + `>`)
		return nil
	case c.hasPrefix("(?="), c.hasPrefix("(?!"), c.hasPrefix("(?<="), c.hasPrefix("(?<!"), c.hasPrefix("(?>"):
		if !c.backtrack {
			return c.refuse(pos, "lookaround or atomic group")
		}
		n := 3
		if c.hasPrefix("(?<") {
			n = 4
		}
		c.out.WriteString(string(c.src[c.i : c.i+n]))
		c.i += n
		c.open = append(c.open, pos)
		c.atom, c.repeated = false, false
		return nil
	case c.hasPrefix("(?("):
		if !c.backtrack {
			return c.refuse(pos, "conditional group")
		}
		end := strings.IndexRune(string(c.src[c.i+3:]), ')')
		if end < 0 {
			return c.errAt(pos+3, "missing ), unterminated name")
		}
		cond := string([]rune(string(c.src[c.i+3:])[:end]))
		c.out.WriteString("(?(" + cond + ")")
		c.i += 4 + len([]rune(cond))
		c.open = append(c.open, pos)
		c.atom, c.repeated = false, false
		return nil
	case c.hasPrefix("(?#"):
		for c.i < len(c.src) && c.src[c.i] != ')' {
			c.i++
		}
		if c.i == len(c.src) {
			return c.errAt(pos, "missing ), unterminated comment")
		}
		c.i++
		return nil
	}
	return c.flagGroup(pos)
}

// flagGroup is (?aiLmsux) or (?imsx-imsx:...): RE2 knows i, m and s;
// x turns on verbose mode here; a, u and L change nothing for RE2.
func (c *converter) flagGroup(pos int) error {
	j := c.i + 2
	var on, off strings.Builder
	cur := &on
	for ; j < len(c.src); j++ {
		r := c.src[j]
		switch {
		case strings.ContainsRune("aiLmsux", r):
			if r == 'x' && cur == &on {
				c.verbose = true
			}
			if strings.ContainsRune("ims", r) {
				cur.WriteRune(r)
			}
			continue
		case r == '-' && cur == &on:
			cur = &off
			continue
		}
		break
	}
	if j >= len(c.src) {
		return c.errAt(pos+2, "missing -, : or )")
	}
	flags := on.String()
	if off.Len() > 0 {
		flags += "-" + off.String()
	}
	switch c.src[j] {
	case ')':
		if flags != "" {
			c.out.WriteString("(?" + flags + ")")
		}
		c.i = j + 1
		return nil
	case ':':
		c.out.WriteString("(?" + flags + ":")
		c.i = j + 1
		c.open = append(c.open, pos)
		c.atom, c.repeated = false, false
		return nil
	}
	return c.errAt(pos+1, "unknown extension ?%c", c.src[pos+2])
}

// escape handles a backslash outside (inClass false) or inside a set.
func (c *converter) escape(inClass bool) error {
	pos := c.i
	if c.i+1 >= len(c.src) {
		return c.errAt(pos, "bad escape (end of pattern)")
	}
	e := c.src[c.i+1]
	c.i += 2
	emit := func(s string) error {
		if inClass {
			c.out.WriteString(s)
		} else {
			c.item(s)
		}
		return nil
	}
	switch {
	case e >= '0' && e <= '7' && (e == '0' || (octal(c.peek(0)) && octal(c.peek(1)))) || inClass && e >= '0' && e <= '9':
		if e > '7' {
			return c.errAt(pos, "bad escape \\%c", e)
		}
		v := int(e - '0')
		for k := 0; k < 2 && octal(c.peek(0)); k++ {
			v = v*8 + int(c.src[c.i]-'0')
			c.i++
		}
		if v > 0o377 {
			return c.errAt(pos, "octal escape value \\%o outside of range 0-0o377", v)
		}
		return emit(c.char(v))
	case e >= '1' && e <= '9':
		if !c.backtrack {
			return c.refuse(pos, "backreference \\"+string(e))
		}
		n := int(e - '0')
		if d := c.peek(0); d >= '0' && d <= '9' {
			n = n*10 + int(d-'0')
			c.i++
		}
		return emit(fmt.Sprintf(`(?:\%d)`, n))
	case e == 'Z' && !inClass:
		c.endZ = true
		return emit(`\z`)
	case e == 'A' && !inClass:
		return emit(`\A`)
	case (e == 'b' || e == 'B') && !inClass:
		c.context = true
		c.out.WriteString(`\` + string(e))
		c.atom, c.repeated = false, false
		return nil
	case e == 'b':
		return emit(`\x08`)
	case strings.ContainsRune("dDsSwW", e):
		return c.classEscape(pos, e, inClass, emit)
	case strings.ContainsRune("afnrtv", e):
		return emit(`\` + string(e))
	case e == 'x':
		return c.hexEscape(pos, 2, emit)
	case e == 'u' && !c.bytes:
		return c.hexEscape(pos, 4, emit)
	case e == 'U' && !c.bytes:
		return c.hexEscape(pos, 8, emit)
	case e < 128 && (e >= 'a' && e <= 'z' || e >= 'A' && e <= 'Z' || e >= '0' && e <= '9'):
		return c.errAt(pos, "bad escape \\%c", e)
	}
	if inClass && e < 128 && (unicode.IsPunct(e) || unicode.IsSymbol(e)) {
		return emit(`\` + string(e)) // [+\-*]: QuoteMeta leaves - and ^ bare, a range or a negation in a set
	}
	return emit(regexp.QuoteMeta(string(e))) // `\.` is a dot, not any character
}

// unicodeClass spells Python's Unicode \d, \s, \w (and their negations
// outside a set) for RE2, whose own classes are ASCII only.
func unicodeClass(e rune, inClass bool) (string, bool) {
	const word, space = `\p{L}\p{N}_`, `\t\n\v\f\r \x1c-\x1f\x85\p{Z}`
	switch e {
	case 'd':
		return `\p{Nd}`, true
	case 'w':
		if inClass {
			return word, true
		}
		return "[" + word + "]", true
	case 's':
		if inClass {
			return space, true
		}
		return "[" + space + "]", true
	case 'D':
		return `\P{Nd}`, true
	case 'W':
		return "[^" + word + "]", !inClass
	case 'S':
		return "[^" + space + "]", !inClass
	}
	return "", false
}

func octal(r rune) bool { return r >= '0' && r <= '7' }

func (c *converter) hexEscape(pos, n int, emit func(string) error) error {
	if c.i+n > len(c.src) {
		return c.errAt(pos, "incomplete escape \\%s", string(c.src[pos+1:]))
	}
	digits := string(c.src[c.i : c.i+n])
	v, err := strconv.ParseUint(digits, 16, 32)
	if err != nil {
		return c.errAt(pos, "incomplete escape \\%c%s", c.src[pos+1], digits)
	}
	c.i += n
	return emit(c.char(int(v)))
}

// class copies a [...] set, keeping Python's meaning: a leading ']' is a
// character, '[' inside is a character (not a POSIX class).
func (c *converter) class() error {
	start := c.i
	c.i++
	c.out.WriteByte('[')
	if c.peek(0) == '^' {
		c.out.WriteByte('^')
		c.i++
	}
	first := true
	// regexp2 drops a class listed after \W, \S or \D in a set ([\W\d]),
	// so those go last
	var negated string
	for {
		if c.i >= len(c.src) {
			return c.errAt(start, "unterminated character set")
		}
		r := c.src[c.i]
		switch {
		case r == ']' && !first:
			c.i++
			c.out.WriteString(negated)
			c.item("]")
			return nil
		case c.backtrack && r == '\\' && strings.ContainsRune("WSD", c.peek(1)):
			negated += `\` + string(c.peek(1))
			c.i += 2
		case r == '\\':
			if err := c.escape(true); err != nil {
				return err
			}
		case r == '[' || r == ']':
			c.out.WriteString(`\` + string(r))
			c.i++
		default:
			c.out.WriteRune(r)
			c.i++
		}
		first = false
	}
}

// classEscape spells \d \D \s \S \w \W: Unicode for str patterns, ASCII
// for bytes and re.ASCII, as Python means them.
func (c *converter) classEscape(pos int, e rune, inClass bool, emit func(string) error) error {
	unicode := !c.bytes && !c.ascii
	switch {
	case c.backtrack && unicode:
		return emit(`\` + string(e)) // regexp2's own classes are Unicode
	case c.backtrack:
		if a, ok := asciiClass(e, inClass); ok {
			return emit(a)
		}
		return emit(`\` + string(e))
	case unicode:
		if u, ok := unicodeClass(e, inClass); ok {
			return emit(u)
		}
		// a negated Unicode class inside a set is beyond RE2's syntax
		return c.refuse(pos, "negated class \\"+string(e)+" inside a set")
	}
	return emit(`\` + string(e)) // RE2's own classes are ASCII
}

// asciiClass spells an ASCII class for regexp2, whose escapes are Unicode.
func asciiClass(e rune, inClass bool) (string, bool) {
	sets := map[rune]string{'d': `0-9`, 'w': `a-zA-Z0-9_`, 's': ` \t\n\r\f\v`}
	if set, ok := sets[e]; ok {
		if inClass {
			return set, true
		}
		return "[" + set + "]", true
	}
	lower := e + ('a' - 'A')
	if inClass {
		return "", false
	}
	return "[^" + sets[lower] + "]", true
}
