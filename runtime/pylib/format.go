package pylib

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// formatSpec is Python's format-spec mini-language:
// [[fill]align][sign][#][0][width][,|_][.precision][type]
type formatSpec struct {
	fill      rune
	align     byte // 0, '<', '>', '^', '='
	sign      byte // 0, '+', '-', ' '
	alt       bool
	zero      bool
	width     int
	grouping  byte
	precision int // -1: none
	typ       byte
}

func parseSpec(s string) (formatSpec, error) {
	sp := formatSpec{fill: ' ', precision: -1}
	rs := []rune(s)
	i := 0
	isAlign := func(r rune) bool { return r == '<' || r == '>' || r == '^' || r == '=' }
	if len(rs) >= 2 && isAlign(rs[1]) {
		sp.fill, sp.align = rs[0], byte(rs[1])
		i = 2
	} else if len(rs) >= 1 && isAlign(rs[0]) {
		sp.align = byte(rs[0])
		i = 1
	}
	if i < len(rs) && (rs[i] == '+' || rs[i] == '-' || rs[i] == ' ') {
		sp.sign = byte(rs[i])
		i++
	}
	if i < len(rs) && rs[i] == '#' {
		sp.alt = true
		i++
	}
	if i < len(rs) && rs[i] == '0' {
		sp.zero = true
		i++
	}
	start := i
	for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
		i++
	}
	if i > start {
		sp.width, _ = strconv.Atoi(string(rs[start:i]))
	}
	if i < len(rs) && (rs[i] == ',' || rs[i] == '_') {
		sp.grouping = byte(rs[i])
		i++
	}
	if i < len(rs) && rs[i] == '.' {
		i++
		start = i
		for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
			i++
		}
		if i == start {
			return sp, exc.ValueError("Format specifier missing precision")
		}
		sp.precision, _ = strconv.Atoi(string(rs[start:i]))
	}
	if i < len(rs) {
		sp.typ = byte(rs[i])
		i++
	}
	if i != len(rs) {
		return sp, exc.ValueError("Invalid format specifier '%s'", s)
	}
	return sp, nil
}

// formatValue is Python's format(v, spec).
// Formatter is a Go value with its own __format__ (datetime's strftime).
type Formatter interface {
	PyFormat(spec string) (string, error)
}

func formatValue(v starlark.Value, spec string) (string, error) {
	if inst, ok := v.(*Instance); ok {
		if r, ok, err := inst.dunder("__format__", starlark.String(spec)); ok {
			if err != nil {
				return "", err
			}
			s, isStr := r.(starlark.String)
			if !isStr {
				return "", exc.TypeError("__format__ must return a str, not %s", typeName(r))
			}
			return string(s), nil
		}
	}
	if f, ok := v.(Formatter); ok {
		return f.PyFormat(spec)
	}
	if spec == "" {
		return pyrepr.StrErr(v)
	}
	sp, err := parseSpec(spec)
	if err != nil {
		return "", err
	}
	switch x := v.(type) {
	case starlark.Bool:
		return sp.formatInt(boolInt(bool(x)), "bool") // bool formats as int once a spec is given
	case starlark.Int:
		return sp.formatInt(x.BigInt(), "int")
	case starlark.Float:
		return sp.formatFloat(float64(x))
	case starlark.String:
		if sp.typ != 0 && sp.typ != 's' {
			return "", exc.ValueError("Unknown format code '%c' for object of type 'str'", sp.typ)
		}
		if sp.sign != 0 {
			return "", exc.ValueError("Sign not allowed in string format specifier")
		}
		if sp.grouping != 0 {
			return "", exc.ValueError("Cannot specify '%c' with 's'.", sp.grouping)
		}
		s := string(x)
		if sp.precision >= 0 && utf8.RuneCountInString(s) > sp.precision {
			s = string([]rune(s)[:sp.precision])
		}
		return sp.pad(s, '<'), nil
	}
	return "", exc.TypeError("unsupported format string passed to %s.__format__", typeName(v))
}

func boolInt(b bool) *big.Int {
	if b {
		return big.NewInt(1)
	}
	return big.NewInt(0)
}

// pad applies fill, alignment and width; def is the type's default align.
func (sp formatSpec) pad(s string, def byte) string {
	n := utf8.RuneCountInString(s)
	if n >= sp.width {
		return s
	}
	align := sp.align
	fill := string(sp.fill)
	if align == 0 {
		align = def
		if sp.zero {
			fill = "0"
			if def == '>' {
				align = '='
			}
		}
	}
	gap := sp.width - n
	switch align {
	case '<':
		return s + strings.Repeat(fill, gap)
	case '^':
		return strings.Repeat(fill, gap/2) + s + strings.Repeat(fill, gap-gap/2)
	case '=':
		// after the sign and base prefix
		k := 0
		if k < len(s) && (s[k] == '-' || s[k] == '+' || s[k] == ' ') {
			k++
		}
		if k+1 < len(s) && s[k] == '0' && strings.ContainsRune("xXoObB", rune(s[k+1])) {
			k += 2
		}
		return s[:k] + strings.Repeat(fill, gap) + s[k:]
	}
	return strings.Repeat(fill, gap) + s
}

func (sp formatSpec) signed(neg bool, digits string) string {
	switch {
	case neg:
		return "-" + digits
	case sp.sign == '+':
		return "+" + digits
	case sp.sign == ' ':
		return " " + digits
	}
	return digits
}

func group(digits string, sep byte, every int) string {
	if sep == 0 || len(digits) <= every {
		return digits
	}
	var sb strings.Builder
	first := len(digits) % every
	if first > 0 {
		sb.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += every {
		if sb.Len() > 0 {
			sb.WriteByte(sep)
		}
		sb.WriteString(digits[i : i+every])
	}
	return sb.String()
}

func (sp formatSpec) formatInt(n *big.Int, tname string) (string, error) {
	neg := n.Sign() < 0
	abs := new(big.Int).Abs(n)
	var digits, prefix string
	switch sp.typ {
	case 0, 'd', 'n':
		digits = group(abs.String(), sp.grouping, 3)
	case 'x', 'X':
		digits = group(abs.Text(16), sp.grouping, 4)
		prefix = "0x"
		if sp.typ == 'X' {
			digits, prefix = strings.ToUpper(digits), "0X"
		}
	case 'o':
		digits, prefix = group(abs.Text(8), sp.grouping, 4), "0o"
	case 'b':
		digits, prefix = group(abs.Text(2), sp.grouping, 4), "0b"
	case 'c':
		if !n.IsInt64() || n.Int64() < 0 || n.Int64() > 0x10ffff {
			return "", exc.New("OverflowError", "%%c arg not in range(0x110000)")
		}
		return sp.pad(string(rune(n.Int64())), '<'), nil
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f, _ := new(big.Float).SetInt(n).Float64()
		return sp.formatFloat(f)
	default:
		return "", exc.ValueError("Unknown format code '%c' for object of type '%s'", sp.typ, tname)
	}
	if sp.precision >= 0 {
		return "", exc.ValueError("Precision not allowed in integer format specifier")
	}
	if !sp.alt {
		prefix = ""
	}
	return sp.pad(sp.signed(neg, prefix+digits), '>'), nil
}

func (sp formatSpec) formatFloat(f float64) (string, error) {
	neg := math.Signbit(f) && !math.IsNaN(f)
	a := math.Abs(f)
	prec := sp.precision
	var s string
	switch {
	case math.IsInf(a, 0):
		s = "inf"
	case math.IsNaN(a):
		s = "nan"
	}
	if s != "" {
		if sp.typ == 'E' || sp.typ == 'F' || sp.typ == 'G' {
			s = strings.ToUpper(s)
		}
		return sp.pad(sp.signed(neg, s), '>'), nil
	}
	switch sp.typ {
	case 'f', 'F':
		if prec < 0 {
			prec = 6
		}
		s = strconv.FormatFloat(a, 'f', prec, 64)
		if sp.alt && prec == 0 {
			s += "."
		}
	case 'e', 'E':
		if prec < 0 {
			prec = 6
		}
		s = strconv.FormatFloat(a, 'e', prec, 64)
		if sp.typ == 'E' {
			s = strings.ToUpper(s)
		}
	case '%':
		if prec < 0 {
			prec = 6
		}
		s = strconv.FormatFloat(a*100, 'f', prec, 64) + "%"
	case 'g', 'G', 0, 'n':
		if sp.typ == 0 && prec < 0 {
			s = pyrepr.Float(a)
			break
		}
		if prec < 0 {
			prec = 6
		}
		if prec == 0 {
			prec = 1
		}
		s = pyGeneral(a, prec, sp.alt || sp.typ == 0, sp.typ == 0)
		if sp.typ == 0 && !sp.alt {
			s = trimZeros(s)
		}
		if sp.typ == 'G' {
			s = strings.ToUpper(s)
		}
	default:
		return "", exc.ValueError("Unknown format code '%c' for object of type 'float'", sp.typ)
	}
	if sp.grouping != 0 {
		intPart, rest := s, ""
		if i := strings.IndexAny(s, ".e%"); i >= 0 {
			intPart, rest = s[:i], s[i:]
		}
		s = group(intPart, sp.grouping, 3) + rest
	}
	return sp.pad(sp.signed(neg, s), '>'), nil
}

// trimZeros drops trailing fractional zeros but keeps one digit after
// the point, as repr-style float formatting does.
func trimZeros(s string) string {
	mant, ex := s, ""
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		mant, ex = s[:i], s[i:]
	}
	if strings.Contains(mant, ".") {
		mant = strings.TrimRight(mant, "0")
		if strings.HasSuffix(mant, ".") {
			if ex != "" {
				mant = strings.TrimSuffix(mant, ".")
			} else {
				mant += "0"
			}
		}
	}
	return mant + ex
}

// pyGeneral is Python's 'g' presentation with p significant digits; with
// reprStyle (no presentation type) exponents start at p-1.
func pyGeneral(a float64, p int, alt, reprStyle bool) string {
	e := strconv.FormatFloat(a, 'e', p-1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	limit := p
	if reprStyle {
		limit = p - 1
	}
	var s string
	if exp >= -4 && exp < limit {
		s = strconv.FormatFloat(a, 'f', p-1-exp, 64)
		if !alt && strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		if alt && !strings.Contains(s, ".") {
			s += "."
		}
		return s
	}
	mant, ex := e[:strings.IndexByte(e, 'e')], e[strings.IndexByte(e, 'e'):]
	if !alt && strings.Contains(mant, ".") {
		mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
	}
	return mant + ex
}

// pyFormat is str.format: fmt with {} {0} {name} {!r} {:spec} fields.
func pyFormat(thread *starlark.Thread, format string, args starlark.Tuple, kwargs []starlark.Tuple) (string, error) {
	var sb strings.Builder
	auto := 0
	manual := false
	kw := map[string]starlark.Value{}
	for _, kv := range kwargs {
		kw[string(kv[0].(starlark.String))] = kv[1]
	}
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c == '}' {
			if i+1 < len(format) && format[i+1] == '}' {
				sb.WriteByte('}')
				i++
				continue
			}
			return "", exc.ValueError("Single '}' encountered in format string")
		}
		if c != '{' {
			sb.WriteByte(c)
			continue
		}
		if i+1 < len(format) && format[i+1] == '{' {
			sb.WriteByte('{')
			i++
			continue
		}
		// find the matching '}' (specs may nest one level of fields)
		depth, j := 1, i+1
		for ; j < len(format) && depth > 0; j++ {
			switch format[j] {
			case '{':
				depth++
			case '}':
				depth--
			}
		}
		if depth != 0 {
			return "", exc.ValueError("expected '}' before end of string")
		}
		field := format[i+1 : j-1]
		i = j - 1
		name, conv, spec := field, "", ""
		if k := strings.IndexByte(name, ':'); k >= 0 {
			name, spec = name[:k], name[k+1:]
		}
		if k := strings.IndexByte(name, '!'); k >= 0 {
			name, conv = name[:k], name[k+1:]
		}
		v, err := lookupField(name, args, kw, &auto, &manual)
		if err != nil {
			return "", err
		}
		if strings.Contains(spec, "{") { // the outer field takes its argument first
			if spec, err = expandNestedSpec(spec, args, kw, &auto, &manual); err != nil { // corpus_format.go
				return "", err
			}
		}
		switch conv {
		case "":
		case "r", "a":
			r, err := pyrepr.ReprErr(v)
			if err != nil {
				return "", err
			}
			v = starlark.String(r)
		case "s":
			r, err := pyrepr.StrErr(v)
			if err != nil {
				return "", err
			}
			v = starlark.String(r)
		default:
			return "", exc.ValueError("Unknown conversion specifier %s", conv)
		}
		s, err := formatValue(v, spec)
		if err != nil {
			return "", err
		}
		sb.WriteString(s)
	}
	return sb.String(), nil
}

// lookupField resolves a field name: "" (next), "0", "name", with .attr
// and [key] accessors.
func lookupField(name string, args starlark.Tuple, kw map[string]starlark.Value, auto *int, manual *bool) (starlark.Value, error) {
	end := strings.IndexAny(name, ".[")
	if end < 0 {
		end = len(name)
	}
	head, rest := name[:end], name[end:]
	var v starlark.Value
	switch {
	case head == "":
		if *manual {
			return nil, exc.ValueError("cannot switch from manual field specification to automatic field numbering")
		}
		if *auto >= len(args) {
			return nil, exc.New("IndexError", "Replacement index %d out of range for positional args tuple", *auto)
		}
		v = args[*auto]
		*auto++
	case head[0] >= '0' && head[0] <= '9':
		n, err := strconv.Atoi(head)
		if err != nil {
			return nil, exc.ValueError("invalid field name %q", head)
		}
		if *auto > 0 {
			return nil, exc.ValueError("cannot switch from automatic field numbering to manual field specification")
		}
		*manual = true
		if n >= len(args) {
			return nil, exc.New("IndexError", "Replacement index %d out of range for positional args tuple", n)
		}
		v = args[n]
	default:
		var ok bool
		if v, ok = kw[head]; !ok {
			return nil, exc.KeyError("'%s'", head)
		}
	}
	for rest != "" {
		if rest[0] == '.' {
			k := strings.IndexAny(rest[1:], ".[")
			if k < 0 {
				k = len(rest) - 1
			}
			attr := rest[1 : 1+k]
			rest = rest[1+k:]
			var nv starlark.Value
			var err error
			if ValueAttrs[attr] {
				nv, err = valueAttr(nil, v, attr) // "{0.real}"
			} else if ha, ok := v.(starlark.HasAttrs); ok {
				nv, err = ha.Attr(attr)
			}
			if err != nil || nv == nil {
				return nil, exc.New("AttributeError", "'%s' object has no attribute '%s'", typeName(v), attr)
			}
			v = nv
			continue
		}
		k := strings.IndexByte(rest, ']')
		if k < 0 {
			return nil, exc.ValueError("Missing ']' in format string")
		}
		key := rest[1:k]
		rest = rest[k+1:]
		var kv starlark.Value = starlark.String(key)
		if n, err := strconv.Atoi(key); err == nil {
			kv = starlark.MakeInt(n)
		}
		nv, err := getItem(v, kv)
		if err != nil {
			return nil, err
		}
		v = nv
	}
	return v, nil
}

func getItem(v, k starlark.Value) (starlark.Value, error) {
	switch c := v.(type) {
	case starlark.Mapping:
		r, found, err := c.Get(k)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, exc.KeyError("%s", pyrepr.Repr(k))
		}
		return r, nil
	case starlark.Indexable:
		i, err := starlark.AsInt32(k)
		if err != nil {
			return nil, exc.TypeError("indices must be integers")
		}
		if i < 0 {
			i += c.Len()
		}
		if i < 0 || i >= c.Len() {
			return nil, exc.New("IndexError", "%s index out of range", typeName(v))
		}
		return c.Index(i), nil
	}
	return nil, exc.TypeError("'%s' object is not subscriptable", typeName(v))
}

// _format(s, *args, **kwargs) is s.format(...); any other receiver's own
// format method is called.
func formatBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, exc.TypeError("format: missing receiver")
	}
	s, ok := args[0].(starlark.String)
	if !ok {
		return callMethod(thread, args[0], "format", args[1:], kwargs)
	}
	r, err := pyFormat(thread, string(s), args[1:], kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.String(r), nil
}

// format(value, spec=”) is the builtin.
func formatFuncBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	spec := ""
	if err := starlark.UnpackPositionalArgs("format", args, kwargs, 1, &v, &spec); err != nil {
		return nil, err
	}
	r, err := formatValue(v, spec)
	if err != nil {
		return nil, err
	}
	return starlark.String(r), nil
}

// FormatValue is format(v, spec), Python's format-spec mini-language.
func FormatValue(v starlark.Value, spec string) (string, error) { return formatValue(v, spec) }
