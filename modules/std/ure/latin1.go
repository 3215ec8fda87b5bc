package ure

import (
	"unicode/utf8"

	"go.starlark.net/syntax"
)

type syntax2 = syntax.Token

const (
	eql = syntax.EQL
	neq = syntax.NEQ
)

// latin1 spells each byte of b as the character of the same number, so
// RE2 (which reads UTF-8) sees one character per byte.
func latin1(b string) string {
	if isASCII(b) {
		return b
	}
	out := make([]rune, len(b))
	for i := 0; i < len(b); i++ {
		out[i] = rune(b[i])
	}
	return string(out)
}

// unlatin1 reverses latin1.
func unlatin1(s string) string {
	if isASCII(s) {
		return s
	}
	out := make([]byte, 0, len(s))
	for _, r := range s {
		out = append(out, byte(r))
	}
	return string(out)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
