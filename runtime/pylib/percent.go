package pylib

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// pyPercent is Python's printf-style `fmt % args`.
func pyPercent(format string, arg starlark.Value) (string, error) {
	return percentFormat(format, arg, false)
}

// percentFormat is str % args, or bytes % args when isBytes: %s and %b
// then take bytes-like values only, %c an int or one byte.
func percentFormat(format string, arg starlark.Value, isBytes bool) (string, error) {
	var args starlark.Tuple
	var mapping starlark.Mapping
	switch a := arg.(type) {
	case starlark.Tuple:
		args = a
	case *starlark.Dict:
		mapping = a
		args = starlark.Tuple{a}
	default:
		args = starlark.Tuple{a}
		if sub, ok := a.(interface{ PySubclassOf(string) bool }); ok && sub.PySubclassOf("tuple") {
			if seq, ok := a.(starlark.Indexable); ok { // a namedtuple gives its items, as in Python
				args = make(starlark.Tuple, seq.Len())
				for i := range args {
					args[i] = seq.Index(i)
				}
			}
		}
	}
	next := 0
	take := func() (starlark.Value, error) {
		if next >= len(args) {
			return nil, exc.TypeError("not enough arguments for format string")
		}
		v := args[next]
		next++
		return v, nil
	}
	usedMapping := false
	var sb strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			sb.WriteByte(c)
			continue
		}
		i++
		if i >= len(format) {
			return "", exc.ValueError("incomplete format")
		}
		var v starlark.Value
		if format[i] == '(' {
			k := strings.IndexByte(format[i:], ')')
			if k < 0 {
				return "", exc.ValueError("incomplete format key")
			}
			if mapping == nil {
				return "", exc.TypeError("format requires a mapping")
			}
			key := format[i+1 : i+k]
			r, found, err := mapping.Get(starlark.String(key))
			if err != nil {
				return "", err
			}
			if !found {
				return "", exc.KeyError("'%s'", key)
			}
			v = r
			usedMapping = true
			i += k + 1
		}
		var flags string
		for i < len(format) && strings.IndexByte("-+ #0", format[i]) >= 0 {
			flags += string(format[i])
			i++
		}
		width, prec := "", ""
		readNum := func() (string, error) {
			if i < len(format) && format[i] == '*' {
				i++
				w, err := take()
				if err != nil {
					return "", err
				}
				n, err := starlark.AsInt32(w)
				if err != nil {
					return "", exc.TypeError("* wants int")
				}
				return strconv.Itoa(n), nil
			}
			s := i
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				i++
			}
			return format[s:i], nil
		}
		var err error
		if width, err = readNum(); err != nil {
			return "", err
		}
		if strings.HasPrefix(width, "-") {
			flags += "-"
			width = width[1:]
		}
		if i < len(format) && format[i] == '.' {
			i++
			if prec, err = readNum(); err != nil {
				return "", err
			}
			if prec == "" {
				prec = "0"
			}
		}
		for i < len(format) && (format[i] == 'l' || format[i] == 'h' || format[i] == 'L') {
			i++
		}
		if i >= len(format) {
			return "", exc.ValueError("incomplete format")
		}
		verb := format[i]
		if verb == '%' {
			sb.WriteByte('%')
			continue
		}
		if v == nil {
			if v, err = take(); err != nil {
				return "", err
			}
		}
		if isBytes {
			if s, done, err := bytesPercentOne(verb, flags, width, prec, v); done {
				if err != nil {
					return "", err
				}
				sb.WriteString(s)
				continue
			}
		}
		s, err := percentOne(verb, flags, width, prec, v)
		if err != nil {
			return "", err
		}
		sb.WriteString(s)
	}
	if next < len(args) && !usedMapping && mapping == nil {
		return "", exc.TypeError("not all arguments converted during string formatting")
	}
	return sb.String(), nil
}

func percentOne(verb byte, flags, width, prec string, v starlark.Value) (string, error) {
	left := strings.Contains(flags, "-")
	align := ">"
	if left {
		align = "<"
	}
	numeric := strings.IndexByte("diuoxXeEfFgG", verb) >= 0
	zero := strings.Contains(flags, "0") && !left && numeric
	spec := align
	if zero {
		spec = "" // zero padding goes after the sign
	}
	if strings.Contains(flags, "+") {
		spec += "+"
	} else if strings.Contains(flags, " ") {
		spec += " "
	}
	if strings.Contains(flags, "#") && numeric {
		spec += "#"
	}
	if zero {
		spec += "0"
	}
	spec += width
	intSpec := spec
	if prec != "" {
		spec += "." + prec
	}
	switch verb {
	case 's', 'r', 'a':
		var s string
		var err error
		if verb == 's' {
			s, err = pyrepr.StrErr(v)
		} else {
			s, err = pyrepr.ReprErr(v)
		}
		if err != nil {
			return "", err
		}
		if prec != "" {
			n, _ := strconv.Atoi(prec)
			if r := []rune(s); len(r) > n {
				s = string(r[:n])
			}
		}
		sp := formatSpec{fill: ' ', align: align[0], precision: -1}
		sp.width, _ = strconv.Atoi(width)
		return sp.pad(s, '>'), nil
	case 'c':
		if s, ok := v.(starlark.String); ok {
			if utf8.RuneCountInString(string(s)) != 1 {
				return "", exc.TypeError("%%c requires int or char")
			}
			return formatValue(s, align+width)
		}
		return formatValue(v, align+width+"c")
	case 'd', 'i', 'u':
		n, err := toInt(v, verb)
		if err != nil {
			return "", err
		}
		return formatValue(n, intSpec+"d")
	case 'o', 'x', 'X':
		n, ok := v.(starlark.Int)
		if !ok {
			if b, isBool := v.(starlark.Bool); isBool {
				n = starlark.MakeInt(int(boolInt(bool(b)).Int64()))
			} else {
				return "", exc.TypeError("%%%c format: an integer is required, not %s", verb, typeName(v))
			}
		}
		return formatValue(n, intSpec+string(verb))
	case 'e', 'E', 'f', 'F', 'g', 'G':
		f, ok := starlark.AsFloat(v)
		if !ok {
			return "", exc.TypeError("must be real number, not %s", typeName(v))
		}
		if prec == "" {
			spec += ".6"
		}
		return formatValue(starlark.Float(f), spec+string(verb))
	}
	return "", exc.ValueError("unsupported format character '%c' (0x%x)", verb, verb)
}

func toInt(v starlark.Value, verb byte) (starlark.Int, error) {
	switch x := v.(type) {
	case starlark.Int:
		return x, nil
	case starlark.Bool:
		if x {
			return starlark.MakeInt(1), nil
		}
		return starlark.MakeInt(0), nil
	case starlark.Float:
		return starlark.NumberToInt(x)
	}
	return starlark.Int{}, exc.TypeError("%%%c format: a real number is required, not %s", verb, typeName(v))
}

// _mod(x, y) is Python's %: printf-style formatting for strings, the
// arithmetic operator otherwise.
func modBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 || len(kwargs) > 0 {
		return nil, exc.TypeError("_mod takes 2 arguments")
	}
	if s, ok := args[0].(starlark.String); ok {
		r, err := pyPercent(string(s), args[1])
		if err != nil {
			return nil, err
		}
		return starlark.String(r), nil
	}
	if b, ok := args[0].(starlark.Bytes); ok {
		r, err := percentFormat(string(b), args[1], true)
		if err != nil {
			return nil, err
		}
		return starlark.Bytes(r), nil
	}
	return starlark.Binary(syntax.PERCENT, args[0], args[1])
}

// bytesPercentOne formats the conversions bytes % args treats apart
// from str's: %s/%b (bytes-like values, raw), %c (an int or a byte).
func bytesPercentOne(verb byte, flags, width, prec string, v starlark.Value) (string, bool, error) {
	switch verb {
	case 's', 'b':
		var raw string
		switch b := v.(type) {
		case starlark.Bytes:
			raw = string(b)
		case *ByteArray:
			raw = string(b.b)
		default:
			return "", true, exc.TypeError("%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", typeName(v))
		}
		if prec != "" {
			if n, _ := strconv.Atoi(prec); len(raw) > n {
				raw = raw[:n]
			}
		}
		w, _ := strconv.Atoi(width)
		pad := strings.Repeat(" ", max(0, w-len(raw)))
		if strings.Contains(flags, "-") {
			return raw + pad, true, nil
		}
		return pad + raw, true, nil
	case 'c':
		switch b := v.(type) {
		case starlark.Bytes:
			if len(b) != 1 {
				return "", true, exc.TypeError("%%c requires an integer in range(256) or a single byte")
			}
			return string(b), true, nil
		case starlark.Int:
			n, ok := b.Int64()
			if !ok || n < 0 || n > 255 {
				return "", true, exc.New("OverflowError", "%%c arg not in range(256)")
			}
			return string([]byte{byte(n)}), true, nil
		}
		return "", true, exc.TypeError("%%c requires an integer in range(256) or a single byte")
	}
	return "", false, nil
}
