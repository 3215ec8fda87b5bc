package pylib

import (
	"sort"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// suggestAttr is the "Did you mean" of an AttributeError for name on x:
// the closest of dir(x), worked out only if a traceback shows it.
func suggestAttr(name string, x starlark.HasAttrs) func() string {
	return func() string {
		names := x.AttrNames()
		sort.Strings(names)
		return exc.Suggest(name, names)
	}
}

// _undefined(ns, name, hint) reads a name the file defines nowhere from
// the module namespace; the NameError offers hint, the suggestion the
// translator worked out from the names in scope.
func undefinedBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := helperArgs("_undefined", args, kwargs, 3); err != nil {
		return nil, err
	}
	ns, ok := args[0].(*Namespace)
	name, _ := starlark.AsString(args[1])
	hint, _ := starlark.AsString(args[2])
	if !ok {
		return nil, exc.TypeError("_undefined: not a namespace")
	}
	if v, ok := ns.vars[name]; ok {
		return v, nil
	}
	e := exc.New("NameError", "name '%s' is not defined", name)
	e.Suggest = func() string { return hint }
	return nil, e
}
