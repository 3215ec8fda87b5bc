package pyargs

import (
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Unpack binds args and kwargs to names as Python does (each once,
// positional in order) and stores them through out, one pointer per name.
// Names ending in "?" are optional; an optional argument not given leaves
// its value nil.
func Unpack(fn string, args starlark.Tuple, kwargs []starlark.Tuple, names []string, out ...*starlark.Value) error {
	if len(args) > len(names) {
		return exc.TypeError("%s() takes at most %d arguments (%d given)", fn, len(names), len(args))
	}
	for i, a := range args {
		*out[i] = a
	}
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		i := index(names, k)
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

// index finds the name k, ignoring the optional mark; -1 if absent.
func index(names []string, k string) int {
	for i, n := range names {
		if strings.TrimSuffix(n, "?") == k {
			return i
		}
	}
	return -1
}

// Args is one call's arguments bound by name.
type Args struct {
	Fn    string // the function, for error messages
	names []string
	vals  []starlark.Value
}

// Bind is Unpack into an Args, for functions that read their arguments
// by name.
func Bind(fn string, args starlark.Tuple, kwargs []starlark.Tuple, names ...string) (*Args, error) {
	a := &Args{Fn: fn, names: names, vals: make([]starlark.Value, len(names))}
	out := make([]*starlark.Value, len(names))
	for i := range out {
		out[i] = &a.vals[i]
	}
	if err := Unpack(fn, args, kwargs, names, out...); err != nil {
		return nil, err
	}
	return a, nil
}

// Value is the argument given as name, or nil if it was not given.
func (a *Args) Value(name string) starlark.Value {
	if i := index(a.names, name); i >= 0 {
		return a.vals[i]
	}
	return nil
}

// Given reports whether name was given at all (None included).
func (a *Args) Given(name string) bool { return a.Value(name) != nil }

// Has reports whether name was given and is not None.
func (a *Args) Has(name string) bool { return !IsNone(a.Value(name)) }

// Str returns a str or bytes argument, or def when absent or None.
func (a *Args) Str(name, def string) (string, error) {
	if !a.Has(name) {
		return def, nil
	}
	if s, ok := AsText(a.Value(name)); ok {
		return s, nil
	}
	return "", exc.TypeError("%s: argument '%s' must be str, not %s", a.Fn, name, TypeName(a.Value(name)))
}

// Need is Str for a required argument that may not be empty either.
func (a *Args) Need(name string) (string, error) {
	s, err := a.Str(name, "")
	if err == nil && s == "" {
		err = exc.ValueError("%s: argument '%s' must not be empty", a.Fn, name)
	}
	return s, err
}

// Int returns an int argument, or def when absent or None.
func (a *Args) Int(name string, def int) (int, error) {
	if !a.Has(name) {
		return def, nil
	}
	n, err := Int64(a.Fn, name, a.Value(name))
	if err == nil && n != int64(int(n)) {
		err = exc.ValueError("%s: argument '%s' out of range: %d", a.Fn, name, n)
	}
	return int(n), err
}

// IntOrStr returns an int or decimal str argument as its decimal text, or
// "" when absent or None.
func (a *Args) IntOrStr(name string) (string, error) {
	if !a.Has(name) {
		return "", nil
	}
	return IntOrStr(a.Fn, name, a.Value(name))
}
