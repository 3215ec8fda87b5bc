// Package statistics is CPython's statistics for scripts: averages,
// medians, modes, quantiles and spreads, computed exactly (as CPython's
// Fraction arithmetic does) and returned as int, float or Fraction by
// CPython's rules.
package statistics

import (
	"math"
	"math/big"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/modules/std/fractions"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// statisticsError() is statistics.StatisticsError (a ValueError).
var statisticsError = sync.OnceValue(func() *pylib.Class { return pylib.NewExceptionClass("StatisticsError", "ValueError") })

var sigs = map[string]*pyargs.Sig{
	"mean":           pyargs.NewSig("mean(data)", "The arithmetic mean, exact: an int when whole int data average to a whole number, a Fraction for Fractions, else a float."),
	"fmean":          pyargs.NewSig("fmean(data, weights=None)", "The mean as a float (math.fsum of the data over its length), optionally weighted."),
	"geometric_mean": pyargs.NewSig("geometric_mean(data)", "The geometric mean of positive data, as a float."),
	"harmonic_mean":  pyargs.NewSig("harmonic_mean(data)", "The harmonic mean: len(data) over the sum of reciprocals (0 when a value is 0)."),
	"median":         pyargs.NewSig("median(data)", "The middle value, or the mean of the two middle values."),
	"median_low":     pyargs.NewSig("median_low(data)", "The middle value, or the smaller of the two middle values."),
	"median_high":    pyargs.NewSig("median_high(data)", "The middle value, or the larger of the two middle values."),
	"mode":           pyargs.NewSig("mode(data)", "The most common value (the first seen among ties); data may hold any hashable values."),
	"multimode":      pyargs.NewSig("multimode(data)", "The list of most common values, in first-seen order ([] for no data)."),
	"quantiles":      pyargs.NewSig("quantiles(data, *, n=4, method='exclusive')", "The n-1 cut points dividing data into n intervals ('exclusive' or 'inclusive' interpolation)."),
	"variance":       pyargs.NewSig("variance(data, xbar=None)", "The sample variance (n - 1 denominator), exact, of at least two values."),
	"pvariance":      pyargs.NewSig("pvariance(data, mu=None)", "The population variance (n denominator), exact."),
	"stdev":          pyargs.NewSig("stdev(data, xbar=None)", "The sample standard deviation: the correctly rounded square root of variance."),
	"pstdev":         pyargs.NewSig("pstdev(data, mu=None)", "The population standard deviation."),
}

func init() {
	runtime.Register(runtime.Module{Name: "statistics", Doc: "means, medians, modes, quantiles, variance and standard deviation", New: newModule})
	runtime.RegisterSigs("statistics", sigs)
	runtime.RegisterDocs("statistics", map[string]string{
		"StatisticsError": "StatisticsError\nA ValueError for data a function cannot work on (empty, too short).",
	})
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

// oneArg is a function of the data alone.
func oneArg(fn func(t *starlark.Thread, name string, data []starlark.Value) (starlark.Value, error)) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var data starlark.Value
		if err := sigs[b.Name()].UnpackArgs(args, kwargs, &data); err != nil {
			return nil, err
		}
		vals, err := pylib.Collect(t, data)
		if err != nil {
			return nil, err
		}
		return fn(t, b.Name(), vals)
	}
}

// spread is variance, pvariance, stdev or pstdev.
func spread(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data, center starlark.Value = nil, starlark.None
	if err := sigs[b.Name()].UnpackArgs(args, kwargs, &data, &center); err != nil {
		return nil, err
	}
	vals, err := pylib.Collect(t, data)
	if err != nil {
		return nil, err
	}
	name := b.Name()
	sample := name == "variance" || name == "stdev"
	if sample && len(vals) < 2 {
		return nil, statisticsError().Raise(name + " requires at least two data points")
	}
	if !sample && len(vals) < 1 {
		return nil, statisticsError().Raise(name + " requires at least one data point")
	}
	s, ss, err := sumSquares(vals, center)
	if err != nil {
		return nil, err
	}
	n := len(vals)
	if sample {
		n--
	}
	if s.nonFinite {
		return starlark.Float(math.NaN()), nil
	}
	mss := new(big.Rat).Quo(ss, new(big.Rat).SetInt64(int64(n)))
	if name == "stdev" || name == "pstdev" {
		return starlark.Float(sqrtOfRat(mss)), nil
	}
	return convert(mss, s.kind), nil
}

func mean(_ *starlark.Thread, name string, data []starlark.Value) (starlark.Value, error) {
	if len(data) == 0 {
		return nil, statisticsError().Raise("mean requires at least one data point")
	}
	s, err := sumOf(data)
	if err != nil {
		return nil, err
	}
	if s.nonFinite {
		return starlark.Float(s.floatSum / float64(s.count)), nil
	}
	return convert(new(big.Rat).Quo(s.total, new(big.Rat).SetInt64(int64(s.count))), s.kind), nil
}

func asFloats(data []starlark.Value) ([]float64, error) {
	out := make([]float64, len(data))
	for i, v := range data {
		switch v := v.(type) {
		case fractions.Fraction:
			out[i] = v.Float()
		case starlark.Bool:
			if v {
				out[i] = 1
			}
		default:
			f, ok := starlark.AsFloat(v)
			if !ok {
				return nil, exc.TypeError("must be real number, not %s", pyargs.TypeName(v))
			}
			out[i] = f
		}
	}
	return out, nil
}

func fmean(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data, weights starlark.Value = nil, starlark.None
	if err := sigs[b.Name()].UnpackArgs(args, kwargs, &data, &weights); err != nil {
		return nil, err
	}
	vals, err := pylib.Collect(t, data)
	if err != nil {
		return nil, err
	}
	if weights == starlark.None {
		xs, err := asFloats(vals)
		if err != nil {
			return nil, err
		}
		if len(xs) == 0 {
			return nil, statisticsError().Raise("fmean requires at least one data point")
		}
		return starlark.Float(fsum(xs) / float64(len(xs))), nil
	}
	ws, err := pylib.Collect(t, weights)
	if err != nil {
		return nil, err
	}
	if len(ws) != len(vals) {
		return nil, statisticsError().Raise("data and weights must be the same length")
	}
	if len(ws) == 0 {
		return nil, statisticsError().Raise("fmean requires at least one data point")
	}
	products := make([]starlark.Value, len(vals))
	for i := range vals {
		if products[i], err = starlark.Binary(syntax.STAR, vals[i], ws[i]); err != nil {
			return nil, err
		}
	}
	ps, err := asFloats(products)
	if err != nil {
		return nil, err
	}
	wf, err := asFloats(ws)
	if err != nil {
		return nil, err
	}
	return starlark.Float(fsum(ps) / fsum(wf)), nil
}

func geometricMean(_ *starlark.Thread, _ string, data []starlark.Value) (starlark.Value, error) {
	xs, err := asFloats(data)
	if err != nil {
		return nil, err
	}
	bad := statisticsError().Raise("geometric mean requires a non-empty dataset containing positive numbers")
	if len(xs) == 0 {
		return nil, bad
	}
	logs := make([]float64, len(xs))
	for i, x := range xs {
		if x <= 0 {
			return nil, bad
		}
		logs[i] = math.Log(x)
	}
	return starlark.Float(math.Exp(fsum(logs) / float64(len(logs)))), nil
}

func harmonicMean(_ *starlark.Thread, _ string, data []starlark.Value) (starlark.Value, error) {
	if len(data) == 0 {
		return nil, statisticsError().Raise("harmonic_mean requires at least one data point")
	}
	recips := make([]starlark.Value, len(data))
	for i, x := range data {
		neg, err := starlark.Compare(syntax.LT, x, starlark.MakeInt(0))
		if f, ok := x.(fractions.Fraction); ok {
			neg, err = f.Rat().Sign() < 0, nil
		}
		if err != nil {
			return nil, exc.TypeError("unsupported type")
		}
		if neg {
			return nil, statisticsError().Raise("harmonic mean does not support negative values")
		}
		if len(data) == 1 {
			return x, nil
		}
		if !x.Truth() {
			return starlark.MakeInt(0), nil
		}
		if recips[i], err = starlark.Binary(syntax.SLASH, starlark.MakeInt(1), x); err != nil {
			return nil, err
		}
	}
	s, err := sumOf(recips)
	if err != nil {
		return nil, err
	}
	if s.total.Sign() <= 0 {
		return nil, statisticsError().Raise("Weighted sum must be positive")
	}
	return convert(new(big.Rat).Quo(new(big.Rat).SetInt64(int64(len(data))), s.total), s.kind), nil
}

func newModule(*runtime.Env) (starlark.StringDict, error) {
	m := pyargs.Builtins(map[string]builtinFn{
		"mean":           oneArg(mean),
		"fmean":          fmean,
		"geometric_mean": oneArg(geometricMean),
		"harmonic_mean":  oneArg(harmonicMean),
		"median":         oneArg(median),
		"median_low":     oneArg(median),
		"median_high":    oneArg(median),
		"mode":           oneArg(mode),
		"multimode":      oneArg(mode),
		"quantiles":      quantiles,
		"variance":       spread,
		"pvariance":      spread,
		"stdev":          spread,
		"pstdev":         spread,
	})
	m["StatisticsError"] = statisticsError()
	return m, nil
}
