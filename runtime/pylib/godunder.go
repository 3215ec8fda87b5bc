package pylib

import (
	"go.starlark.net/starlark"
)

// A Go module's value (fractions.Fraction) takes part in float(), int(),
// abs(), round(), pow() and mixed-type comparisons by answering the
// Python method for them (__float__, __abs__, __lt__ ...) from Attr, as
// a script object would from its class.

// goDunder calls x.name(args...) when x is a Go value (not a script
// object) whose Attr has that method; ok is false when it has none.
func goDunder(t *starlark.Thread, x starlark.Value, name string, args ...starlark.Value) (v starlark.Value, ok bool, err error) {
	switch x.(type) {
	case *Instance, *Class, starlark.Int, starlark.Float, starlark.String, starlark.Bool, starlark.NoneType:
		return nil, false, nil
	}
	h, isAttrs := x.(starlark.HasAttrs)
	if !isAttrs {
		return nil, false, nil
	}
	fn, _ := h.Attr(name)
	if fn == nil {
		return nil, false, nil
	}
	if t == nil {
		t = new(starlark.Thread)
	}
	v, err = starlark.Call(t, fn, args, nil)
	return v, true, err
}

// goCompare is x op y when either side is a Go value with comparison
// methods, reflected as Python reflects them; ok is false when neither
// answers.
func goCompare(op string, reflected string, x, y starlark.Value) (result, ok bool, err error) {
	for i, side := range [2][2]starlark.Value{{x, y}, {y, x}} {
		name := op
		if i == 1 {
			name = reflected
		}
		v, found, err := goDunder(nil, side[0], name, side[1])
		if err != nil {
			return false, true, err
		}
		if found && v != NotImplemented {
			return bool(v.Truth()), true, nil
		}
	}
	return false, false, nil
}

// GoDunder is goDunder for Go modules (math.floor asking a Fraction for
// __floor__).
func GoDunder(t *starlark.Thread, x starlark.Value, name string, args ...starlark.Value) (starlark.Value, bool, error) {
	return goDunder(t, x, name, args...)
}
