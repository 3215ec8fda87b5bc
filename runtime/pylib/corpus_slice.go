package pylib

import (
	"fmt"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// x[lo:hi:step] is _getslice(x, lo, hi, step): a script object's
// __getitem__ gets a slice object (which indexes lists, strings, ...), and
// str slices count code points, as in Python.

type pySlice struct{ start, stop, step starlark.Value }

func (s *pySlice) String() string {
	return fmt.Sprintf("slice(%s, %s, %s)", pyrepr.Repr(s.start), pyrepr.Repr(s.stop), pyrepr.Repr(s.step))
}
func (s *pySlice) Type() string          { return "slice" }
func (s *pySlice) Freeze()               {}
func (s *pySlice) Truth() starlark.Bool  { return true }
func (s *pySlice) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'slice'") }
func (s *pySlice) AttrNames() []string   { return []string{"indices", "start", "step", "stop"} }
func (s *pySlice) Attr(name string) (starlark.Value, error) {
	switch name {
	case "start":
		return s.start, nil
	case "stop":
		return s.stop, nil
	case "step":
		return s.step, nil
	case "indices": // sliceobj.go computes it
		return (&sliceObj{start: s.start, stop: s.stop, step: s.step}).Attr(name)
	}
	return nil, nil
}

func getsliceBuiltin(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 4 || len(kwargs) > 0 {
		return nil, exc.TypeError("_getslice takes 4 arguments")
	}
	sl := &pySlice{args[1], args[2], args[3]}
	if inst, ok := args[0].(*Instance); ok {
		if fn := inst.class.lookup("__getitem__"); fn != nil {
			return starlark.Call(thread, fn, starlark.Tuple{inst, sl}, nil)
		}
	}
	return applySlice(args[0], sl)
}

// applySlice is x[sl] for Starlark's sliceable values.
func applySlice(x starlark.Value, sl *pySlice) (starlark.Value, error) {
	if s, ok := x.(starlark.String); ok && !isASCII(string(s)) {
		runes := []rune(string(s))
		out := make([]rune, 0, len(runes))
		start, stop, step, err := sliceIndices(len(runes), sl.start, sl.stop, sl.step)
		if err != nil {
			return nil, err
		}
		for i := start; step > 0 && i < stop || step < 0 && i > stop; i += step {
			out = append(out, runes[i])
		}
		return starlark.String(string(out)), nil
	}
	seq, ok := x.(starlark.Sliceable)
	if !ok {
		return nil, exc.TypeError("'%s' object is not subscriptable", typeName(x))
	}
	start, stop, step, err := sliceIndices(seq.Len(), sl.start, sl.stop, sl.step)
	if err != nil {
		return nil, err
	}
	return seq.Slice(start, stop, step), nil
}

func init() {
	// isinstance(x, slice) / isinstance(r, range)
	pyTypeOf["slice"] = []string{"slice"}
	pyTypeOf["range"] = []string{"range"}
}

// slice(stop) / slice(start, stop[, step]).
func pySliceBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, exc.TypeError("slice() takes no keyword arguments")
	}
	switch len(args) {
	case 1:
		return &pySlice{starlark.None, args[0], starlark.None}, nil
	case 2:
		return &pySlice{args[0], args[1], starlark.None}, nil
	case 3:
		return &pySlice{args[0], args[1], args[2]}, nil
	}
	return nil, exc.TypeError("slice expected at least 1 argument, got %d", len(args))
}
