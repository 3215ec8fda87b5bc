package ure

import (
	"strconv"
	"strings"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// part is a piece of a sub() template: literal text or a group (group >= 0).
type part struct {
	text  string
	group int
}

var templateEscapes = map[byte]string{'a': "\a", 'b': "\b", 'f': "\f", 'n': "\n", 'r': "\r", 't': "\t", 'v': "\v", '\\': `\`}

// parseTemplate reads a replacement template (already in RE2 form for
// bytes) as CPython's sre_parse.parse_template does.
func parseTemplate(t string, bytes bool, prog *program) ([]part, error) {
	if bytes {
		t = latin1(t)
	}
	var parts []part
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, part{text: lit.String(), group: -1})
			lit.Reset()
		}
	}
	ngroups := len(prog.names) - 1
	ref := func(n, pos int) error {
		if n > ngroups {
			return reError("invalid group reference " + strconv.Itoa(n) + " at position " + strconv.Itoa(pos))
		}
		flush()
		parts = append(parts, part{group: n})
		return nil
	}
	rs := []rune(t)
	for i := 0; i < len(rs); i++ {
		if rs[i] != '\\' {
			lit.WriteRune(rs[i])
			continue
		}
		pos := i
		if i+1 >= len(rs) {
			return nil, reError("bad escape (end of pattern) at position " + strconv.Itoa(pos))
		}
		i++
		c := rs[i]
		switch {
		case c == 'g':
			if i+1 >= len(rs) || rs[i+1] != '<' {
				return nil, reError("missing < at position " + strconv.Itoa(i+1))
			}
			end := strings.IndexRune(string(rs[i+2:]), '>')
			if end < 0 {
				return nil, reError("missing >, unterminated name at position " + strconv.Itoa(i+2))
			}
			name := string([]rune(string(rs[i+2:])[:end]))
			i += 2 + len([]rune(name))
			if name == "" {
				return nil, reError("missing group name at position " + strconv.Itoa(pos+3))
			}
			n, err := groupByName(name, prog)
			if err != nil {
				return nil, err
			}
			if err := ref(n, pos+3); err != nil {
				return nil, err
			}
		case c == '0' || (c >= '1' && c <= '7' && i+2 < len(rs) && octal(rs[i+1]) && octal(rs[i+2])):
			v := int(c - '0')
			for k := 0; k < 2 && i+1 < len(rs) && octal(rs[i+1]); k++ {
				i++
				v = v*8 + int(rs[i]-'0')
			}
			lit.WriteRune(rune(v))
		case c >= '1' && c <= '9':
			n := int(c - '0')
			if i+1 < len(rs) && rs[i+1] >= '0' && rs[i+1] <= '9' {
				i++
				n = n*10 + int(rs[i]-'0')
			}
			if err := ref(n, pos+1); err != nil {
				return nil, err
			}
		case c < 128 && templateEscapes[byte(c)] != "":
			lit.WriteString(templateEscapes[byte(c)])
		case c < 128 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'):
			return nil, reError("bad escape \\" + string(c) + " at position " + strconv.Itoa(pos))
		default:
			lit.WriteRune('\\')
			lit.WriteRune(c)
		}
	}
	flush()
	return parts, nil
}

func groupByName(name string, prog *program) (int, error) {
	if n, err := strconv.Atoi(name); err == nil && n >= 0 {
		return n, nil
	}
	for i, n := range prog.names {
		if i > 0 && n == name {
			return i, nil
		}
	}
	if !isName(name) {
		return 0, reError("bad character in group name '" + name + "'")
	}
	return 0, exc.New("IndexError", "unknown group name '%s'", name)
}

func isName(s string) bool {
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 || (i > 0 && r >= '0' && r <= '9')) {
			return false
		}
	}
	return s != ""
}

// expandTemplate fills the template from m, in RE2 form; a group that did
// not take part gives "".
func expandTemplate(parts []part, m *Match) string {
	var b strings.Builder
	for _, p := range parts {
		if p.group < 0 {
			b.WriteString(p.text)
		} else if a := m.loc[2*p.group]; a >= 0 {
			b.WriteString(m.sb.s[a:m.loc[2*p.group+1]])
		}
	}
	return b.String()
}
