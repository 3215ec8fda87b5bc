// Package pyargs holds the argument conversions the standard modules share,
// so every module reports a wrong type the same Python-like way.
package pyargs

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Buffer returns the bytes of a bytes or str argument. MicroPython accepts
// str wherever a buffer is wanted (its UTF-8 bytes), and device scripts rely
// on that, so both are taken.
func Buffer(fn, param string, v starlark.Value) ([]byte, error) {
	switch v := v.(type) {
	case starlark.Bytes:
		return []byte(v), nil
	case starlark.String:
		return []byte(v), nil
	}
	return nil, exc.TypeError("%s() argument '%s' must be bytes or str, not %s", fn, param, TypeName(v))
}

// Text returns the text of a str or bytes argument.
func Text(fn, param string, v starlark.Value) (string, error) {
	b, err := Buffer(fn, param, v)
	return string(b), err
}

// TypeName is the Python name of v's type.
func TypeName(v starlark.Value) string {
	switch v.(type) {
	case starlark.NoneType:
		return "NoneType"
	case starlark.String:
		return "str"
	case starlark.Bool:
		return "bool"
	case *starlark.Function, *starlark.Builtin:
		return "function"
	}
	return v.Type()
}

// Int returns an int argument as int64.
func Int(fn, param string, v starlark.Value) (int64, error) {
	i, ok := v.(starlark.Int)
	if !ok {
		return 0, exc.TypeError("%s() argument '%s' must be int, not %s", fn, param, TypeName(v))
	}
	n, ok := i.Int64()
	if !ok {
		return 0, exc.New("OverflowError", "%s() argument '%s' is too large", fn, param)
	}
	return n, nil
}

// Number returns an int or float argument as float64.
func Number(fn, param string, v starlark.Value) (float64, error) {
	switch v := v.(type) {
	case starlark.Int:
		f, _ := starlark.AsFloat(v)
		return f, nil
	case starlark.Float:
		return float64(v), nil
	}
	return 0, exc.TypeError("%s() argument '%s' must be a number, not %s", fn, param, TypeName(v))
}

// Builtins turns a table of functions into module members.
func Builtins(fns map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)) starlark.StringDict {
	d := make(starlark.StringDict, len(fns))
	for name, f := range fns {
		d[name] = starlark.NewBuiltin(name, f)
	}
	return d
}
