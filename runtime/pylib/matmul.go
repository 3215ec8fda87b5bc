package pylib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// _matmul(a, b) is a @ b: a.__matmul__(b), else b.__rmatmul__(a), as
// Python tries them (NotImplemented passes to the other side).
func matmulBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := helperArgs("_matmul", args, kwargs, 2); err != nil {
		return nil, err
	}
	a, b := args[0], args[1]
	if x, ok := a.(*Instance); ok {
		if v, ok, err := x.dunder("__matmul__", b); ok && (err != nil || v != NotImplemented) {
			return v, err
		}
	}
	if y, ok := b.(*Instance); ok {
		if v, ok, err := y.dunder("__rmatmul__", a); ok && (err != nil || v != NotImplemented) {
			return v, err
		}
	}
	return nil, exc.TypeError("unsupported operand type(s) for @: '%s' and '%s'", typeName(a), typeName(b))
}
