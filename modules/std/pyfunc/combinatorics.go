package pyfunc

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func groupby(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var seq, key starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs("groupby", args, kw, "iterable", &seq, "key?", &key); err != nil {
		return nil, err
	}
	vals, err := pylib.Collect(t, seq)
	if err != nil {
		return nil, err
	}
	var groups []starlark.Value
	var curKey starlark.Value
	var cur []starlark.Value
	flush := func() {
		if cur != nil {
			groups = append(groups, starlark.Tuple{curKey, fromSlice(t, "itertools._grouper", cur)})
		}
	}
	for _, v := range vals {
		k := v
		if key != starlark.None {
			if k, err = starlark.Call(t, key, starlark.Tuple{v}, nil); err != nil {
				return nil, err
			}
		}
		if cur != nil {
			if eq, err := starlark.Equal(k, curKey); err != nil {
				return nil, err
			} else if eq {
				cur = append(cur, v)
				continue
			}
		}
		flush()
		curKey, cur = k, []starlark.Value{v}
	}
	flush()
	return fromSlice(t, "itertools.groupby", groups), nil
}

func poolAndR(t *starlark.Thread, name string, args starlark.Tuple, kw []starlark.Tuple, rRequired bool) ([]starlark.Value, int, error) {
	var seq, r starlark.Value = nil, starlark.None
	var err error
	if rRequired {
		err = starlark.UnpackArgs(name, args, kw, "iterable", &seq, "r", &r)
	} else {
		err = starlark.UnpackArgs(name, args, kw, "iterable", &seq, "r?", &r)
	}
	if err != nil {
		return nil, 0, err
	}
	pool, err := pylib.Collect(t, seq)
	if err != nil {
		return nil, 0, err
	}
	n := len(pool)
	if r != starlark.None {
		if err := starlark.AsInt(r, &n); err != nil {
			return nil, 0, err
		}
	}
	return pool, n, nil
}

func pick(pool []starlark.Value, idx []int) starlark.Tuple {
	out := make(starlark.Tuple, len(idx))
	for i, j := range idx {
		out[i] = pool[j]
	}
	return out
}

// permutations in CPython's (lexicographic by position) order.
func permutations(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	pool, r, err := poolAndR(t, "permutations", args, kw, false)
	if err != nil {
		return nil, err
	}
	var out []starlark.Value
	used := make([]bool, len(pool))
	var idx []int
	var walk func()
	walk = func() {
		if len(idx) == r {
			out = append(out, pick(pool, idx))
			return
		}
		for i := range pool {
			if !used[i] {
				used[i] = true
				idx = append(idx, i)
				walk()
				idx = idx[:len(idx)-1]
				used[i] = false
			}
		}
	}
	if r <= len(pool) {
		walk()
	}
	return fromSlice(t, "itertools.permutations", out), nil
}

func combinations(replace bool) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		pool, r, err := poolAndR(t, b.Name(), args, kw, true)
		if err != nil {
			return nil, err
		}
		var out []starlark.Value
		var idx []int
		var walk func(from int)
		walk = func(from int) {
			if len(idx) == r {
				out = append(out, pick(pool, idx))
				return
			}
			for i := from; i < len(pool); i++ {
				idx = append(idx, i)
				if replace {
					walk(i)
				} else {
					walk(i + 1)
				}
				idx = idx[:len(idx)-1]
			}
		}
		walk(0)
		return fromSlice(t, "itertools."+b.Name(), out), nil
	}
}

func product(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	repeat := 1
	for _, p := range kw {
		if k, _ := starlark.AsString(p[0]); k != "repeat" {
			return nil, exc.TypeError("product() got an unexpected keyword argument '%s'", k)
		}
	}
	for _, p := range kw {
		if err := starlark.AsInt(p[1], &repeat); err != nil {
			return nil, exc.TypeError("product() argument 'repeat' must be int, not %s", p[1].Type())
		}
	}
	var pools [][]starlark.Value
	for _, a := range args {
		vals, err := pylib.Collect(t, a)
		if err != nil {
			return nil, err
		}
		pools = append(pools, vals)
	}
	var all [][]starlark.Value
	for i := 0; i < repeat; i++ {
		all = append(all, pools...)
	}
	out := []starlark.Value{starlark.Tuple{}}
	for _, pool := range all {
		var next []starlark.Value
		for _, prefix := range out {
			for _, v := range pool {
				next = append(next, append(append(starlark.Tuple(nil), prefix.(starlark.Tuple)...), v))
			}
		}
		out = next
	}
	return fromSlice(t, "itertools.product", out), nil
}
