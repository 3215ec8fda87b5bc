package ure

import (
	"unicode/utf8"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// subject is a string being searched, in the form RE2 reads: UTF-8 text,
// or bytes spelled one character per byte. Python indexes count
// characters (or bytes), RE2 offsets count UTF-8 bytes.
type subject struct {
	orig    starlark.Value
	s       string
	bytes   bool
	ascii   bool
	runes   []rune // for the backtracking engine, made on first use
	offsets []int  // RE2 offset of each rune index, and of the end
}

// runeTable gives the subject as characters, with each one's offset.
func (sb *subject) runeTable() ([]rune, []int) {
	if sb.runes == nil {
		sb.runes = make([]rune, 0, len(sb.s))
		sb.offsets = make([]int, 0, len(sb.s)+1)
		for off, r := range sb.s {
			sb.runes = append(sb.runes, r)
			sb.offsets = append(sb.offsets, off)
		}
		sb.offsets = append(sb.offsets, len(sb.s))
	}
	return sb.runes, sb.offsets
}

func newSubject(v starlark.Value) (*subject, error) {
	switch x := v.(type) {
	case starlark.String:
		return &subject{orig: v, s: string(x), ascii: isASCII(string(x))}, nil
	case starlark.Bytes:
		return &subject{orig: v, s: latin1(string(x)), bytes: true, ascii: isASCII(string(x))}, nil
	case *pylib.ByteArray:
		b := string(x.Bytes())
		return &subject{orig: v, s: latin1(b), bytes: true, ascii: isASCII(b)}, nil
	}
	return nil, exc.TypeError("expected string or bytes-like object, got '%s'", pyargs.TypeName(v))
}

// index is the Python index of RE2 offset off.
func (sb *subject) index(off int) int {
	if off < 0 || sb.ascii {
		return off
	}
	return utf8.RuneCountInString(sb.s[:off])
}

// offset is the RE2 offset of Python index i, clamped to the string.
func (sb *subject) offset(i int) int {
	if i <= 0 {
		return 0
	}
	if sb.ascii {
		return min(i, len(sb.s))
	}
	n := 0
	for off := range sb.s {
		if n == i {
			return off
		}
		n++
	}
	return len(sb.s)
}

// length is len() of the subject in Python.
func (sb *subject) length() int { return sb.index(len(sb.s)) }

// wrap turns text in RE2 form back into the subject's type.
func (sb *subject) wrap(s string) starlark.Value {
	if sb.bytes {
		return starlark.Bytes(unlatin1(s))
	}
	return starlark.String(s)
}

// slice is the subject from RE2 offset a to b.
func (sb *subject) slice(a, b int) starlark.Value { return sb.wrap(sb.s[a:b]) }

// all finds successive matches in s[pos:end] as Python 3.7+ does: an
// empty match right after a non-empty one counts, an empty match may not
// repeat at the same place. limit < 0 means no limit.
func (prog *program) all(sb *subject, pos, end, limit int) ([][]int, error) {
	if prog.re2 != nil && prog.context && pos == 0 {
		// ^ and \b need the text before pos, which only RE2's own loop sees
		return prog.re2.FindAllStringSubmatchIndex(sb.s[:end], limit), nil
	}
	var out [][]int
	mustAdvance := false
	for pos <= end && (limit < 0 || len(out) < limit) {
		loc, err := prog.search.find(sb, pos, end)
		if err != nil || loc == nil {
			return out, err
		}
		if mustAdvance && loc[0] == pos && loc[1] == pos {
			if pos >= end {
				break
			}
			_, w := utf8.DecodeRuneInString(sb.s[pos:end])
			if loc, err = prog.search.find(sb, pos+w, end); err != nil || loc == nil {
				return out, err
			}
		}
		out = append(out, loc)
		mustAdvance = loc[0] == loc[1]
		pos = loc[1]
	}
	return out, nil
}
