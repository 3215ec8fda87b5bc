package pylib

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// sliceObj is Python's slice(start, stop, step): what x[1:3] passes to a
// script class's __getitem__, and what slice() makes.
type sliceObj struct {
	start, stop, step starlark.Value
}

var (
	_ starlark.HasAttrs   = (*sliceObj)(nil)
	_ starlark.Comparable = (*sliceObj)(nil)
)

func (s *sliceObj) String() string {
	return "slice(" + reprOf(s.start) + ", " + reprOf(s.stop) + ", " + reprOf(s.step) + ")"
}
func (s *sliceObj) PyRepr() string        { return s.String() }
func (s *sliceObj) Type() string          { return "slice" }
func (s *sliceObj) Freeze()               {}
func (s *sliceObj) Truth() starlark.Bool  { return true }
func (s *sliceObj) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'slice'") }
func (s *sliceObj) AttrNames() []string   { return []string{"start", "step", "stop", "indices"} }

func (s *sliceObj) Attr(name string) (starlark.Value, error) {
	switch name {
	case "start":
		return s.start, nil
	case "stop":
		return s.stop, nil
	case "step":
		return s.step, nil
	case "indices":
		return starlark.NewBuiltin("indices", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var n int
			if err := starlark.UnpackPositionalArgs("indices", args, kwargs, 1, &n); err != nil {
				return nil, err
			}
			start, stop, step, err := s.indices(n)
			if err != nil {
				return nil, err
			}
			return starlark.Tuple{starlark.MakeInt(start), starlark.MakeInt(stop), starlark.MakeInt(step)}, nil
		}), nil
	}
	return nil, exc.New("AttributeError", "'slice' object has no attribute '%s'", name)
}

func (s *sliceObj) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	o := y.(*sliceObj)
	return starlark.CompareDepth(op, starlark.Tuple{s.start, s.stop, s.step}, starlark.Tuple{o.start, o.stop, o.step}, depth)
}

// indices is slice.indices(n): Python's clamping of the bounds to a length.
func (s *sliceObj) indices(n int) (start, stop, step int, err error) {
	step = 1
	if s.step != starlark.None {
		if step, err = starlark.AsInt32(s.step); err != nil {
			return 0, 0, 0, exc.TypeError("slice indices must be integers or None")
		}
		if step == 0 {
			return 0, 0, 0, exc.ValueError("slice step cannot be zero")
		}
	}
	lower, upper := 0, n
	if step < 0 {
		lower, upper = -1, n-1
	}
	bound := func(v starlark.Value, dflt int) (int, error) {
		if v == starlark.None {
			return dflt, nil
		}
		i, err := starlark.AsInt32(v)
		if err != nil {
			return 0, exc.TypeError("slice indices must be integers or None or have an __index__ method")
		}
		if i < 0 {
			i += n
			if i < lower {
				i = lower
			}
		} else if i > upper {
			i = upper
		}
		return i, nil
	}
	if step < 0 {
		start, err = bound(s.start, upper)
		if err == nil {
			stop, err = bound(s.stop, lower)
		}
	} else {
		start, err = bound(s.start, lower)
		if err == nil {
			stop, err = bound(s.stop, upper)
		}
	}
	return start, stop, step, err
}

// of is x[s] for a built-in sequence.
func (s *sliceObj) of(x starlark.Value) (starlark.Value, error) {
	if ba, ok := x.(*ByteArray); ok {
		v, err := s.of(starlark.Bytes(ba.b))
		if err != nil {
			return nil, err
		}
		return &ByteArray{b: []byte(v.(starlark.Bytes))}, nil
	}
	sl, ok := x.(starlark.Sliceable)
	if !ok {
		return nil, exc.TypeError("'%s' object is not subscriptable", typeName(x))
	}
	start, stop, step, err := s.indices(sl.Len())
	if err != nil {
		return nil, err
	}
	return sl.Slice(start, stop, step), nil
}

// slice(stop) / slice(start, stop[, step])
func sliceCall(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, exc.TypeError("slice() takes no keyword arguments")
	}
	switch len(args) {
	case 1:
		return &sliceObj{starlark.None, args[0], starlark.None}, nil
	case 2:
		return &sliceObj{args[0], args[1], starlark.None}, nil
	case 3:
		return &sliceObj{args[0], args[1], args[2]}, nil
	}
	return nil, exc.TypeError("slice expected at least 1 argument, got %d", len(args))
}

func init() {
	builtinTypes["slice"] = &pyType{name: "slice", call: sliceCall}
	RegisterType("slice", builtinTypes["slice"])
	pyTypeOf["slice"] = []string{"slice"}
}
