package pylib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// x[lo:hi:step] is _getslice(x, lo, hi, step): a script object's
// __getitem__ gets a slice object (which indexes lists, strings, ...), and
// str slices count code points, as in Python.

// pySlice is the slice object (sliceobj.go): what slice() makes and a
// script's __getitem__ receives.
type pySlice = sliceObj

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
	// isinstance(r, range)
	pyTypeOf["range"] = []string{"range"}
}
