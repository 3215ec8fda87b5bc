package pylib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// _unpack(seq, before, after) splits seq for a starred assignment target:
// a tuple of `before` items, a list of the middle, `after` items.
func unpackBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Value
	var before, after int
	if err := starlark.UnpackPositionalArgs("_unpack", args, kwargs, 3, &seq, &before, &after); err != nil {
		return nil, err
	}
	return starSplit(seq, before, after)
}

// _unpack_each(rows, before, after) is _unpack applied to each row, for a
// starred loop target.
func unpackEachBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var rows starlark.Value
	var before, after int
	if err := starlark.UnpackPositionalArgs("_unpack_each", args, kwargs, 3, &rows, &before, &after); err != nil {
		return nil, err
	}
	vals, err := iterValues(rows)
	if err != nil {
		return nil, err
	}
	out := make([]starlark.Value, len(vals))
	for i, row := range vals {
		if out[i], err = starSplit(row, before, after); err != nil {
			return nil, err
		}
	}
	return starlark.NewList(out), nil
}

func starSplit(seq starlark.Value, before, after int) (starlark.Value, error) {
	if _, ok := seq.(starlark.Iterable); !ok {
		if _, ok := seq.(starlark.String); !ok {
			if _, ok := seq.(starlark.Bytes); !ok {
				return nil, exc.TypeError("cannot unpack non-iterable %s object", typeName(seq))
			}
		}
	}
	vals, err := iterValues(seq)
	if err != nil {
		return nil, err
	}
	if len(vals) < before+after {
		return nil, exc.ValueError("not enough values to unpack (expected at least %d, got %d)", before+after, len(vals))
	}
	out := append(starlark.Tuple(nil), vals[:before]...)
	mid := append([]starlark.Value(nil), vals[before:len(vals)-after]...)
	out = append(out, starlark.NewList(mid))
	return append(out, vals[len(vals)-after:]...), nil
}

// iterValues lists what a Python for loop over v would see.
func iterValues(v starlark.Value) ([]starlark.Value, error) {
	if s, ok := v.(starlark.String); ok {
		var out []starlark.Value
		for _, r := range string(s) {
			out = append(out, starlark.String(string(r)))
		}
		return out, nil
	}
	return collect(v)
}

// _seq(xs, n) is the right-hand side of `a, b = xs` (n targets): xs
// itself when it is a tuple or list of n items, else its n items
// (characters of a str, ints of bytes, a set in CPython's order), with
// Python's errors for a wrong count.
func seqBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 || len(kwargs) > 0 {
		return nil, exc.TypeError("_seq takes 2 arguments")
	}
	xs := args[0]
	if t, ok := xs.(starlark.Tuple); ok && starlark.MakeInt(len(t)) == args[1] {
		return t, nil // the common case first: a function returned a tuple
	}
	n, err := starlark.AsInt32(args[1])
	if err != nil {
		return nil, err
	}
	var vals []starlark.Value
	switch v := xs.(type) {
	case starlark.Tuple:
		if len(v) == n {
			return v, nil
		}
		vals = v
	case *starlark.List:
		if v.Len() == n {
			return v, nil
		}
		vals = make([]starlark.Value, v.Len())
		for i := range vals {
			vals[i] = v.Index(i)
		}
	default:
		if _, ok := xs.(starlark.Iterable); !ok {
			if _, ok := xs.(starlark.String); !ok {
				if _, ok := xs.(starlark.Bytes); !ok {
					return nil, exc.TypeError("cannot unpack non-iterable %s object", typeName(xs))
				}
			}
		}
		if vals, err = iterValues(xs); err != nil {
			return nil, err
		}
	}
	if len(vals) > n {
		return nil, exc.ValueError("too many values to unpack (expected %d)", n)
	}
	if len(vals) < n {
		return nil, exc.ValueError("not enough values to unpack (expected %d, got %d)", n, len(vals))
	}
	return starlark.Tuple(vals), nil
}
