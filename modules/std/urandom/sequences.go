package urandom

import (
	"math"
	"sort"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// items gives a sequence's elements as Python indexes them: code points of
// a str, ints of bytes.
func items(v starlark.Value) ([]starlark.Value, bool) {
	switch s := v.(type) {
	case starlark.String:
		var out []starlark.Value
		for _, r := range string(s) {
			out = append(out, starlark.String(string(r)))
		}
		return out, true
	case starlark.Bytes:
		out := make([]starlark.Value, len(s))
		for i := range out {
			out[i] = starlark.MakeInt(int(s[i]))
		}
		return out, true
	case starlark.Indexable:
		out := make([]starlark.Value, s.Len())
		for i := range out {
			out[i] = s.Index(i)
		}
		return out, true
	}
	return nil, false
}

func (g *gen) choiceFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "seq", &seq); err != nil {
		return nil, err
	}
	vals, ok := items(seq)
	if !ok {
		return nil, exc.TypeError("object of type '%s' has no len()", pyargs.TypeName(seq))
	}
	if len(vals) == 0 {
		return nil, exc.New("IndexError", "Cannot choose from an empty sequence")
	}
	return vals[g.belowInt(len(vals))], nil
}

// choices(population, weights=None, *, cum_weights=None, k=1)
func (g *gen) choicesFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var pop, weights, cum, kv starlark.Value
	if err := pyargs.Unpack(b.Name(), args, kwargs, []string{"population", "weights?", "cum_weights?", "k?"}, &pop, &weights, &cum, &kv); err != nil {
		return nil, err
	}
	vals, ok := items(pop)
	if !ok {
		return nil, exc.TypeError("object of type '%s' has no len()", pyargs.TypeName(pop))
	}
	k := int64(1)
	if kv != nil {
		var err error
		if k, err = pyargs.Int(b.Name(), "k", kv); err != nil {
			return nil, err
		}
	}
	n := len(vals)
	out := make([]starlark.Value, 0, max(k, 0))
	if pyargs.IsNone(weights) && pyargs.IsNone(cum) {
		if n == 0 {
			return nil, exc.New("IndexError", "list index out of range")
		}
		for i := int64(0); i < k; i++ {
			out = append(out, vals[int(math.Floor(g.random()*float64(n)))])
		}
		return starlark.NewList(out), nil
	}
	if !pyargs.IsNone(weights) && !pyargs.IsNone(cum) {
		return nil, exc.TypeError("Cannot specify both weights and cumulative weights")
	}
	cw, err := cumulative(weights, cum)
	if err != nil {
		return nil, err
	}
	if len(cw) != n {
		return nil, exc.ValueError("The number of weights does not match the population")
	}
	total := cw[n-1]
	if total <= 0 || math.IsInf(total, 0) || math.IsNaN(total) {
		return nil, exc.ValueError("Total of weights must be greater than zero")
	}
	for i := int64(0); i < k; i++ {
		x := g.random() * total
		j := sort.Search(n-1, func(i int) bool { return cw[i] > x }) // bisect_right over cw[:n-1]
		out = append(out, vals[j])
	}
	return starlark.NewList(out), nil
}

func cumulative(weights, cum starlark.Value) ([]float64, error) {
	src, isCum := weights, false
	if pyargs.IsNone(weights) {
		src, isCum = cum, true
	}
	ws, ok := items(src)
	if !ok {
		return nil, exc.TypeError("'%s' object is not iterable", pyargs.TypeName(src))
	}
	out := make([]float64, len(ws))
	acc := 0.0
	for i, w := range ws {
		f, err := pyargs.Number("choices", "weights", w)
		if err != nil {
			return nil, err
		}
		if isCum {
			out[i] = f
		} else {
			acc += f
			out[i] = acc
		}
	}
	return out, nil
}

func (g *gen) shuffleFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "x", &xv); err != nil {
		return nil, err
	}
	x, ok := xv.(starlark.HasSetIndex)
	if !ok {
		return nil, exc.TypeError("'%s' object does not support item assignment", pyargs.TypeName(xv))
	}
	for i := x.Len() - 1; i >= 1; i-- {
		j := g.belowInt(i + 1)
		a, c := x.Index(i), x.Index(j)
		if err := x.SetIndex(i, c); err != nil {
			return nil, err
		}
		if err := x.SetIndex(j, a); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}

func (g *gen) sampleFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var pop, kv, counts starlark.Value
	if err := pyargs.Unpack(b.Name(), args, kwargs, []string{"population", "k", "counts?"}, &pop, &kv, &counts); err != nil {
		return nil, err
	}
	if _, isSet := pop.(*starlark.Set); isSet {
		return nil, exc.TypeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
	}
	vals, ok := items(pop)
	if !ok {
		return nil, exc.TypeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
	}
	if !pyargs.IsNone(counts) {
		var err error
		if vals, err = repeatByCounts(vals, counts); err != nil {
			return nil, err
		}
	}
	k64, err := pyargs.Int(b.Name(), "k", kv)
	if err != nil {
		return nil, err
	}
	n, k := len(vals), int(k64)
	if k < 0 || k > n {
		return nil, exc.ValueError("Sample larger than population or is negative")
	}
	return starlark.NewList(g.sample(vals, k)), nil
}

// sample is CPython's algorithm: a shrinking pool for small populations,
// a set of chosen indexes for large ones.
func (g *gen) sample(vals []starlark.Value, k int) []starlark.Value {
	n := len(vals)
	result := make([]starlark.Value, k)
	setsize := 21
	if k > 5 {
		setsize += int(math.Pow(4, math.Ceil(math.Log(float64(k*3))/math.Log(4))))
	}
	if n <= setsize {
		pool := append([]starlark.Value(nil), vals...)
		for i := 0; i < k; i++ {
			j := g.belowInt(n - i)
			result[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
		return result
	}
	selected := map[int]bool{}
	for i := 0; i < k; i++ {
		j := g.belowInt(n)
		for selected[j] {
			j = g.belowInt(n)
		}
		selected[j] = true
		result[i] = vals[j]
	}
	return result
}

func repeatByCounts(vals []starlark.Value, counts starlark.Value) ([]starlark.Value, error) {
	cs, ok := items(counts)
	if !ok || len(cs) != len(vals) {
		return nil, exc.ValueError("The number of counts does not match the population")
	}
	var out []starlark.Value
	for i, c := range cs {
		n, err := pyargs.Int("sample", "counts", c)
		if err != nil {
			return nil, err
		}
		for ; n > 0; n-- {
			out = append(out, vals[i])
		}
	}
	return out, nil
}
