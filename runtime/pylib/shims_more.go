package pylib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// shimMore is the methods Starlark's values lack beyond shims.go's.
func shimMore(thread *starlark.Thread, name string, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, bool, error) {
	switch name {
	case "pop", "remove":
		return popRemove(thread, name, recv, args, kwargs)
	}
	if v, ok, err := shimNumeric(name, recv, args, kwargs); ok { // corpus_numeric.go
		return v, true, err
	}
	if n, ok := recv.(starlark.Int); ok {
		return intMethod(name, n, args, kwargs)
	}
	return nil, false, nil
}

// popRemove is x.pop(...) / x.remove(k) with CPython's errors: the missing
// key in a KeyError, "pop from empty list".
func popRemove(thread *starlark.Thread, name string, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, bool, error) {
	switch r := recv.(type) {
	case *starlark.Dict:
		if name == "pop" && len(args) == 1 && len(kwargs) == 0 {
			if _, found, err := r.Get(args[0]); err == nil && !found {
				return nil, true, exc.KeyError("%s", pyrepr.Repr(args[0]))
			}
		}
	case *starlark.Set:
		if name == "remove" && len(args) == 1 && len(kwargs) == 0 {
			if ok, err := r.Has(args[0]); err == nil && !ok {
				return nil, true, exc.KeyError("%s", pyrepr.Repr(args[0]))
			}
		}
		if name == "pop" && r.Len() == 0 {
			return nil, true, exc.KeyError("'pop from an empty set'")
		}
		if name == "pop" && len(args) == 0 && len(kwargs) == 0 {
			if order := pyrepr.SetOrder(r); order != nil {
				// CPython pops the first element in its table order
				if _, err := r.Delete(order[0]); err != nil {
					return nil, true, err
				}
				return order[0], true, nil
			}
		}
	case *starlark.List:
		if name == "pop" && r.Len() == 0 {
			return nil, true, exc.New("IndexError", "pop from empty list")
		}
	}
	return nil, false, nil
}
