// Package pyrepr formats Starlark values the way Python prints them:
// 'single' quoted strings, b'..' bytes, (1,) tuples, True/False/None.
package pyrepr

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.starlark.net/starlark"
)

// Reprer is implemented by values that know their own Python repr.
type Reprer interface{ PyRepr() string }

// Strer is implemented by values whose str() differs from their repr.
type Strer interface{ PyStr() string }

// Failer is implemented by values whose str()/repr() run script code
// that may raise (a class's __str__): StrErr and ReprErr report it.
type Failer interface {
	PyStrErr() (string, error)
	PyReprErr() (string, error)
}

// StrErr is str(v), with the error a script __str__ raised.
func StrErr(v starlark.Value) (string, error) {
	if f, ok := v.(Failer); ok {
		return f.PyStrErr()
	}
	return Str(v), nil
}

// ReprErr is repr(v), with the error a script __repr__ raised.
func ReprErr(v starlark.Value) (string, error) {
	if f, ok := v.(Failer); ok {
		return f.PyReprErr()
	}
	return Repr(v), nil
}

// Repr returns Python's repr(v).
func Repr(v starlark.Value) string {
	var b strings.Builder
	writeRepr(&b, v, nil)
	return b.String()
}

// Str returns Python's str(v): strings unquoted, everything else as repr.
func Str(v starlark.Value) string {
	switch v := v.(type) {
	case starlark.String:
		return string(v)
	case Strer:
		return v.PyStr()
	}
	return Repr(v)
}

// typeNames are the builtins that are Python types.
var typeNames = map[string]bool{
	"int": true, "float": true, "bool": true, "str": true, "list": true, "dict": true,
	"tuple": true, "bytes": true, "set": true, "range": true, "bytearray": true, "frozenset": true,
}

func writeRepr(b *strings.Builder, v starlark.Value, seen map[starlark.Value]bool) {
	switch v := v.(type) {
	case Reprer:
		b.WriteString(v.PyRepr())
	case starlark.NoneType:
		b.WriteString("None")
	case starlark.Bool:
		if v {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case starlark.String:
		b.WriteString(QuoteString(string(v)))
	case starlark.Bytes:
		b.WriteString(QuoteBytes(string(v)))
	case starlark.Float:
		b.WriteString(Float(float64(v)))
	case starlark.Int:
		b.WriteString(v.String())
	case starlark.Tuple:
		b.WriteByte('(')
		for i, x := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			writeRepr(b, x, seen)
		}
		if len(v) == 1 {
			b.WriteByte(',')
		}
		b.WriteByte(')')
	case *starlark.List:
		if seen[v] {
			b.WriteString("[...]")
			return
		}
		seen = mark(seen, v)
		b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			writeRepr(b, v.Index(i), seen)
		}
		b.WriteByte(']')
		delete(seen, v)
	case *starlark.Dict:
		if seen[v] {
			b.WriteString("{...}")
			return
		}
		seen = mark(seen, v)
		b.WriteByte('{')
		for i, item := range v.Items() {
			if i > 0 {
				b.WriteString(", ")
			}
			writeRepr(b, item[0], seen)
			b.WriteString(": ")
			writeRepr(b, item[1], seen)
		}
		b.WriteByte('}')
		delete(seen, v)
	case *starlark.Set:
		if v.Len() == 0 {
			b.WriteString("set()")
			return
		}
		b.WriteByte('{')
		for i, x := range SetElems(v) { // setorder.go: CPython's order
			if i > 0 {
				b.WriteString(", ")
			}
			writeRepr(b, x, seen)
		}
		b.WriteByte('}')
	case *starlark.Function:
		b.WriteString("<function " + FuncName(v.Name()) + ">")
	case *starlark.Builtin:
		if r := v.Receiver(); r != nil {
			writeMethod(b, v.Name(), r, seen)
		} else if typeNames[v.Name()] {
			b.WriteString("<class '" + v.Name() + "'>") // print(int), print(type(1))
		} else {
			b.WriteString("<built-in function " + v.Name() + ">")
		}
	default:
		if v.Type() == "range" {
			b.WriteString(rangeRepr(v))
			return
		}
		b.WriteString(v.String())
	}
}

// writeMethod writes a builtin method as CPython does: a core type's as
// <built-in method upper of str object>, a module object's as
// <bound method MQTTClient.publish of <MQTTClient c1@host:1883>>.
func writeMethod(b *strings.Builder, name string, recv starlark.Value, seen map[starlark.Value]bool) {
	switch recv.(type) {
	case starlark.String, starlark.Bytes, *starlark.List, *starlark.Dict, *starlark.Set, starlark.Tuple, starlark.Int, starlark.Float, starlark.Bool:
		b.WriteString("<built-in method " + name + " of " + coreTypeName(recv) + " object>")
		return
	}
	b.WriteString("<bound method " + recv.Type() + "." + name + " of ")
	writeRepr(b, recv, seen)
	b.WriteByte('>')
}

// coreTypeName is Python's name for a Starlark core type.
func coreTypeName(v starlark.Value) string {
	switch v.(type) {
	case starlark.String:
		return "str"
	case starlark.Tuple:
		return "tuple"
	}
	return v.Type()
}

func mark(seen map[starlark.Value]bool, v starlark.Value) map[starlark.Value]bool {
	if seen == nil {
		seen = map[starlark.Value]bool{}
	}
	seen[v] = true
	return seen
}

// Float formats f as Python's repr(float) does.
func Float(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // shortest round-trip digits
	i := strings.LastIndexByte(e, 'e')
	exp, _ := strconv.Atoi(e[i+1:])
	if exp >= -5 && exp < 16 {
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.ContainsAny(s, ".") {
			s += ".0"
		}
		if exp == -5 { // Python switches to exponent form below 1e-4
			return pyExp(e[:i], exp)
		}
		return s
	}
	return pyExp(e[:i], exp)
}

func pyExp(mant string, exp int) string {
	sign := "+"
	if exp < 0 {
		sign = "-"
		exp = -exp
	}
	es := strconv.Itoa(exp)
	if len(es) < 2 {
		es = "0" + es
	}
	return mant + "e" + sign + es
}

// QuoteString returns s quoted as Python's repr(str).
func QuoteString(s string) string {
	q := quoteChar(s)
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == utf8.RuneError:
			b.WriteString(`\ufffd`)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			b.WriteString(`\x`)
			b.WriteString(hex2(byte(r)))
		case !unicode.IsPrint(r) && r != ' ':
			if r > 0xffff {
				b.WriteString(`\U` + pad(strconv.FormatInt(int64(r), 16), 8))
			} else {
				b.WriteString(`\u` + pad(strconv.FormatInt(int64(r), 16), 4))
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// QuoteBytes returns s quoted as Python's repr(bytes).
func QuoteBytes(s string) string {
	q := quoteChar(s)
	var b strings.Builder
	b.WriteString("b")
	b.WriteByte(q)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == q || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c >= 0x7f:
			b.WriteString(`\x` + hex2(c))
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// quoteChar picks ' unless the text contains ' and no ", as Python does.
func quoteChar(s string) byte {
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		return '"'
	}
	return '\''
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

func pad(s string, n int) string {
	for len(s) < n {
		s = "0" + s
	}
	return s
}

// FuncName is the Python name of a function the translator compiled
// under another: a generator's body is _gen_NAME, a class body's
// method _cv_NAME (pycompat's classscope.go).
func FuncName(name string) string {
	for {
		switch {
		case strings.HasPrefix(name, "_gen_") && len(name) > 5:
			name = name[5:]
		case strings.HasPrefix(name, "_cv_") && len(name) > 4:
			name = name[4:]
		default:
			return name
		}
	}
}
