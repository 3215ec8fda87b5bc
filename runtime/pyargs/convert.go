package pyargs

import (
	"strconv"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// AsText returns the text of a str or bytes value; ok is false for any
// other type.
func AsText(v starlark.Value) (s string, ok bool) {
	switch v := v.(type) {
	case starlark.String:
		return string(v), true
	case starlark.Bytes:
		return string(v), true
	}
	return "", false
}

// CPython phrasing, for the standard modules.

// Buffer returns the bytes of a bytes or str argument. MicroPython accepts
// str wherever a buffer is wanted (its UTF-8 bytes), and device scripts rely
// on that, so both are taken.
func Buffer(fn, param string, v starlark.Value) ([]byte, error) {
	if s, ok := AsText(v); ok {
		return []byte(s), nil
	}
	return nil, exc.TypeError("%s() argument '%s' must be bytes or str, not %s", fn, param, TypeName(v))
}

// Text returns the text of a str or bytes argument.
func Text(fn, param string, v starlark.Value) (string, error) {
	if s, ok := AsText(v); ok {
		return s, nil
	}
	return "", exc.TypeError("%s() argument '%s' must be bytes or str, not %s", fn, param, TypeName(v))
}

// Int returns an int argument as int64; a larger one is an OverflowError.
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

// Device-module phrasing ("f: argument 'x' ..."), for auth.* and the like.

// NonEmpty returns the text of a str or bytes argument; empty text is a
// ValueError, since no credential field may be empty.
func NonEmpty(fn, arg string, v starlark.Value) (string, error) {
	s, ok := AsText(v)
	if !ok {
		return "", exc.TypeError("%s: argument '%s' must be str or bytes, not %s", fn, arg, TypeName(v))
	}
	if s == "" {
		return "", exc.ValueError("%s: argument '%s' is empty", fn, arg)
	}
	return s, nil
}

// Int64 returns an int argument that fits in int64; a larger one is a
// ValueError.
func Int64(fn, arg string, v starlark.Value) (int64, error) {
	i, ok := v.(starlark.Int)
	if !ok {
		return 0, exc.TypeError("%s: argument '%s' must be int, not %s", fn, arg, TypeName(v))
	}
	n, ok := i.Int64()
	if !ok {
		return 0, exc.ValueError("%s: argument '%s' out of range: %s", fn, arg, i)
	}
	return n, nil
}

// Bool accepts True/False, and 0/1 as QuecPython samples write them; None
// or a missing argument is False.
func Bool(fn, arg string, v starlark.Value) (bool, error) {
	switch v := v.(type) {
	case nil, starlark.NoneType:
		return false, nil
	case starlark.Bool:
		return bool(v), nil
	case starlark.Int:
		return v.Sign() != 0, nil
	}
	return false, exc.TypeError("%s: argument '%s' must be bool, not %s", fn, arg, TypeName(v))
}

// IntOrStr returns an int or decimal str argument as its decimal text.
func IntOrStr(fn, arg string, v starlark.Value) (string, error) {
	switch v := v.(type) {
	case starlark.Int:
		return v.String(), nil
	case starlark.String:
		if _, err := strconv.ParseInt(string(v), 10, 64); err != nil {
			return "", exc.ValueError("%s: argument '%s' must be a decimal number, got %q", fn, arg, string(v))
		}
		return string(v), nil
	}
	return "", exc.TypeError("%s: argument '%s' must be int or str, not %s", fn, arg, TypeName(v))
}
