package pylib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// _with(manager, body) runs a translated with statement: v =
// manager.__enter__(), then body(v); then manager.__exit__ with
// (type, exception, None) when the body raised, else (None, None, None).
// A truthy __exit__ result swallows the exception. It returns the control
// signal (return/break/continue) of the body, as _try does.
func withBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var mgr, body starlark.Value
	if err := starlark.UnpackPositionalArgs("_with", args, kwargs, 2, &mgr, &body); err != nil {
		return nil, err
	}
	enter, exit, err := contextMethods(mgr)
	if err != nil {
		return nil, err
	}
	v, err := starlark.Call(thread, enter, nil, nil)
	if err != nil {
		return nil, err
	}
	res, err := starlark.Call(thread, body, starlark.Tuple{v}, nil)
	if err != nil {
		if uncatchable(err) {
			return nil, err
		}
		inst := errToInstance(err)
		swallow, xerr := starlark.Call(thread, exit, starlark.Tuple{inst.class, inst, starlark.None}, nil)
		if xerr != nil {
			return nil, xerr
		}
		if swallow.Truth() {
			return starlark.None, nil
		}
		return nil, err
	}
	if _, err := starlark.Call(thread, exit, starlark.Tuple{starlark.None, starlark.None, starlark.None}, nil); err != nil {
		return nil, err
	}
	return asSignal(res), nil
}

// contextMethods finds a context manager's __enter__ and __exit__.
func contextMethods(mgr starlark.Value) (enter, exit starlark.Value, err error) {
	if x, ok := mgr.(starlark.HasAttrs); ok {
		enter, _ = x.Attr("__enter__")
		exit, _ = x.Attr("__exit__")
	}
	if enter == nil || exit == nil {
		msg := "'%s' object does not support the context manager protocol"
		if enter != nil {
			msg = "'%s' object does not support the context manager protocol (missed __exit__ method)"
		}
		return nil, nil, exc.TypeError(msg, typeName(mgr))
	}
	return enter, exit, nil
}
