package pylib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// _method(x, "name") is x.name as a value: x's own method when it has one,
// else the shim bound to x (data.count on a list).
func methodValueBuiltin(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 || len(kwargs) > 0 {
		return nil, exc.TypeError("_method takes 2 arguments")
	}
	recv := args[0]
	name, _ := starlark.AsString(args[1])
	if ha, ok := recv.(starlark.HasAttrs); ok {
		if m, err := ha.Attr(name); err == nil && m != nil {
			return m, nil
		}
	}
	shim := shimBuiltin(name)
	return starlark.NewBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		return starlark.Call(t, shim, append(starlark.Tuple{recv}, a...), kw)
	}), nil
}
