package pylib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Slice assignment and deletion, which Starlark lacks: the translator turns
// `x[lo:hi:step] = v` into _setslice(x, lo, hi, step, v) and `del
// x[lo:hi:step]` into _delslice(x, lo, hi, step), for lists and bytearrays.

func setsliceBuiltin(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 5 || len(kwargs) > 0 {
		return nil, exc.TypeError("_setslice takes 5 arguments")
	}
	x, v := args[0], args[4]
	switch x := x.(type) {
	case *Instance: // s[1:3] = v is s.__setitem__(slice(1, 3, None), v)
		if fn := x.class.lookup("__setitem__"); fn != nil {
			_, err := starlark.Call(thread, fn, starlark.Tuple{x, &pySlice{args[1], args[2], args[3]}, v}, nil)
			return starlark.None, err
		}
	case *starlark.List:
		vals, err := sliceValues(v)
		if err != nil {
			return nil, err
		}
		elems, err := spliced(listElems(x), args[1], args[2], args[3], vals)
		if err != nil {
			return nil, err
		}
		return starlark.None, refill(x, elems)
	case *ByteArray:
		vals, err := byteSliceValues(v)
		if err != nil {
			return nil, err
		}
		elems, err := spliced(bytesElems(x.b), args[1], args[2], args[3], vals)
		if err != nil {
			return nil, err
		}
		x.b = elemsBytes(elems)
		return starlark.None, nil
	}
	return nil, exc.TypeError("'%s' object does not support item assignment", typeName(x))
}

func delsliceBuiltin(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 4 || len(kwargs) > 0 {
		return nil, exc.TypeError("_delslice takes 4 arguments")
	}
	switch x := args[0].(type) {
	case *Instance: // del s[1:2] is s.__delitem__(slice(1, 2, None))
		if fn := x.class.lookup("__delitem__"); fn != nil {
			_, err := starlark.Call(thread, fn, starlark.Tuple{x, &pySlice{args[1], args[2], args[3]}}, nil)
			return starlark.None, err
		}
	case *starlark.List:
		elems, err := removed(listElems(x), args[1], args[2], args[3])
		if err != nil {
			return nil, err
		}
		return starlark.None, refill(x, elems)
	case *ByteArray:
		elems, err := removed(bytesElems(x.b), args[1], args[2], args[3])
		if err != nil {
			return nil, err
		}
		x.b = elemsBytes(elems)
		return starlark.None, nil
	}
	return nil, exc.TypeError("'%s' object does not support item deletion", typeName(args[0]))
}

// spliced is elems with the slice replaced by vals, as Python assigns.
func spliced(elems []starlark.Value, lo, hi, step starlark.Value, vals []starlark.Value) ([]starlark.Value, error) {
	start, stop, st, err := sliceIndices(len(elems), lo, hi, step)
	if err != nil {
		return nil, err
	}
	if st == 1 {
		stop = max(stop, start)
		out := append(append(append([]starlark.Value(nil), elems[:start]...), vals...), elems[stop:]...)
		return out, nil
	}
	n := sliceLen(start, stop, st)
	if len(vals) != n {
		return nil, exc.ValueError("attempt to assign sequence of size %d to extended slice of size %d", len(vals), n)
	}
	out := append([]starlark.Value(nil), elems...)
	for i := 0; i < n; i++ {
		out[start+i*st] = vals[i]
	}
	return out, nil
}

// removed is elems without the slice.
func removed(elems []starlark.Value, lo, hi, step starlark.Value) ([]starlark.Value, error) {
	start, stop, st, err := sliceIndices(len(elems), lo, hi, step)
	if err != nil {
		return nil, err
	}
	drop := map[int]bool{}
	for i, n := 0, sliceLen(start, stop, st); i < n; i++ {
		drop[start+i*st] = true
	}
	var out []starlark.Value
	for i, v := range elems {
		if !drop[i] {
			out = append(out, v)
		}
	}
	return out, nil
}

// sliceIndices is CPython's PySlice_GetIndicesEx for a sequence of n.
func sliceIndices(n int, lo, hi, step starlark.Value) (start, stop, st int, err error) {
	st = 1
	if step != starlark.None {
		if st, err = sliceInt(step); err != nil {
			return
		}
		if st == 0 {
			return 0, 0, 0, exc.ValueError("slice step cannot be zero")
		}
	}
	adjust := func(v starlark.Value, dflt int) (int, error) {
		if v == starlark.None {
			return dflt, nil
		}
		i, err := sliceInt(v)
		if err != nil {
			return 0, err
		}
		if i < 0 {
			i += n
		}
		lower, upper := 0, n
		if st < 0 {
			lower, upper = -1, n-1
		}
		return min(max(i, lower), upper), nil
	}
	if st > 0 {
		start, err = adjust(lo, 0)
		if err == nil {
			stop, err = adjust(hi, n)
		}
	} else {
		start, err = adjust(lo, n-1)
		if err == nil {
			stop, err = adjust(hi, -1)
		}
	}
	return start, stop, st, err
}

func sliceLen(start, stop, step int) int {
	if step > 0 && stop > start {
		return (stop-start-1)/step + 1
	}
	if step < 0 && start > stop {
		return (start-stop-1)/(-step) + 1
	}
	return 0
}

func sliceInt(v starlark.Value) (int, error) {
	i, err := starlark.AsInt32(v)
	if err != nil {
		return 0, exc.TypeError("slice indices must be integers or None or have an __index__ method")
	}
	return i, nil
}

// sliceValues are the items assigned into a list slice.
func sliceValues(v starlark.Value) ([]starlark.Value, error) {
	if s, ok := v.(starlark.String); ok {
		var out []starlark.Value
		for _, r := range string(s) {
			out = append(out, starlark.String(string(r)))
		}
		return out, nil
	}
	if _, ok := v.(starlark.Iterable); !ok {
		if _, isBytes := v.(starlark.Bytes); !isBytes {
			return nil, exc.TypeError("can only assign an iterable")
		}
	}
	return collect(v)
}

// byteSliceValues are the bytes assigned into a bytearray slice.
func byteSliceValues(v starlark.Value) ([]starlark.Value, error) {
	if _, ok := v.(starlark.String); ok {
		return nil, exc.TypeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
	}
	vals, err := collect(v)
	if err != nil {
		return nil, exc.TypeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
	}
	for _, x := range vals {
		if _, err := byteValue(x); err != nil {
			return nil, err
		}
	}
	return vals, nil
}

func listElems(l *starlark.List) []starlark.Value {
	out := make([]starlark.Value, l.Len())
	for i := range out {
		out[i] = l.Index(i)
	}
	return out
}

// refill replaces a list's contents (Clear reports a frozen or iterated list).
func refill(l *starlark.List, elems []starlark.Value) error {
	if err := l.Clear(); err != nil {
		return err
	}
	for _, v := range elems {
		if err := l.Append(v); err != nil {
			return err
		}
	}
	return nil
}

func bytesElems(b []byte) []starlark.Value {
	vals, _ := collect(starlark.Bytes(b))
	return vals
}

func elemsBytes(vals []starlark.Value) []byte {
	out := make([]byte, len(vals))
	for i, v := range vals {
		out[i], _ = byteValue(v)
	}
	return out
}
