package pylib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// _delattr(x, name) is `del x.name`: an instance forgets its own attribute
// (the class's shows through again).
func delattrBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	var name string
	if err := starlark.UnpackPositionalArgs("delattr", args, kwargs, 2, &x, &name); err != nil {
		return nil, err
	}
	if inst, ok := x.(*Instance); ok {
		if _, has := inst.attrs[name]; has {
			delete(inst.attrs, name)
			return starlark.None, nil
		}
		return nil, exc.New("AttributeError", "'%s' object has no attribute '%s'", inst.class.name, name)
	}
	return nil, exc.New("AttributeError", "'%s' object attribute '%s' cannot be deleted", typeName(x), name)
}
