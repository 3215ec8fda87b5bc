package pylib

import (
	"reflect"
	"strconv"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// moreBuiltins are Python builtins Starlark lacks or words differently:
// attribute access by name, type(), id(), vars()/globals()/locals(),
// abs/min/max with Python's keywords, ascii.
func moreBuiltins() starlark.StringDict {
	d := starlark.StringDict{}
	for name, t := range builtinTypes {
		d[name] = t
	}
	for _, name := range runtimeBuiltins {
		d[name] = needsRuntime(name)
	}
	for k, v := range (starlark.StringDict{
		"type":           typeType,
		"super":          starlark.NewBuiltin("super", superBuiltin),
		"_is":            starlark.NewBuiltin("is", isBuiltin),
		"_inplace":       starlark.NewBuiltin("inplace", inplaceBuiltin),
		"_type_of":       starlark.NewBuiltin("type", typeOfBuiltin),
		"_doc_of":        starlark.NewBuiltin("__doc__", docOfBuiltin),
		"_richcmp":       starlark.NewBuiltin("compare", richcmpBuiltin),
		"NotImplemented": NotImplemented,
		"bytearray":      bytearrayType,
		"setattr":        starlark.NewBuiltin("setattr", setattrBuiltin),
		"delattr":        starlark.NewBuiltin("delattr", delattrBuiltin),
		"getattr":        starlark.NewBuiltin("getattr", getattrBuiltin),
		"hasattr":        starlark.NewBuiltin("hasattr", hasattrBuiltin),
		"vars":           starlark.NewBuiltin("vars", varsBuiltin),
		"globals":        starlark.NewBuiltin("globals", globalsBuiltin),
		"locals":         starlark.NewBuiltin("locals", localsBuiltin),
		"id":             starlark.NewBuiltin("id", idBuiltin),
		"abs":            starlark.NewBuiltin("abs", absBuiltin),
		"max":            starlark.NewBuiltin("max", minmaxBuiltin),
		"min":            starlark.NewBuiltin("min", minmaxBuiltin),
		"ascii":          starlark.NewBuiltin("ascii", asciiBuiltin),
		"frozenset":      starlark.NewBuiltin("frozenset", frozensetBuiltin),
		"hash":           starlark.NewBuiltin("hash", hashBuiltin),
		"len":            starlark.NewBuiltin("len", lenBuiltin),
		"sorted":         starlark.NewBuiltin("sorted", sortedBuiltin),
		// CPython's aliases of OSError are the same class
		"IOError":          builtinClass("OSError"),
		"EnvironmentError": builtinClass("OSError"),
	}) {
		d[k] = v
	}
	return d
}

// runtimeBuiltins are the names the runtime defines (they need the
// interpreter); pylib declares them so the translator knows them.
var runtimeBuiltins = []string{"eval", "exec", "input", "exit", "quit"}

func needsRuntime(name string) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return nil, exc.RuntimeError("%s() needs the qstar runtime", name)
	})
}

// id(x) is a number unique to x while it lives.
func idBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("id", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	if inst, ok := x.(*Instance); ok {
		return starlark.MakeUint64(0x7f0000000000 + inst.id*16), nil
	}
	if rv := reflect.ValueOf(x); rv.Kind() == reflect.Pointer {
		// a list, dict, set or function: its address (Go does not move it)
		return starlark.MakeUint64(uint64(rv.Pointer())), nil
	}
	if h, err := x.Hash(); err == nil {
		return starlark.MakeUint64(0x7e0000000000 + uint64(h)*16), nil
	}
	return starlark.MakeUint64(0x7d0000000000 + uint64(len(pyrepr.Repr(x)))*16), nil
}

// abs(x) with __abs__ for script classes.
func absBuiltin(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 && len(kwargs) == 0 {
		if inst, ok := args[0].(*Instance); ok {
			v, ok, err := inst.dunder("__abs__")
			if !ok {
				return nil, exc.TypeError("bad operand type for abs(): '%s'", inst.class.name)
			}
			return v, err
		}
		if b, ok := args[0].(starlark.Bool); ok {
			return starlark.MakeInt(map[bool]int{true: 1}[bool(b)]), nil
		}
		if v, ok, err := goDunder(thread, args[0], "__abs__"); ok {
			return v, err
		}
		if _, ok := starlark.AsFloat(args[0]); !ok {
			return nil, exc.TypeError("bad operand type for abs(): '%s'", typeName(args[0]))
		}
	}
	return starlark.Call(thread, starlark.Universe["abs"], args, kwargs)
}

// min/max(iterable or *args, key=None, default=...) as in Python.
func minmaxBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var dflt starlark.Value
	var rest []starlark.Tuple
	for _, kv := range kwargs {
		if k, _ := starlark.AsString(kv[0]); k == "default" {
			dflt = kv[1]
		} else {
			rest = append(rest, kv)
		}
	}
	if len(args) == 0 {
		return nil, exc.TypeError("%s expected at least 1 argument, got 0", b.Name())
	}
	if len(args) == 1 {
		vals, err := collectPy(args[0])
		if err != nil {
			return nil, err
		}
		if len(vals) == 0 {
			if dflt != nil {
				return dflt, nil
			}
			return nil, exc.ValueError("%s() arg is an empty sequence", b.Name())
		}
		args = starlark.Tuple{starlark.NewList(vals)}
	} else if dflt != nil {
		return nil, exc.TypeError("Cannot specify a default for %s() with multiple positional arguments", b.Name())
	}
	return starlark.Call(thread, starlark.Universe[b.Name()], args, rest)
}

// ascii(x) is repr(x) with non-ASCII characters escaped.
func asciiBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("ascii", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	var sb strings.Builder
	for _, r := range pyrepr.Repr(x) {
		switch {
		case r < 0x80:
			sb.WriteRune(r)
		case r <= 0xff:
			sb.WriteString(`\x` + strconv.FormatInt(int64(r)+0x100, 16)[1:])
		case r <= 0xffff:
			sb.WriteString(`\u` + strconv.FormatInt(int64(r)+0x10000, 16)[1:])
		default:
			sb.WriteString(`\U` + strconv.FormatInt(int64(r)+0x100000000, 16)[1:])
		}
	}
	return starlark.String(sb.String()), nil
}

// frozenset(iterable) is a frozen set.
func frozensetBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var it starlark.Value
	if err := starlark.UnpackPositionalArgs("frozenset", args, kwargs, 0, &it); err != nil {
		return nil, err
	}
	s := starlark.NewSet(0)
	if it != nil {
		vals, err := collectPy(it)
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			if err := s.Insert(v); err != nil {
				return nil, err
			}
		}
	}
	return newFrozenSet(s), nil
}

// hash(x) for any hashable value: an int hashes to itself, as in Python.
func hashBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("hash", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	switch v := x.(type) {
	case starlark.Int:
		if i, ok := v.Int64(); ok && i != -1 {
			return v, nil
		}
	case starlark.Bool:
		if v {
			return starlark.MakeInt(1), nil
		}
		return starlark.MakeInt(0), nil
	case starlark.Float: // hash(2.0) == hash(2), as equal keys must
		if f := float64(v); f == float64(int64(f)) && f != -1 {
			return starlark.MakeInt64(int64(f)), nil
		}
	case *Instance:
		// hash(obj) is what obj.__hash__() returns, as in Python
		for _, k := range v.class.linearization() {
			if h, ok := k.dict["__hash__"]; ok {
				if h == starlark.None {
					return nil, exc.TypeError("unhashable type: '%s'", v.class.name)
				}
				r, err := starlark.Call(v.callThread("__hash__"), h, starlark.Tuple{v}, nil)
				if err != nil {
					return nil, err
				}
				if i, ok := r.(starlark.Int); ok {
					return i, nil
				}
				return nil, exc.TypeError("__hash__ method should return an integer")
			}
			if _, ok := k.dict["__eq__"]; ok {
				break
			}
		}
	}
	if v, ok, err := goDunder(nil, x, "__hash__"); ok {
		return v, err
	}
	h, err := x.Hash()
	if err != nil {
		if strings.Contains(err.Error(), "unhashable") {
			return nil, exc.TypeError("unhashable type: '%s'", typeName(x))
		}
		return nil, err
	}
	return starlark.MakeInt64(int64(int32(h))), nil
}

// collectPy is collect with Python's iteration of a str (its characters).
func collectPy(v starlark.Value) ([]starlark.Value, error) {
	if s, ok := v.(starlark.String); ok {
		var out []starlark.Value
		for _, r := range string(s) {
			out = append(out, starlark.String(string(r)))
		}
		return out, nil
	}
	return collect(v)
}

// sorted(iterable, key=None, reverse=False): Python allows key=None.
func sortedBuiltin(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var rest []starlark.Tuple
	for _, kv := range kwargs {
		if k, _ := starlark.AsString(kv[0]); k == "key" && kv[1] == starlark.None {
			continue
		}
		rest = append(rest, kv)
	}
	if len(args) == 1 {
		switch args[0].(type) {
		case starlark.String, *Instance:
			vals, err := collectPy(args[0])
			if err != nil {
				return nil, err
			}
			args = starlark.Tuple{starlark.NewList(vals)}
		}
	}
	return starlark.Call(thread, starlark.Universe["sorted"], args, rest)
}

// _type_of(x) is x.__class__.
func typeOfBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("__class__", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	return TypeOf(x), nil
}

// _doc_of(x) is x.__doc__: a function's or class's docstring, or None.
func docOfBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("__doc__", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	switch v := x.(type) {
	case *starlark.Function:
		if d := v.Doc(); d != "" {
			return starlark.String(d), nil
		}
		return starlark.None, nil
	case *boundMethod:
		return docOfBuiltin(nil, nil, starlark.Tuple{v.fn}, nil)
	case *Instance:
		if d, ok, _ := v.attrs.Get(starlark.String("__doc__")); ok {
			return d, nil // set on the object (functools.update_wrapper)
		}
		x = v.class
	}
	if ha, ok := x.(starlark.HasAttrs); ok {
		if v, err := ha.Attr("__doc__"); err == nil && v != nil {
			return v, nil
		}
	}
	return starlark.None, nil
}
