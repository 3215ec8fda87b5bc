package pylib

import (
	"strings"

	"go.starlark.net/starlark"
)

// globals() and locals(), and what eval/exec see of their caller.

// ModuleNamespaceOf is the module namespace (`_g`) translated code on t
// uses, or nil.
func ModuleNamespaceOf(t *starlark.Thread) starlark.Value {
	v, _ := t.Local(moduleNSKey).(starlark.Value)
	return v
}

// globals() is a snapshot of the calling module's globals.
func globalsBuiltin(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("globals", args, kwargs, 0); err != nil {
		return nil, err
	}
	return globalsAt(thread, 1), nil
}

// GlobalsAt is globals() as seen by the frame depth levels up t's stack
// (the outermost, CallStackDepth()-1, is the main script's).
func GlobalsAt(t *starlark.Thread, depth int) *starlark.Dict { return globalsAt(t, depth) }

// globalsAt is globals() for the frame depth levels up the stack.
func globalsAt(thread *starlark.Thread, depth int) *starlark.Dict {
	d := starlark.NewDict(16)
	d.SetKey(starlark.String("__name__"), starlark.String("__main__"))
	if thread.CallStackDepth() > depth {
		if fn, ok := thread.DebugFrame(depth).Callable().(*starlark.Function); ok {
			g := fn.Globals()
			for _, k := range g.Keys() {
				if !IsHelperName(k) {
					d.SetKey(starlark.String(k), g[k])
				}
			}
			if ns, ok := g["_g"].(*Namespace); ok {
				addNamespace(d, ns)
			}
		}
	}
	if ns, ok := thread.Local(moduleNSKey).(*Namespace); ok {
		addNamespace(d, ns)
	}
	return d
}

func addNamespace(d *starlark.Dict, ns *Namespace) {
	for _, k := range ns.vars.Keys() {
		d.SetKey(starlark.String(k), ns.vars[k])
	}
}

// locals() is the calling function's variables (globals() at module level).
func localsBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("locals", args, kwargs, 0); err != nil {
		return nil, err
	}
	return localsAt(thread, 1), nil
}

// CallerNames is what code running in the frame depth levels up sees:
// its module's globals and its function's locals (eval and exec use it).
func CallerNames(thread *starlark.Thread, depth int) starlark.StringDict {
	env := starlark.StringDict{}
	for _, d := range []*starlark.Dict{globalsAt(thread, depth), localsAt(thread, depth)} {
		for _, kv := range d.Items() {
			if k, ok := kv[0].(starlark.String); ok {
				env[string(k)] = kv[1]
			}
		}
	}
	return env
}

// localsAt is locals() for the frame depth levels up the stack.
func localsAt(thread *starlark.Thread, depth int) *starlark.Dict {
	if thread.CallStackDepth() <= depth {
		return starlark.NewDict(0)
	}
	fr := thread.DebugFrame(depth)
	fn, ok := fr.Callable().(*starlark.Function)
	if !ok || fn.Name() == "<toplevel>" {
		return globalsAt(thread, depth)
	}
	d := starlark.NewDict(fr.NumLocals())
	for i := 0; i < fr.NumLocals(); i++ {
		bind, v := fr.Local(i)
		if v == nil || IsHelperName(bind.Name) {
			if ns, ok := v.(*Namespace); ok {
				addNamespace(d, ns)
			}
			continue
		}
		if _, ok := v.(starlark.HasAttrs); ok && v.Type() == "cell" {
			continue
		}
		d.SetKey(starlark.String(bind.Name), v)
	}
	return d
}

// IsHelperName reports whether a global or local is one the translator
// made (_g, _l, _class_C, _gen_f, _with_3, _deco_1 ...), not the script's
// own: _thread and _cache are the script's.
func IsHelperName(k string) bool {
	if !strings.HasPrefix(k, "_") || strings.HasPrefix(k, "__") {
		return false
	}
	if k == "_g" || k == "_l" {
		return true
	}
	for _, prefix := range []string{"_class_", "_gen_", "_annot_"} {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	// numbered temporaries: _l2, _with_3, _broken_1
	i := len(k)
	for i > 1 && k[i-1] >= '0' && k[i-1] <= '9' {
		i--
	}
	return i < len(k) && (k[:i] == "_l" || k[i-1] == '_')
}
