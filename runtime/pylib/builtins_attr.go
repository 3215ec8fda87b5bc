package pylib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Attribute access by name: getattr, hasattr, setattr, delattr, vars.

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
	if _, isCallable := x.(starlark.Callable); isCallable && (name == "__name__" || name == "__doc__") {
		// a function's or builtin's __name__ and __doc__, as f.__name__ reads them
		if name == "__name__" {
			return nameOfBuiltin(nil, nil, starlark.Tuple{x}, nil)
		}
		return docOfBuiltin(nil, nil, starlark.Tuple{x}, nil)
	}
	if ValueAttrs[name] { // getattr(3, "real"), attrgetter("real"): valueattr.go
		if v, err := valueAttr(nil, x, name); v != nil || err != nil {
			return v, err
		}
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
	return nil, exc.New("AttributeError", "'%s' object has no attribute '%s'", typeName(x), name)
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
