package azure

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Argument helpers for the script module: errors name the function and
// the argument, as CPython's do.

type argSet struct {
	fn   string
	vals map[string]starlark.Value
}

// bind matches args/kwargs to names (Python rules: each once, positional
// in order); names ending in "?" are optional.
func bind(fn string, args starlark.Tuple, kwargs []starlark.Tuple, names ...string) (*argSet, error) {
	a := &argSet{fn: fn, vals: map[string]starlark.Value{}}
	clean := make([]string, len(names))
	for i, n := range names {
		if n[len(n)-1] == '?' {
			n = n[:len(n)-1]
		}
		clean[i] = n
	}
	if len(args) > len(names) {
		return nil, exc.TypeError("%s() takes at most %d positional arguments (%d given)", fn, len(names), len(args))
	}
	for i, v := range args {
		a.vals[clean[i]] = v
	}
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		found := false
		for _, n := range clean {
			found = found || n == k
		}
		if !found {
			return nil, exc.TypeError("%s() got an unexpected keyword argument '%s'", fn, k)
		}
		if _, dup := a.vals[k]; dup {
			return nil, exc.TypeError("%s() got multiple values for argument '%s'", fn, k)
		}
		a.vals[k] = kv[1]
	}
	for i, n := range names {
		if n[len(n)-1] != '?' {
			if _, ok := a.vals[clean[i]]; !ok {
				return nil, exc.TypeError("%s() missing required argument '%s'", fn, n)
			}
		}
	}
	return a, nil
}

func pyType(v starlark.Value) string {
	if t := v.Type(); t != "string" {
		return t
	}
	return "str"
}

// has reports whether name was given and is not None.
func (a *argSet) has(name string) bool {
	v, ok := a.vals[name]
	return ok && v != starlark.None
}

// given reports whether name was given at all (None included).
func (a *argSet) given(name string) bool { _, ok := a.vals[name]; return ok }

// str returns a str/bytes argument, or def when absent or None.
func (a *argSet) str(name, def string) (string, error) {
	if !a.has(name) {
		return def, nil
	}
	switch v := a.vals[name].(type) {
	case starlark.String:
		return string(v), nil
	case starlark.Bytes:
		return string(v), nil
	}
	return "", exc.TypeError("%s: argument '%s' must be str, not %s", a.fn, name, pyType(a.vals[name]))
}

// need is str for a required argument that may not be empty either.
func (a *argSet) need(name string) (string, error) {
	s, err := a.str(name, "")
	if err == nil && s == "" {
		err = exc.ValueError("%s: argument '%s' must not be empty", a.fn, name)
	}
	return s, err
}

// integer returns an int argument, or def.
func (a *argSet) integer(name string, def int) (int, error) {
	if !a.has(name) {
		return def, nil
	}
	v, ok := a.vals[name].(starlark.Int)
	if !ok {
		return 0, exc.TypeError("%s: argument '%s' must be int, not %s", a.fn, name, pyType(a.vals[name]))
	}
	n, ok := v.Int64()
	if !ok || n != int64(int(n)) {
		return 0, exc.ValueError("%s: argument '%s' out of range", a.fn, name)
	}
	return int(n), nil
}

// strDict builds a frozen-free dict of str values in the given order.
func strDict(kv ...any) *starlark.Dict {
	d := starlark.NewDict(len(kv) / 2)
	for i := 0; i+1 < len(kv); i += 2 {
		var v starlark.Value
		switch x := kv[i+1].(type) {
		case string:
			v = starlark.String(x)
		case int:
			v = starlark.MakeInt(x)
		case bool:
			v = starlark.Bool(x)
		case starlark.Value:
			v = x
		}
		d.SetKey(starlark.String(kv[i].(string)), v)
	}
	return d
}
