// Package urllib provides urllib.parse with CPython's semantics: quote and
// unquote (and their _plus forms), urlencode, urlparse/urlsplit,
// urlunparse/urlunsplit, parse_qs and parse_qsl.
package urllib

import (
	"strings"
	"unicode/utf8"
)

// alwaysSafe are the bytes CPython's quote never escapes.
const alwaysSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~"

// Quote percent-encodes every byte of s that is neither always safe nor
// in safe, as urllib.parse.quote does.
func Quote(s, safe string) string {
	const hexdigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if strings.IndexByte(alwaysSafe, c) >= 0 || (c < utf8.RuneSelf && strings.IndexByte(safe, c) >= 0) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexdigits[c>>4])
		b.WriteByte(hexdigits[c&15])
	}
	return b.String()
}

// QuotePlus is quote_plus: spaces become '+'.
func QuotePlus(s, safe string) string {
	if !strings.Contains(s, " ") {
		return Quote(s, safe)
	}
	return strings.ReplaceAll(Quote(s, safe+" "), " ", "+")
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// UnquoteBytes decodes %XX escapes; malformed ones stay as they are.
func UnquoteBytes(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			hi, ok1 := unhex(s[i+1])
			lo, ok2 := unhex(s[i+2])
			if ok1 && ok2 {
				out = append(out, hi<<4|lo)
				i += 2
				continue
			}
		}
		out = append(out, s[i])
	}
	return out
}

// Unquote is unquote with UTF-8 and errors='replace'.
func Unquote(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	return decodeReplace(UnquoteBytes(s))
}

// decodeReplace decodes UTF-8, replacing each maximal invalid subpart with
// U+FFFD as Python's 'replace' error handler does.
func decodeReplace(p []byte) string {
	if utf8.Valid(p) {
		return string(p)
	}
	var b strings.Builder
	for len(p) > 0 {
		r, n := utf8.DecodeRune(p)
		if r != utf8.RuneError || n > 1 {
			b.WriteRune(r)
			p = p[n:]
			continue
		}
		b.WriteRune(utf8.RuneError)
		p = p[invalidPrefix(p):]
	}
	return b.String()
}

// invalidPrefix is the length of the maximal subpart of an ill-formed
// sequence at the start of p (at least 1).
func invalidPrefix(p []byte) int {
	c := p[0]
	var need int
	lo, hi := byte(0x80), byte(0xbf)
	switch {
	case c >= 0xc2 && c <= 0xdf:
		need = 1
	case c == 0xe0:
		need, lo = 2, 0xa0
	case c >= 0xe1 && c <= 0xec, c == 0xee, c == 0xef:
		need = 2
	case c == 0xed:
		need, hi = 2, 0x9f
	case c == 0xf0:
		need, lo = 3, 0x90
	case c >= 0xf1 && c <= 0xf3:
		need = 3
	case c == 0xf4:
		need, hi = 3, 0x8f
	default:
		return 1
	}
	n := 1
	for ; n <= need && n < len(p); n++ {
		if p[n] < lo || p[n] > hi {
			break
		}
		lo, hi = 0x80, 0xbf
	}
	return n
}
