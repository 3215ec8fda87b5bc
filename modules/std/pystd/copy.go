package pystd

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{Name: "copy", Doc: "copy and deepcopy of lists, dicts, sets and tuples", New: newCopy})
}

func newCopy(*runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"copy":     starlark.NewBuiltin("copy", copyFn(false)),
		"deepcopy": starlark.NewBuiltin("deepcopy", copyFn(true)),
		"error":    starlark.None,
	}, nil
}

func copyFn(deep bool) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		return copyValue(t, x, deep, map[starlark.Value]starlark.Value{})
	}
}

// copyValue copies the built-in containers (recursively when deep, keeping
// shared and cyclic references as deepcopy's memo does); other values, such
// as script objects with a __copy__/__deepcopy__ or a copy() method, are
// asked to copy themselves, and immutable ones are returned as they are.
func copyValue(t *starlark.Thread, x starlark.Value, deep bool, memo map[starlark.Value]starlark.Value) (starlark.Value, error) {
	elem := func(v starlark.Value) (starlark.Value, error) {
		if !deep {
			return v, nil
		}
		return copyValue(t, v, deep, memo)
	}
	switch v := x.(type) {
	case *starlark.List:
		if c, ok := memo[v]; ok {
			return c, nil
		}
		out := starlark.NewList(nil)
		memo[v] = out
		for i := 0; i < v.Len(); i++ {
			e, err := elem(v.Index(i))
			if err != nil {
				return nil, err
			}
			out.Append(e)
		}
		return out, nil
	case *starlark.Dict:
		if c, ok := memo[v]; ok {
			return c, nil
		}
		out := starlark.NewDict(v.Len())
		memo[v] = out
		for _, kv := range v.Items() {
			e, err := elem(kv[1])
			if err != nil {
				return nil, err
			}
			out.SetKey(kv[0], e)
		}
		return out, nil
	case *starlark.Set:
		out := starlark.NewSet(v.Len())
		it := v.Iterate()
		defer it.Done()
		var e starlark.Value
		for it.Next(&e) {
			out.Insert(e)
		}
		return out, nil
	case starlark.Tuple:
		if !deep {
			return v, nil
		}
		out := make(starlark.Tuple, len(v))
		for i, e := range v {
			c, err := elem(e)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case starlark.HasAttrs:
		memoKey := x
		if c, ok := memo[memoKey]; ok {
			return c, nil
		}
		if c, ok, err := pylib.CopyInstance(v, func(y starlark.Value, d *starlark.Dict) (starlark.Value, error) {
			memo[memoKey] = y
			return copyValue(t, d, deep, memo) // a shallow copy still gets its own __dict__
		}); ok {
			return c, err
		}
		for _, name := range []string{map[bool]string{true: "__deepcopy__", false: "__copy__"}[deep], "copy"} {
			if m, err := v.Attr(name); err == nil && m != nil {
				var a starlark.Tuple
				if name == "__deepcopy__" {
					a = starlark.Tuple{starlark.NewDict(0)}
				}
				return starlark.Call(t, m, a, nil)
			}
		}
		if _, ok := v.(starlark.Callable); ok {
			return v, nil
		}
		if v.Type() == "string" || v.Type() == "bytes" {
			return v, nil
		}
		return nil, exc.TypeError("qstar cannot copy a '%s' object (no __copy__ or copy method)", v.Type())
	}
	return x, nil
}
