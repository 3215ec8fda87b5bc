package onenet

import (
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Script argument helpers. Vendor samples pass str and bytes alike, so
// every text argument takes either; errors name the function and argument.

// unpack binds args and kwargs to names like Python does; names ending in
// "?" are optional. Unset optional values stay nil.
func unpack(fn string, args starlark.Tuple, kwargs []starlark.Tuple, names []string, out ...*starlark.Value) error {
	if len(args) > len(names) {
		return exc.TypeError("%s() takes at most %d arguments (%d given)", fn, len(names), len(args))
	}
	bare := func(i int) string { return strings.TrimSuffix(names[i], "?") }
	for i, a := range args {
		*out[i] = a
	}
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		i := -1
		for j := range names {
			if bare(j) == k {
				i = j
			}
		}
		if i < 0 {
			return exc.TypeError("%s() got an unexpected keyword argument '%s'", fn, k)
		}
		if *out[i] != nil {
			return exc.TypeError("%s() got multiple values for argument '%s'", fn, k)
		}
		*out[i] = kv[1]
	}
	for i, n := range names {
		if !strings.HasSuffix(n, "?") && *out[i] == nil {
			return exc.TypeError("%s() missing required argument '%s'", fn, n)
		}
	}
	return nil
}

func pyType(v starlark.Value) string {
	if v.Type() == "string" {
		return "str"
	}
	return v.Type()
}

// text accepts str or bytes; empty is a ValueError since no credential
// field may be empty.
func text(fn, arg string, v starlark.Value) (string, error) {
	var s string
	switch v := v.(type) {
	case starlark.String:
		s = string(v)
	case starlark.Bytes:
		s = string(v)
	default:
		return "", exc.TypeError("%s: argument '%s' must be str or bytes, not %s", fn, arg, pyType(v))
	}
	if s == "" {
		return "", exc.ValueError("%s: argument '%s' is empty", fn, arg)
	}
	return s, nil
}

func isNone(v starlark.Value) bool { return v == nil || v == starlark.None }

// integer accepts an int that fits in int64.
func integer(fn, arg string, v starlark.Value) (int64, error) {
	i, ok := v.(starlark.Int)
	if !ok {
		return 0, exc.TypeError("%s: argument '%s' must be int, not %s", fn, arg, pyType(v))
	}
	n, ok := i.Int64()
	if !ok {
		return 0, exc.ValueError("%s: argument '%s' out of range: %s", fn, arg, i)
	}
	return n, nil
}

// boolean accepts True/False (and 0/1, as QuecPython samples write them).
func boolean(fn, arg string, v starlark.Value) (bool, error) {
	switch v := v.(type) {
	case nil, starlark.NoneType:
		return false, nil
	case starlark.Bool:
		return bool(v), nil
	case starlark.Int:
		return v.Sign() != 0, nil
	}
	return false, exc.TypeError("%s: argument '%s' must be bool, not %s", fn, arg, pyType(v))
}

// dict builds a str-keyed dict in the given key order.
func dict(kv ...any) *starlark.Dict {
	d := starlark.NewDict(len(kv) / 2)
	for i := 0; i+1 < len(kv); i += 2 {
		var v starlark.Value
		switch x := kv[i+1].(type) {
		case string:
			v = starlark.String(x)
		case int:
			v = starlark.MakeInt(x)
		case int64:
			v = starlark.MakeInt64(x)
		case bool:
			v = starlark.Bool(x)
		case starlark.Value:
			v = x
		}
		_ = d.SetKey(starlark.String(kv[i].(string)), v)
	}
	return d
}
