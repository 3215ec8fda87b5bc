package ujson

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// decoder parses JSON as CPython's json.loads does: ints stay ints, NaN and
// Infinity are accepted, and errors carry CPython's messages and positions.
type decoder struct {
	s     string
	pos   int // byte offset
	hooks *hooks
}

// hooks are loads' object_hook and object_pairs_hook (nil when not given).
type hooks struct {
	thread              *starlark.Thread
	object, objectPairs starlark.Value
}

// finish is a parsed object as the hooks make it: object_pairs_hook(list
// of pairs) wins over object_hook(dict).
func (d *decoder) finish(dict *starlark.Dict) (starlark.Value, error) {
	h := d.hooks
	switch {
	case h == nil:
		return dict, nil
	case h.objectPairs != nil:
		items := dict.Items()
		pairs := make([]starlark.Value, len(items))
		for i, kv := range items {
			pairs[i] = kv
		}
		return starlark.Call(h.thread, h.objectPairs, starlark.Tuple{starlark.NewList(pairs)}, nil)
	case h.object != nil:
		return starlark.Call(h.thread, h.object, starlark.Tuple{dict}, nil)
	}
	return dict, nil
}

// Decode parses one JSON document.
func Decode(s string) (starlark.Value, error) { return decodeWith(s, nil) }

func decodeWith(s string, h *hooks) (starlark.Value, error) {
	d := &decoder{s: s, hooks: h}
	if strings.HasPrefix(s, "\ufeff") {
		return nil, d.errorAt("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0)
	}
	d.space()
	v, err := d.value(0)
	if err != nil {
		return nil, err
	}
	d.space()
	if d.pos != len(d.s) {
		return nil, d.errorAt("Extra data", d.pos)
	}
	return v, nil
}

// errorAt is CPython's JSONDecodeError text; positions count characters.
func (d *decoder) errorAt(msg string, byteOff int) error {
	prefix := d.s[:byteOff]
	char := utf8.RuneCountInString(prefix)
	line := strings.Count(prefix, "\n") + 1
	col := char + 1
	if i := strings.LastIndexByte(prefix, '\n'); i >= 0 {
		col = char - utf8.RuneCountInString(prefix[:i+1]) + 1
	}
	e := exc.New(jsonDecodeError, "%s: line %d column %d (char %d)", msg, line, col, char)
	e.Attrs = map[string]any{"msg": msg, "doc": d.s, "pos": char, "lineno": line, "colno": col}
	return e
}

func (d *decoder) space() {
	for d.pos < len(d.s) {
		switch d.s[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

func (d *decoder) value(depth int) (starlark.Value, error) {
	if depth > maxDepth {
		return nil, exc.New("RecursionError", "maximum recursion depth exceeded while decoding a JSON document")
	}
	if d.pos >= len(d.s) {
		return nil, d.errorAt("Expecting value", d.pos)
	}
	switch c := d.s[d.pos]; {
	case c == '"':
		s, err := d.str()
		return starlark.String(s), err
	case c == '{':
		return d.object(depth)
	case c == '[':
		return d.array(depth)
	case c == '-' || c >= '0' && c <= '9':
		return d.number()
	}
	for _, lit := range []struct {
		text string
		v    starlark.Value
	}{
		{"null", starlark.None}, {"true", starlark.True}, {"false", starlark.False},
		{"NaN", starlark.Float(math.NaN())}, {"Infinity", starlark.Float(math.Inf(1))},
		{"-Infinity", starlark.Float(math.Inf(-1))},
	} {
		if strings.HasPrefix(d.s[d.pos:], lit.text) {
			d.pos += len(lit.text)
			return lit.v, nil
		}
	}
	return nil, d.errorAt("Expecting value", d.pos)
}

func digits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// number matches -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?
func (d *decoder) number() (starlark.Value, error) {
	s, start := d.s, d.pos
	i := start
	if s[i] == '-' {
		if strings.HasPrefix(s[i:], "-Infinity") {
			d.pos += len("-Infinity")
			return starlark.Float(math.Inf(-1)), nil
		}
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		i = digits(s, i)
	default:
		return nil, d.errorAt("Expecting value", start)
	}
	isFloat := false
	if i+1 < len(s) && s[i] == '.' && s[i+1] >= '0' && s[i+1] <= '9' {
		i = digits(s, i+1)
		isFloat = true
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if k := digits(s, j); k > j {
			i, isFloat = k, true
		}
	}
	d.pos = i
	text := s[start:i]
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && !strings.Contains(err.Error(), "range") {
			return nil, d.errorAt("Expecting value", start)
		}
		return starlark.Float(f), nil // out of range gives ±inf or 0, as in CPython
	}
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return starlark.MakeInt64(n), nil
	}
	n, _ := new(big.Int).SetString(text, 10)
	return starlark.MakeBigInt(n), nil
}

// str reads a string whose opening quote is at d.pos.
func (d *decoder) str() (string, error) {
	begin := d.pos
	d.pos++
	var b strings.Builder
	for {
		if d.pos >= len(d.s) {
			return "", d.errorAt("Unterminated string starting at", begin)
		}
		c := d.s[d.pos]
		switch {
		case c == '"':
			d.pos++
			return b.String(), nil
		case c < 0x20:
			return "", d.errorAt("Invalid control character at", d.pos)
		case c != '\\':
			b.WriteByte(c)
			d.pos++
			continue
		}
		// an escape
		if d.pos+1 >= len(d.s) {
			return "", d.errorAt("Unterminated string starting at", begin)
		}
		esc := d.s[d.pos+1]
		if r, ok := simpleEscapes[esc]; ok {
			b.WriteByte(r)
			d.pos += 2
			continue
		}
		if esc != 'u' {
			return "", d.errorAt(`Invalid \escape`, d.pos)
		}
		r, err := d.hex4(d.pos)
		if err != nil {
			return "", err
		}
		d.pos += 6
		if utf16.IsSurrogate(r) && r < 0xdc00 && strings.HasPrefix(d.s[d.pos:], `\u`) {
			if lo, err := d.hex4(d.pos); err == nil && lo >= 0xdc00 && lo <= 0xdfff {
				r = utf16.DecodeRune(r, lo)
				d.pos += 6
			}
		}
		b.WriteRune(r) // a lone surrogate becomes U+FFFD: Go strings hold UTF-8 only
	}
}

var simpleEscapes = map[byte]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

func (d *decoder) hex4(at int) (rune, error) {
	if at+6 > len(d.s) {
		return 0, d.errorAt(`Invalid \uXXXX escape`, at+1)
	}
	n, err := strconv.ParseUint(d.s[at+2:at+6], 16, 32)
	if err != nil || strings.ContainsAny(d.s[at+2:at+6], "+-") {
		return 0, d.errorAt(`Invalid \uXXXX escape`, at+1)
	}
	return rune(n), nil
}

func (d *decoder) object(depth int) (starlark.Value, error) {
	dict := starlark.NewDict(0)
	d.pos++ // {
	d.space()
	if d.pos < len(d.s) && d.s[d.pos] == '}' {
		d.pos++
		return d.finish(dict)
	}
	for {
		if d.pos >= len(d.s) || d.s[d.pos] != '"' {
			return nil, d.errorAt("Expecting property name enclosed in double quotes", d.pos)
		}
		key, err := d.str()
		if err != nil {
			return nil, err
		}
		d.space()
		if d.pos >= len(d.s) || d.s[d.pos] != ':' {
			return nil, d.errorAt("Expecting ':' delimiter", d.pos)
		}
		d.pos++
		d.space()
		v, err := d.value(depth + 1)
		if err != nil {
			return nil, err
		}
		if err := dict.SetKey(starlark.String(key), v); err != nil {
			return nil, err
		}
		d.space()
		if d.pos < len(d.s) && d.s[d.pos] == '}' {
			d.pos++
			return d.finish(dict)
		}
		if d.pos >= len(d.s) || d.s[d.pos] != ',' {
			return nil, d.errorAt("Expecting ',' delimiter", d.pos)
		}
		d.pos++
		d.space()
	}
}

func (d *decoder) array(depth int) (starlark.Value, error) {
	var elems []starlark.Value
	d.pos++ // [
	d.space()
	if d.pos < len(d.s) && d.s[d.pos] == ']' {
		d.pos++
		return starlark.NewList(elems), nil
	}
	for {
		v, err := d.value(depth + 1)
		if err != nil {
			return nil, err
		}
		elems = append(elems, v)
		d.space()
		if d.pos < len(d.s) && d.s[d.pos] == ']' {
			d.pos++
			return starlark.NewList(elems), nil
		}
		if d.pos >= len(d.s) || d.s[d.pos] != ',' {
			return nil, d.errorAt("Expecting ',' delimiter", d.pos)
		}
		d.pos++
		d.space()
	}
}
