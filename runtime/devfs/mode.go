package devfs

import (
	"os"
	"strings"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// mode is a parsed open() mode string.
type mode struct {
	text                 string // as given, for f.mode
	binary               bool
	read, write, append_ bool
	flags                int
}

// parseMode checks an open() mode as CPython does and gives its os flags.
func parseMode(m string) (mode, error) {
	md := mode{text: m}
	var kind byte
	seen := map[rune]bool{}
	text := false
	plus := false
	for _, c := range m {
		if seen[c] || !strings.ContainsRune("rwxabt+U", c) {
			return md, exc.ValueError("invalid mode: '%s'", m)
		}
		seen[c] = true
		switch c {
		case 'r', 'w', 'x', 'a':
			if kind != 0 {
				return md, exc.ValueError("must have exactly one of create/read/write/append mode")
			}
			kind = byte(c)
		case 'b':
			md.binary = true
		case 't':
			text = true
		case '+':
			plus = true
		}
	}
	if text && md.binary {
		return md, exc.ValueError("can't have text and binary mode at once")
	}
	if kind == 0 {
		if seen['U'] { // Python 2's universal newlines: read
			kind = 'r'
		} else {
			return md, exc.ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
		}
	}
	switch kind {
	case 'r':
		md.read, md.flags = true, os.O_RDONLY
	case 'w':
		md.write, md.flags = true, os.O_WRONLY|os.O_CREATE|os.O_TRUNC
	case 'x':
		md.write, md.flags = true, os.O_WRONLY|os.O_CREATE|os.O_EXCL
	case 'a':
		md.write, md.append_, md.flags = true, true, os.O_WRONLY|os.O_CREATE|os.O_APPEND
	}
	if plus {
		md.read, md.write = true, true
		md.flags = md.flags&^(os.O_WRONLY|os.O_RDONLY) | os.O_RDWR
	}
	if md.binary {
		md.text = binaryModeName(kind, plus)
	}
	return md, nil
}

// binaryModeName is f.mode of a binary file as CPython's FileIO spells it:
// 'w+b' reads back as 'rb+'.
func binaryModeName(kind byte, plus bool) string {
	name := map[byte]string{'r': "rb", 'w': "wb", 'x': "xb", 'a': "ab"}[kind]
	if plus {
		if kind == 'w' {
			name = "rb"
		}
		name += "+"
	}
	return name
}
