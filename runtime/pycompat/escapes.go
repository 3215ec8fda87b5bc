package pycompat

import (
	"fmt"
	"strconv"
	"strings"
)

// fixEscapes keeps Python's meaning for escapes Starlark reads otherwise:
// an unknown escape like '\d' is a backslash and the letter, and in a str
// '\xe9' or '\351' is the code point U+00E9 (Starlark would refuse a
// non-ASCII byte escape), written as '\u00e9'. Bytes keep their bytes.
func fixEscapes(body string, isBytes bool) string {
	var sb strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' || i+1 >= len(body) {
			sb.WriteByte(c)
			continue
		}
		n := body[i+1]
		if !isBytes {
			if u, width := codePointEscape(body[i+1:]); width > 0 {
				sb.WriteString(u)
				i += width
				continue
			}
		}
		valid := strings.IndexByte("abfnrtv\\'\"\n\r01234567x", n) >= 0 || !isBytes && (n == 'u' || n == 'U')
		if !valid {
			sb.WriteByte('\\')
		}
		sb.WriteByte(c)
		sb.WriteByte(n)
		i++
	}
	return sb.String()
}

// codePointEscape reads a non-ASCII \xhh or octal escape (s follows the
// backslash) and returns its \uXXXX form and the bytes it used.
func codePointEscape(s string) (string, int) {
	var v uint64
	width := 0
	switch {
	case s[0] == 'x' && len(s) >= 3:
		x, err := strconv.ParseUint(s[1:3], 16, 8)
		if err != nil {
			return "", 0
		}
		v, width = x, 3
	case s[0] >= '0' && s[0] <= '7':
		for width < 3 && width < len(s) && s[width] >= '0' && s[width] <= '7' {
			width++
		}
		v, _ = strconv.ParseUint(s[:width], 8, 16)
	default:
		return "", 0
	}
	if v < 0x80 {
		return "", 0
	}
	return fmt.Sprintf(`\u%04x`, v), width
}

// namedEscape finds a \N{...} escape, which qstar does not decode (it would
// need the Unicode name tables in the binary).
func namedEscape(body string) int {
	for i := 0; i+2 < len(body); i++ {
		if body[i] == '\\' {
			if body[i+1] == 'N' && body[i+2] == '{' {
				return i
			}
			i++
		}
	}
	return -1
}
