package pyfunc

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// fnAndIter unpacks (func, iterable) and iterates the iterable lazily.
func fnAndIter(t *starlark.Thread, name string, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, pylib.NextFunc, error) {
	var fn, seq starlark.Value
	if err := starlark.UnpackPositionalArgs(name, args, kw, 2, &fn, &seq); err != nil {
		return nil, nil, err
	}
	next, err := pylib.Iter(t, seq)
	return fn, next, err
}

func truth(t *starlark.Thread, fn, v starlark.Value) (bool, error) {
	if fn == starlark.None {
		return bool(v.Truth()), nil
	}
	r, err := starlark.Call(t, fn, starlark.Tuple{v}, nil)
	if err != nil {
		return false, err
	}
	return bool(r.Truth()), nil
}

// whileFn is takewhile (take=true) or dropwhile.
func whileFn(take bool) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		pred, next, err := fnAndIter(t, b.Name(), args, kw)
		if err != nil {
			return nil, err
		}
		switched := false
		return pylib.NewIterator(t, "itertools."+b.Name(), func(t *starlark.Thread) (starlark.Value, bool, error) {
			for {
				v, ok, err := next(t)
				if !ok || err != nil {
					return nil, false, err
				}
				if switched {
					return v, !take, nil
				}
				keep, err := truth(t, pred, v)
				if err != nil {
					return nil, false, err
				}
				switch {
				case keep && take:
					return v, true, nil
				case keep: // dropwhile: still dropping
					continue
				}
				switched = true
				if !take {
					return v, true, nil
				}
				return nil, false, nil
			}
		}), nil
	}
}

func filterfalse(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	pred, next, err := fnAndIter(t, "filterfalse", args, kw)
	if err != nil {
		return nil, err
	}
	return pylib.NewIterator(t, "itertools.filterfalse", func(t *starlark.Thread) (starlark.Value, bool, error) {
		for {
			v, ok, err := next(t)
			if !ok || err != nil {
				return nil, false, err
			}
			if keep, err := truth(t, pred, v); err != nil || !keep {
				return v, err == nil, err
			}
		}
	}), nil
}

func starmap(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	fn, next, err := fnAndIter(t, "starmap", args, kw)
	if err != nil {
		return nil, err
	}
	return pylib.NewIterator(t, "itertools.starmap", func(t *starlark.Thread) (starlark.Value, bool, error) {
		v, ok, err := next(t)
		if !ok || err != nil {
			return nil, false, err
		}
		a, err := pylib.Collect(t, v)
		if err != nil {
			return nil, false, err
		}
		r, err := starlark.Call(t, fn, starlark.Tuple(a), nil)
		return r, err == nil, err
	}), nil
}

func compress(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var data, sel starlark.Value
	if err := starlark.UnpackArgs("compress", args, kw, "data", &data, "selectors", &sel); err != nil {
		return nil, err
	}
	nd, err := pylib.Iter(t, data)
	if err != nil {
		return nil, err
	}
	ns, err := pylib.Iter(t, sel)
	if err != nil {
		return nil, err
	}
	return pylib.NewIterator(t, "itertools.compress", func(t *starlark.Thread) (starlark.Value, bool, error) {
		for {
			v, ok, err := nd(t)
			if !ok || err != nil {
				return nil, false, err
			}
			s, ok, err := ns(t)
			if !ok || err != nil {
				return nil, false, err
			}
			if s.Truth() {
				return v, true, nil
			}
		}
	}), nil
}

func accumulate(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var seq, fn, initial starlark.Value = nil, starlark.None, starlark.None
	if err := starlark.UnpackArgs("accumulate", args, kw, "iterable", &seq, "func?", &fn, "initial?", &initial); err != nil {
		return nil, err
	}
	next, err := pylib.Iter(t, seq)
	if err != nil {
		return nil, err
	}
	var acc starlark.Value
	if initial != starlark.None {
		acc = initial
	}
	first := acc != nil
	return pylib.NewIterator(t, "itertools.accumulate", func(t *starlark.Thread) (starlark.Value, bool, error) {
		if first {
			first = false
			return acc, true, nil
		}
		v, ok, err := next(t)
		if !ok || err != nil {
			return nil, false, err
		}
		switch {
		case acc == nil:
			acc = v
		case fn == starlark.None:
			acc, err = starlark.Binary(syntax.PLUS, acc, v)
		default:
			acc, err = starlark.Call(t, fn, starlark.Tuple{acc, v}, nil)
		}
		return acc, err == nil, err
	}), nil
}

func zipLongest(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var fill starlark.Value = starlark.None
	for _, p := range kw {
		if k, _ := starlark.AsString(p[0]); k != "fillvalue" {
			return nil, exc.TypeError("zip_longest() got an unexpected keyword argument '%s'", k)
		}
		fill = p[1]
	}
	nexts := make([]pylib.NextFunc, len(args))
	for i, a := range args {
		var err error
		if nexts[i], err = pylib.Iter(t, a); err != nil {
			return nil, err
		}
	}
	done := make([]bool, len(args))
	return pylib.NewIterator(t, "itertools.zip_longest", func(t *starlark.Thread) (starlark.Value, bool, error) {
		row, live := make(starlark.Tuple, len(nexts)), 0
		for i, n := range nexts {
			row[i] = fill
			if done[i] {
				continue
			}
			v, ok, err := n(t)
			if err != nil {
				return nil, false, err
			}
			if ok {
				row[i] = v
				live++
			} else {
				done[i] = true
			}
		}
		return row, live > 0, nil
	}), nil
}

func pairwise(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Value
	if err := starlark.UnpackPositionalArgs("pairwise", args, kw, 1, &seq); err != nil {
		return nil, err
	}
	next, err := pylib.Iter(t, seq)
	if err != nil {
		return nil, err
	}
	var prev starlark.Value
	return pylib.NewIterator(t, "itertools.pairwise", func(t *starlark.Thread) (starlark.Value, bool, error) {
		if prev == nil {
			v, ok, err := next(t)
			if !ok || err != nil {
				return nil, false, err
			}
			prev = v
		}
		v, ok, err := next(t)
		if !ok || err != nil {
			return nil, false, err
		}
		pair := starlark.Tuple{prev, v}
		prev = v
		return pair, true, nil
	}), nil
}

// tee(it, n=2): n independent iterators over it's values (collected once).
func tee(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Value
	n := 2
	if err := starlark.UnpackPositionalArgs("tee", args, kw, 1, &seq, &n); err != nil {
		return nil, err
	}
	vals, err := pylib.Collect(t, seq)
	if err != nil {
		return nil, err
	}
	out := make(starlark.Tuple, n)
	for i := range out {
		out[i] = fromSlice(t, "itertools._tee", vals)
	}
	return out, nil
}
