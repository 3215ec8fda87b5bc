// Package pyargs converts builtin arguments the way Python code expects:
// str and bytes both count as text, keywords bind like Python's, and a
// wrong argument is a TypeError or ValueError naming the function and the
// argument.
//
// Errors come in two phrasings, because scripts and golden outputs already
// see both: the standard modules follow CPython ("f() argument 'x' must
// be int, not str": Buffer, Text, Int, Number) and the device modules use
// "f: argument 'x' must be int, not str" (NonEmpty, Int64, Bool and the
// Args methods). Keyword errors ("f() missing required argument 'x'") are
// shared.
package pyargs

import (
	"fmt"

	"go.starlark.net/starlark"
)

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

// IsNone reports whether an optional argument was left out or given as None.
func IsNone(v starlark.Value) bool { return v == nil || v == starlark.None }

// Builtins turns a table of functions into module members.
func Builtins(fns map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)) starlark.StringDict {
	d := make(starlark.StringDict, len(fns))
	for name, f := range fns {
		d[name] = starlark.NewBuiltin(name, f)
	}
	return d
}

// Dict builds a str-keyed dict from key, value pairs, keeping their order.
// Values may be string, int, int64, bool or a starlark.Value.
func Dict(kv ...any) *starlark.Dict {
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
		default:
			panic(fmt.Sprintf("pyargs.Dict: unsupported value %T for %q", x, kv[i]))
		}
		_ = d.SetKey(starlark.String(kv[i].(string)), v) // a fresh dict is never frozen
	}
	return d
}
