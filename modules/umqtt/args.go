package umqtt

import (
	"fmt"
	"strconv"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Argument converters. QuecPython samples pass str and bytes
// interchangeably (b'host', '469948'), so every string-ish argument takes
// either; errors name the function and the argument.

// text returns v as a string when it is str or bytes.
func text(fn, arg string, v starlark.Value) (string, error) {
	switch v := v.(type) {
	case starlark.String:
		return string(v), nil
	case starlark.Bytes:
		return string(v), nil
	}
	return "", exc.TypeError("%s: argument '%s' must be str or bytes, not %s", fn, arg, pyType(v))
}

// optText is text that also accepts None (returned as ok=false).
func optText(fn, arg string, v starlark.Value) (s string, ok bool, err error) {
	if v == nil || v == starlark.None {
		return "", false, nil
	}
	s, err = text(fn, arg, v)
	return s, err == nil, err
}

// integer accepts an int (or a bool, as Python does).
func integer(fn, arg string, v starlark.Value) (int, error) {
	switch v := v.(type) {
	case starlark.Int:
		n, ok := v.Int64()
		if !ok || n != int64(int(n)) {
			return 0, exc.ValueError("%s: argument '%s' out of range: %s", fn, arg, v)
		}
		return int(n), nil
	case starlark.Bool:
		if v {
			return 1, nil
		}
		return 0, nil
	}
	return 0, exc.TypeError("%s: argument '%s' must be int, not %s", fn, arg, pyType(v))
}

// flag accepts a bool or an int, as Python's truth test on the usual
// spellings (True, 1, 0); anything else is a TypeError so typos surface.
func flag(fn, arg string, v starlark.Value) (bool, error) {
	switch v := v.(type) {
	case starlark.Bool:
		return bool(v), nil
	case starlark.Int:
		return v.Sign() != 0, nil
	case starlark.NoneType:
		return false, nil
	}
	return false, exc.TypeError("%s: argument '%s' must be bool, not %s", fn, arg, pyType(v))
}

// port accepts 0..65535 as an int or a decimal string ("1883").
func port(fn string, v starlark.Value) (int, error) {
	var n int
	switch v := v.(type) {
	case starlark.String, starlark.Bytes:
		s, _ := text(fn, "port", v)
		p, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return 0, exc.ValueError("%s: argument 'port' must be a number, got %q", fn, s)
		}
		n = p
	default:
		p, err := integer(fn, "port", v)
		if err != nil {
			return 0, exc.TypeError("%s: argument 'port' must be int or str, not %s", fn, pyType(v))
		}
		n = p
	}
	if n < 0 || n > 65535 {
		return 0, exc.ValueError("%s: argument 'port' must be 0..65535, got %d", fn, n)
	}
	return n, nil
}

// qos accepts 0, 1 or 2.
func qosArg(fn string, v starlark.Value) (byte, error) {
	n, err := integer(fn, "qos", v)
	if err != nil {
		return 0, err
	}
	if n < 0 || n > 2 {
		return 0, exc.ValueError("%s: argument 'qos' must be 0, 1 or 2, got %d", fn, n)
	}
	return byte(n), nil
}

// unpack binds args and kwargs to names in order, like Python: each name
// may be given once, positionally or by keyword. Optional names end in "?".
// Values stay raw so the converters above can give precise errors.
func unpack(fn string, args starlark.Tuple, kwargs []starlark.Tuple, names []string, out []*starlark.Value) error {
	if len(args) > len(names) {
		return exc.TypeError("%s() takes at most %d arguments (%d given)", fn, len(names), len(args))
	}
	set := make([]bool, len(names))
	for i, a := range args {
		*out[i] = a
		set[i] = true
	}
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		i := indexOf(names, k)
		if i < 0 {
			return exc.TypeError("%s() got an unexpected keyword argument '%s'", fn, k)
		}
		if set[i] {
			return exc.TypeError("%s() got multiple values for argument '%s'", fn, k)
		}
		*out[i] = kv[1]
		set[i] = true
	}
	for i, n := range names {
		if !set[i] && !strings.HasSuffix(n, "?") {
			return exc.TypeError("%s() missing required argument '%s'", fn, n)
		}
	}
	return nil
}

func indexOf(names []string, k string) int {
	for i, n := range names {
		if strings.TrimSuffix(n, "?") == k {
			return i
		}
	}
	return -1
}

// pyType names v's type as Python would ("str", not Starlark's "string").
func pyType(v starlark.Value) string {
	if t := v.Type(); t != "string" {
		return t
	}
	return "str"
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
