package statistics

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// sortedData is sorted(data) with Python's comparisons.
func sortedData(t *starlark.Thread, data []starlark.Value) ([]starlark.Value, error) {
	v, err := starlark.Call(t, pylib.Builtins()["sorted"], starlark.Tuple{starlark.NewList(data)}, nil)
	if err != nil {
		return nil, err
	}
	return pylib.Collect(t, v)
}

// median is median, median_low or median_high.
func median(t *starlark.Thread, name string, data []starlark.Value) (starlark.Value, error) {
	if len(data) == 0 {
		return nil, statisticsError().Raise("no median for empty data")
	}
	s, err := sortedData(t, data)
	if err != nil {
		return nil, err
	}
	n := len(s)
	if n%2 == 1 {
		return s[n/2], nil
	}
	switch name {
	case "median_low":
		return s[n/2-1], nil
	case "median_high":
		return s[n/2], nil
	}
	sum, err := starlark.Binary(syntax.PLUS, s[n/2-1], s[n/2])
	if err != nil {
		return nil, err
	}
	return starlark.Binary(syntax.SLASH, sum, starlark.MakeInt(2))
}

// mode is mode (the first most common value) or multimode (all of them).
func mode(_ *starlark.Thread, name string, data []starlark.Value) (starlark.Value, error) {
	counts := starlark.NewDict(len(data))
	best := 0
	for _, v := range data {
		c, _, err := counts.Get(v)
		if err != nil {
			return nil, err
		}
		n := 1
		if c != nil {
			n, _ = starlark.AsInt32(c)
			n++
		}
		if err := counts.SetKey(v, starlark.MakeInt(n)); err != nil {
			return nil, err
		}
		best = max(best, n)
	}
	var modes []starlark.Value
	for _, kv := range counts.Items() {
		if n, _ := starlark.AsInt32(kv[1]); n == best {
			modes = append(modes, kv[0])
		}
	}
	if name == "multimode" {
		return starlark.NewList(modes), nil
	}
	if len(modes) == 0 {
		return nil, statisticsError().Raise("no mode for empty data")
	}
	return modes[0], nil
}

// quantiles(data, *, n=4, method='exclusive'), CPython's interpolation.
func quantiles(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	n, method := 4, "exclusive"
	if err := sigs[b.Name()].UnpackArgs(args, kwargs, &data, &n, &method); err != nil {
		return nil, err
	}
	if len(args) > 1 {
		return nil, exc.TypeError("quantiles() takes 1 positional argument but %d were given", len(args))
	}
	if n < 1 {
		return nil, statisticsError().Raise("n must be at least 1")
	}
	vals, err := pylib.Collect(t, data)
	if err != nil {
		return nil, err
	}
	s, err := sortedData(t, vals)
	if err != nil {
		return nil, err
	}
	ld := len(s)
	if ld < 2 {
		return nil, statisticsError().Raise("must have at least two data points")
	}
	// point is (lo * (n - delta) + hi * delta) / n
	point := func(lo, hi starlark.Value, delta int) (starlark.Value, error) {
		a, err := starlark.Binary(syntax.STAR, lo, starlark.MakeInt(n-delta))
		if err != nil {
			return nil, err
		}
		c, err := starlark.Binary(syntax.STAR, hi, starlark.MakeInt(delta))
		if err != nil {
			return nil, err
		}
		sum, err := starlark.Binary(syntax.PLUS, a, c)
		if err != nil {
			return nil, err
		}
		return starlark.Binary(syntax.SLASH, sum, starlark.MakeInt(n))
	}
	var out []starlark.Value
	for i := 1; i < n; i++ {
		var v starlark.Value
		switch method {
		case "inclusive":
			j, delta := i*(ld-1)/n, i*(ld-1)%n
			v, err = point(s[j], s[j+1], delta)
		case "exclusive":
			m := ld + 1
			j := min(max(i*m/n, 1), ld-1)
			v, err = point(s[j-1], s[j], i*m-j*n)
		default:
			return nil, exc.ValueError("Unknown method: '%s'", method)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return starlark.NewList(out), nil
}
