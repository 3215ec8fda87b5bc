package pylib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// CachedProperty is functools.cached_property(fn): the first read of the
// attribute calls fn(obj) and stores the result in the instance's
// __dict__, which later reads find first (a non-data descriptor).
func CachedProperty(fn starlark.Value) (starlark.Value, error) {
	if _, ok := fn.(starlark.Callable); !ok {
		return nil, exc.TypeError("'%s' object is not callable", typeName(fn))
	}
	return &descriptor{kind: "cached_property", fn: fn}, nil
}

func cacheProperty(d *descriptor, x *Instance) (starlark.Value, error) {
	v, err := starlark.Call(x.callThread("cached_property"), d.fn, starlark.Tuple{x}, nil)
	if err != nil {
		return nil, err
	}
	name := ""
	if f, ok := d.fn.(starlark.Callable); ok {
		name = pyrepr.FuncName(f.Name())
	}
	return v, x.attrs.SetKey(starlark.String(name), v)
}
