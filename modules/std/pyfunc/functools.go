package pyfunc

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{Name: "functools", Doc: "reduce, partial, wraps, lru_cache, cache, cmp_to_key, total_ordering", New: newFunctools})
}

func newFunctools(*runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"reduce":         starlark.NewBuiltin("reduce", reduce),
		"partial":        starlark.NewBuiltin("partial", partial),
		"wraps":          starlark.NewBuiltin("wraps", wraps),
		"lru_cache":      starlark.NewBuiltin("lru_cache", lruCache),
		"cache":          starlark.NewBuiltin("cache", cacheDeco),
		"cmp_to_key":     starlark.NewBuiltin("cmp_to_key", cmpToKey),
		"total_ordering": starlark.NewBuiltin("total_ordering", totalOrdering),
		"update_wrapper": starlark.NewBuiltin("update_wrapper", updateWrapper),
		"cached_property": starlark.NewBuiltin("cached_property", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var fn starlark.Value
			if err := starlark.UnpackPositionalArgs("cached_property", args, kwargs, 1, &fn); err != nil {
				return nil, err
			}
			return pylib.CachedProperty(fn)
		}),
	}, nil
}

func reduce(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn, seq, acc starlark.Value
	if err := starlark.UnpackPositionalArgs("reduce", args, kwargs, 2, &fn, &seq, &acc); err != nil {
		return nil, err
	}
	vals, err := pylib.Collect(t, seq)
	if err != nil {
		return nil, err
	}
	if acc == nil {
		if len(vals) == 0 {
			return nil, exc.TypeError("reduce() of empty iterable with no initial value")
		}
		acc, vals = vals[0], vals[1:]
	}
	for _, v := range vals {
		if acc, err = starlark.Call(t, fn, starlark.Tuple{acc, v}, nil); err != nil {
			return nil, err
		}
	}
	return acc, nil
}

// partial(fn, *args, **kw): later arguments follow args; later keywords win.
func partial(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, exc.TypeError("partial() missing required argument 'func'")
	}
	fn, fixed := args[0], append(starlark.Tuple(nil), args[1:]...)
	fixedKw := append([]starlark.Tuple(nil), kwargs...)
	call := func(t *starlark.Thread, _ *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		all := append(append(starlark.Tuple(nil), fixed...), a...)
		return starlark.Call(t, fn, all, mergeKwargs(fixedKw, kw))
	}
	return &wrapped{Builtin: starlark.NewBuiltin("partial", call), name: "partial", attrs: starlark.StringDict{
		"func": fn, "args": fixed, "keywords": kwargsDict(fixedKw)}}, nil
}

func mergeKwargs(base, over []starlark.Tuple) []starlark.Tuple {
	out := []starlark.Tuple{}
	for _, b := range base {
		overridden := false
		for _, o := range over {
			if o[0] == b[0] {
				overridden = true
			}
		}
		if !overridden {
			out = append(out, b)
		}
	}
	return append(out, over...)
}

func kwargsDict(kw []starlark.Tuple) *starlark.Dict {
	d := starlark.NewDict(len(kw))
	for _, p := range kw {
		d.SetKey(p[0], p[1])
	}
	return d
}

func totalOrdering(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("total_ordering", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	return pylib.TotalOrdering(x)
}

// wraps(f) returns a decorator giving the wrapper f's __name__ and __doc__.
func wraps(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var inner starlark.Value
	if err := starlark.UnpackPositionalArgs("wraps", args, kwargs, 1, &inner); err != nil {
		return nil, err
	}
	return starlark.NewBuiltin("wraps", func(_ *starlark.Thread, _ *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var outer starlark.Value
		if err := starlark.UnpackPositionalArgs("wraps", a, kw, 1, &outer); err != nil {
			return nil, err
		}
		return wrapAs(outer, inner), nil
	}), nil
}

func updateWrapper(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var outer, inner starlark.Value
	if err := starlark.UnpackPositionalArgs("update_wrapper", args, kwargs, 2, &outer, &inner); err != nil {
		return nil, err
	}
	return wrapAs(outer, inner), nil
}

func wrapAs(outer, inner starlark.Value) starlark.Value {
	if obj, ok := outer.(starlark.HasSetField); ok && outer.Type() != "function" {
		// a callable object (update_wrapper(self, fn) in __init__) takes
		// the attributes itself, as in Python
		name := starlark.String(nameOf(inner))
		var doc starlark.Value = starlark.None
		if f, ok := inner.(*starlark.Function); ok {
			doc = docOf(f)
		}
		for _, kv := range []struct {
			k string
			v starlark.Value
		}{{"__name__", name}, {"__qualname__", name}, {"__doc__", doc}, {"__wrapped__", inner}} {
			if err := obj.SetField(kv.k, kv.v); err != nil {
				return outer
			}
		}
		return outer
	}
	fn, ok := outer.(starlark.Callable)
	if !ok {
		return outer
	}
	name := nameOf(inner)
	w := &wrapped{Builtin: starlark.NewBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		return starlark.Call(t, fn, a, kw)
	}), name: name, attrs: starlark.StringDict{"__wrapped__": inner}}
	if f, ok := inner.(*starlark.Function); ok {
		w.attrs["__doc__"] = docOf(f)
	}
	return w
}

func nameOf(v starlark.Value) string {
	if n, ok := v.(interface{ Name() string }); ok {
		return n.Name()
	}
	return v.Type()
}

func docOf(f *starlark.Function) starlark.Value {
	if d := f.Doc(); d != "" {
		return starlark.String(d)
	}
	return starlark.None
}
