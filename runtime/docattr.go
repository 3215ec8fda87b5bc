package runtime

import (
	"sort"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/pylib"
)

// docOf(x) is x.__doc__ (the Python front end rewrites the attribute to
// this call): a module builtin's documented signature and doc, a def's
// docstring, a module's doc line, or an object's own __doc__; None when
// there is none, as in Python.
func docOf(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("__doc__", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	switch v := x.(type) {
	case *starlark.Builtin:
		if _, sig, doc, ok := builtinDoc(v); ok {
			return starlark.String(sig + "\n\n" + doc), nil
		}
		return starlark.None, nil
	case *starlark.Function:
		if v.Doc() == "" {
			return starlark.None, nil
		}
		return starlark.String(v.Doc()), nil
	case *ModuleValue:
		return starlark.String(v.Doc), nil
	case callableModule:
		return starlark.String(v.Doc), nil
	}
	// script classes, instances and bound methods: pylib knows their docstrings
	return starlark.Call(t, pylibDocOf(), starlark.Tuple{x}, nil)
}

var pylibDocOf = sync.OnceValue(func() starlark.Value { return pylib.Builtins()["_doc_of"] })

// dirBuiltin is dir(x) as before, and dir() with no argument: the names the
// calling module defined (the REPL's globals at the prompt), sorted.
func dirBuiltin(dir starlark.Value) *starlark.Builtin {
	return starlark.NewBuiltin("dir", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) > 0 || len(kwargs) > 0 {
			return starlark.Call(t, dir, args, kwargs)
		}
		names := callerGlobals(t)
		var pre starlark.StringDict
		if in := FromThread(t); in != nil {
			pre = in.Predeclared()
		}
		var out []starlark.Value
		for _, n := range names.Keys() {
			if v := names[n]; (pre[n] != nil && pre[n] == v && n != "__name__") || pylib.SyntheticFrame(n) || n == "_g" {
				continue
			}
			out = append(out, starlark.String(n))
		}
		sort.Slice(out, func(i, j int) bool { return out[i].(starlark.String) < out[j].(starlark.String) })
		return starlark.NewList(out), nil
	})
}

// callerGlobals are the globals of the module calling a builtin: the REPL's
// namespace, or the calling function's module.
func callerGlobals(t *starlark.Thread) starlark.StringDict {
	if ns, ok := pylib.ModuleNamespaceOf(t).(starlark.HasAttrs); ok {
		d := starlark.StringDict{}
		for _, n := range ns.AttrNames() {
			if v, err := ns.Attr(n); err == nil && v != nil {
				d[n] = v
			}
		}
		return d
	}
	if t.CallStackDepth() > 1 {
		if f, ok := t.DebugFrame(1).Callable().(*starlark.Function); ok {
			return f.Globals()
		}
	}
	return starlark.StringDict{}
}

// isNoSuchAttr reports a ModuleValue's "no such member" answer.
func isNoSuchAttr(err error) bool {
	_, ok := err.(starlark.NoSuchAttrError)
	return ok
}
