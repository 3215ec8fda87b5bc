package pyfunc

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{Name: "itertools", Doc: "iterator building blocks: count, cycle, chain, islice, groupby, permutations, product, ...", New: newItertools})
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newItertools(*runtime.Env) (starlark.StringDict, error) {
	d := starlark.StringDict{}
	for name, fn := range map[string]builtinFn{
		"count": count, "cycle": cycle, "repeat": repeat, "islice": islice, "chain": chain,
		"takewhile": whileFn(true), "dropwhile": whileFn(false), "accumulate": accumulate,
		"starmap": starmap, "compress": compress, "filterfalse": filterfalse,
		"zip_longest": zipLongest, "groupby": groupby, "pairwise": pairwise, "tee": tee,
		"permutations": permutations, "combinations": combinations(false),
		"combinations_with_replacement": combinations(true), "product": product,
	} {
		d[name] = starlark.NewBuiltin(name, fn)
	}
	d["chain"] = &wrapped{Builtin: starlark.NewBuiltin("chain", chain), name: "chain",
		attrs: starlark.StringDict{"from_iterable": starlark.NewBuiltin("from_iterable", chainFromIterable)}}
	return d, nil
}

func fromSlice(t *starlark.Thread, kind string, vals []starlark.Value) starlark.Value {
	i := 0
	return pylib.NewIterator(t, kind, func(*starlark.Thread) (starlark.Value, bool, error) {
		if i >= len(vals) {
			return nil, false, nil
		}
		i++
		return vals[i-1], true, nil
	})
}

func count(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var start, step starlark.Value = starlark.MakeInt(0), starlark.MakeInt(1)
	if err := starlark.UnpackArgs("count", args, kw, "start?", &start, "step?", &step); err != nil {
		return nil, err
	}
	n := start
	return pylib.NewIterator(t, "itertools.count", func(*starlark.Thread) (starlark.Value, bool, error) {
		v := n
		var err error
		n, err = starlark.Binary(syntax.PLUS, n, step)
		return v, err == nil, err
	}), nil
}

func cycle(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Value
	if err := starlark.UnpackPositionalArgs("cycle", args, kw, 1, &seq); err != nil {
		return nil, err
	}
	next, err := pylib.Iter(t, seq)
	if err != nil {
		return nil, err
	}
	var saved []starlark.Value
	i, exhausted := 0, false
	return pylib.NewIterator(t, "itertools.cycle", func(t *starlark.Thread) (starlark.Value, bool, error) {
		if !exhausted {
			v, ok, err := next(t)
			if err != nil {
				return nil, false, err
			}
			if ok {
				saved = append(saved, v)
				return v, true, nil
			}
			exhausted = true
		}
		if len(saved) == 0 {
			return nil, false, nil
		}
		v := saved[i%len(saved)]
		i++
		return v, true, nil
	}), nil
}

func repeat(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	times := -1
	if err := starlark.UnpackArgs("repeat", args, kw, "object", &x, "times?", &times); err != nil {
		return nil, err
	}
	return pylib.NewIterator(t, "itertools.repeat", func(*starlark.Thread) (starlark.Value, bool, error) {
		if times == 0 {
			return nil, false, nil
		}
		if times > 0 {
			times--
		}
		return x, true, nil
	}), nil
}

func optInt(v starlark.Value, dflt int) (int, error) {
	if v == nil || v == starlark.None {
		return dflt, nil
	}
	var n int
	if err := starlark.AsInt(v, &n); err != nil || n < 0 {
		return 0, exc.ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
	}
	return n, nil
}

func islice(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var seq, a, b, c starlark.Value
	if err := starlark.UnpackPositionalArgs("islice", args, kw, 2, &seq, &a, &b, &c); err != nil {
		return nil, err
	}
	if len(args) == 2 {
		a, b = nil, a
	}
	start, err := optInt(a, 0)
	if err != nil {
		return nil, err
	}
	stop, err := optInt(b, -1)
	if err != nil {
		return nil, err
	}
	step, err := optInt(c, 1)
	if err != nil || step == 0 {
		return nil, exc.ValueError("Step for islice() must be a positive integer or None.")
	}
	next, err := pylib.Iter(t, seq)
	if err != nil {
		return nil, err
	}
	pos, want := 0, start
	return pylib.NewIterator(t, "itertools.islice", func(t *starlark.Thread) (starlark.Value, bool, error) {
		for stop < 0 || want < stop {
			v, ok, err := next(t)
			if !ok || err != nil {
				return nil, false, err
			}
			pos++
			if pos-1 == want {
				want += step
				return v, true, nil
			}
		}
		return nil, false, nil
	}), nil
}

// chainOf yields every value of each iterable that nextIterable gives.
func chainOf(t *starlark.Thread, kind string, nextIterable pylib.NextFunc) starlark.Value {
	var cur pylib.NextFunc
	return pylib.NewIterator(t, kind, func(t *starlark.Thread) (starlark.Value, bool, error) {
		for {
			if cur == nil {
				src, ok, err := nextIterable(t)
				if !ok || err != nil {
					return nil, false, err
				}
				if cur, err = pylib.Iter(t, src); err != nil {
					return nil, false, err
				}
			}
			v, ok, err := cur(t)
			if err != nil {
				return nil, false, err
			}
			if ok {
				return v, true, nil
			}
			cur = nil
		}
	})
}

func chain(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if len(kw) > 0 {
		return nil, exc.TypeError("chain() takes no keyword arguments")
	}
	its := append(starlark.Tuple(nil), args...)
	return chainOf(t, "itertools.chain", func(*starlark.Thread) (starlark.Value, bool, error) {
		if len(its) == 0 {
			return nil, false, nil
		}
		v := its[0]
		its = its[1:]
		return v, true, nil
	}), nil
}

func chainFromIterable(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Value
	if err := starlark.UnpackPositionalArgs("from_iterable", args, kw, 1, &seq); err != nil {
		return nil, err
	}
	outer, err := pylib.Iter(t, seq)
	if err != nil {
		return nil, err
	}
	return chainOf(t, "itertools.chain", outer), nil
}
