package pylib

import "go.starlark.net/starlark"

// identical is Python's `x is y`: the same object for mutable values,
// script objects, classes and functions; for numbers, strings, tuples and
// the like (whose identity CPython leaves to the implementation) the same
// type and an equal value.
func identical(x, y starlark.Value) bool {
	if hasIdentity(x) || hasIdentity(y) {
		return x == y
	}
	if x.Type() != y.Type() {
		return false
	}
	eq, err := starlark.Equal(x, y)
	return err == nil && eq
}

// hasIdentity: v is a pointer whose identity is the object's.
func hasIdentity(v starlark.Value) bool {
	switch v.(type) {
	case *starlark.List, *starlark.Dict, *starlark.Set, *ByteArray, *Instance, *Class, *boundMethod,
		*starlark.Function, *starlark.Builtin, *Namespace:
		return true
	}
	return false
}
