package pylib

import (
	"strings"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// SimpleNamespace is types.SimpleNamespace: a class whose instances take
// their attributes from keyword arguments, print as
// namespace(a=1, b='two') and compare equal by attributes.
var SimpleNamespace = sync.OnceValue(func() starlark.Value {
	c := &Class{name: "types.SimpleNamespace", dict: starlark.StringDict{}, shared: true}
	c.dict["__init__"] = methodBuiltin("__init__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		x, err := selfInstance("__init__", args[:min(len(args), 1)], 1)
		if err != nil {
			return nil, err
		}
		if len(args) > 1 {
			return nil, exc.TypeError("SimpleNamespace() takes no positional arguments")
		}
		for _, kv := range kwargs {
			if err := x.attrs.SetKey(kv[0], kv[1]); err != nil {
				return nil, err
			}
		}
		return starlark.None, nil
	})
	c.dict["__repr__"] = methodBuiltin("__repr__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		x, err := selfInstance("__repr__", args, 1)
		if err != nil {
			return nil, err
		}
		var parts []string
		for _, kv := range x.attrs.Items() {
			k, _ := starlark.AsString(kv[0])
			v, err := pyrepr.ReprErr(kv[1])
			if err != nil {
				return nil, err
			}
			parts = append(parts, k+"="+v)
		}
		return starlark.String("namespace(" + strings.Join(parts, ", ") + ")"), nil
	})
	c.dict["__eq__"] = methodBuiltin("__eq__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		x, err := selfInstance("__eq__", args[:min(len(args), 1)], 1)
		if err != nil || len(args) != 2 {
			return nil, exc.TypeError("__eq__ takes one argument")
		}
		y, ok := args[1].(*Instance)
		if !ok || y.class != x.class {
			return NotImplemented, nil
		}
		eq, err := starlark.Equal(x.attrs, y.attrs)
		return starlark.Bool(eq), err
	})
	c.dict["__hash__"] = starlark.None
	c.linearization()
	return c
})
