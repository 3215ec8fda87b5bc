package pylib

import (
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
		// CPython's aliases of OSError are the same class
		"IOError":          builtinClass("OSError"),
		"EnvironmentError": builtinClass("OSError"),
	}) {
		d[k] = v
	}
	return d
}

// ModuleNamespaceOf is the module namespace (`_g`) translated code on t
// uses, or nil.
func ModuleNamespaceOf(t *starlark.Thread) starlark.Value {
	v, _ := t.Local(moduleNSKey).(starlark.Value)
	return v
}

// runtimeBuiltins are the names the runtime defines (they need the
// interpreter); pylib declares them so the translator knows them.
var runtimeBuiltins = []string{"eval", "exec", "input", "exit", "quit"}

func needsRuntime(name string) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return nil, exc.RuntimeError("%s() needs the qstar runtime", name)
	})
}

func attrName(fn string, v starlark.Value) (string, error) {
	s, ok := v.(starlark.String)
	if !ok {
		return "", exc.TypeError("attribute name must be string, not '%s'", typeName(v))
	}
	return string(s), nil
}

// getAttr is getattr(x, name) with Python's AttributeError, and the
// str/bytes/list methods the translator shims (getattr('a', 'zfill')).
func getAttr(x starlark.Value, name string) (starlark.Value, error) {
	if ha, ok := x.(starlark.HasAttrs); ok {
		v, err := ha.Attr(name)
		if err != nil {
			return nil, err
		}
		if v != nil {
			return v, nil
		}
	}
	if hasShim(x, name) {
		shim := shimBuiltin(name)
		return starlark.NewBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return starlark.Call(t, shim, append(starlark.Tuple{x}, args...), kwargs)
		}), nil
	}
	if name == "__class__" {
		return TypeOf(x), nil
	}
	return nil, exc.New("AttributeError", "'%s' object has no attribute '%s'", typeName(x), name)
}

// isAttributeError reports whether err is Python's AttributeError.
func isAttributeError(err error) bool {
	return errToInstance(err).class.isSubclass(builtinClass("AttributeError"))
}

func getattrBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, n, dflt starlark.Value
	if err := starlark.UnpackPositionalArgs("getattr", args, kwargs, 2, &x, &n, &dflt); err != nil {
		return nil, err
	}
	name, err := attrName("getattr", n)
	if err != nil {
		return nil, err
	}
	v, err := getAttr(x, name)
	if err != nil && dflt != nil && isAttributeError(err) {
		return dflt, nil
	}
	return v, err
}

func hasattrBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, n starlark.Value
	if err := starlark.UnpackPositionalArgs("hasattr", args, kwargs, 2, &x, &n); err != nil {
		return nil, err
	}
	name, err := attrName("hasattr", n)
	if err != nil {
		return nil, err
	}
	if _, err := getAttr(x, name); err != nil {
		if isAttributeError(err) {
			return starlark.False, nil
		}
		if _, isNS := x.(*Namespace); isNS { // _g.x before x is bound
			return starlark.False, nil
		}
		return nil, err
	}
	return starlark.True, nil
}

func setattrBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, n, v starlark.Value
	if err := starlark.UnpackPositionalArgs("setattr", args, kwargs, 3, &x, &n, &v); err != nil {
		return nil, err
	}
	name, err := attrName("setattr", n)
	if err != nil {
		return nil, err
	}
	if sf, ok := x.(starlark.HasSetField); ok {
		return starlark.None, sf.SetField(name, v)
	}
	return nil, exc.New("AttributeError", "'%s' object has no attribute '%s' and no __dict__ for setting new attributes", typeName(x), name)
}

func delattrBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, n starlark.Value
	if err := starlark.UnpackPositionalArgs("delattr", args, kwargs, 2, &x, &n); err != nil {
		return nil, err
	}
	name, err := attrName("delattr", n)
	if err != nil {
		return nil, err
	}
	switch v := x.(type) {
	case *Instance:
		return starlark.None, v.delAttr(name)
	case *Class:
		if _, ok := v.dict[name]; !ok || v.shared {
			return nil, exc.New("AttributeError", "type object '%s' has no attribute '%s'", v.name, name)
		}
		delete(v.dict, name)
		return starlark.None, nil
	}
	return nil, exc.New("AttributeError", "'%s' object has no attribute '%s'", typeName(x), name)
}

// vars(x) is x.__dict__; vars() is locals().
func varsBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return localsBuiltin(thread, b, args, kwargs)
	}
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("vars", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	switch v := x.(type) {
	case *Instance:
		return v.attrs, nil
	case *Class:
		return v.dictCopy(), nil
	}
	return nil, exc.TypeError("vars() argument must have __dict__ attribute")
}

// globals() is a snapshot of the calling module's globals.
func globalsBuiltin(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("globals", args, kwargs, 0); err != nil {
		return nil, err
	}
	return globalsAt(thread, 1), nil
}

// globalsAt is globals() for the frame depth levels up the stack.
func globalsAt(thread *starlark.Thread, depth int) *starlark.Dict {
	d := starlark.NewDict(16)
	d.SetKey(starlark.String("__name__"), starlark.String("__main__"))
	if thread.CallStackDepth() > depth {
		if fn, ok := thread.DebugFrame(depth).Callable().(*starlark.Function); ok {
			g := fn.Globals()
			for _, k := range g.Keys() {
				if !strings.HasPrefix(k, "_") || strings.HasPrefix(k, "__") {
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
		if v == nil || strings.HasPrefix(bind.Name, "_") {
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

// id(x) is a number unique to x while it lives.
func idBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("id", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	if inst, ok := x.(*Instance); ok {
		return starlark.MakeUint64(0x7f0000000000 + inst.id*16), nil
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
	s.Freeze()
	return s, nil
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
