// Package pymath provides Python's math module: float results, Python's
// domain and range errors, and floor/ceil/trunc returning ints.
package pymath

import (
	"math"
	"math/big"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{Name: "math", Doc: "Python's math functions and constants", New: newModule})
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

// logLike functions call an infinite result from finite input a domain
// error (log(0)); the rest call it a range error (exp(1000)).
var unary = map[string]struct {
	f       func(float64) float64
	logLike bool
}{
	"sqrt": {math.Sqrt, false}, "exp": {pylib.Exp, false}, "expm1": {math.Expm1, false},
	"log10": {pylib.Log10, true}, "log2": {pylib.Log2, true}, "log1p": {math.Log1p, true},
	"sin": {pylib.Sin, false}, "cos": {pylib.Cos, false}, "tan": {pylib.Tan, false},
	"asin": {pylib.Asin, false}, "acos": {pylib.Acos, false}, "atan": {pylib.Atan, false},
	"sinh": {math.Sinh, false}, "cosh": {math.Cosh, false}, "tanh": {math.Tanh, false},
	"asinh": {math.Asinh, false}, "acosh": {math.Acosh, false}, "atanh": {math.Atanh, true},
	"fabs":    {math.Abs, false},
	"degrees": {func(x float64) float64 { return x * 180 / math.Pi }, false},
	"radians": {func(x float64) float64 { return x * math.Pi / 180 }, false},
	"erf":     {math.Erf, false}, "erfc": {math.Erfc, false}, "gamma": {math.Gamma, true},
	"lgamma": {func(x float64) float64 { y, _ := math.Lgamma(x); return y }, true},
}

var binary = map[string]struct {
	f       func(x, y float64) float64
	logLike bool
}{
	"pow": {pylib.FloatPow, true}, "atan2": {pylib.Atan2, false}, "fmod": {math.Mod, false},
	"copysign": {math.Copysign, false}, "remainder": {math.Remainder, false},
}

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	fns := map[string]builtinFn{
		"log":       logFn,
		"floor":     toInt("floor", math.Floor),
		"ceil":      toInt("ceil", math.Ceil),
		"trunc":     toInt("trunc", math.Trunc),
		"isnan":     predicate("isnan", math.IsNaN),
		"isinf":     predicate("isinf", func(x float64) bool { return math.IsInf(x, 0) }),
		"isfinite":  predicate("isfinite", func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }),
		"isclose":   isclose,
		"modf":      modf,
		"frexp":     frexp,
		"ldexp":     ldexp,
		"hypot":     hypot,
		"dist":      dist,
		"fsum":      fsum,
		"gcd":       gcd,
		"factorial": factorial,
		"comb":      comb, // combinatorics.go
		"perm":      perm,
		"isqrt":     isqrt,
		"prod":      prod,
	}
	for name, u := range unary {
		fns[name] = unaryFn(name, u.f, u.logLike)
	}
	for name, bf := range binary {
		fns[name] = binaryFn(name, bf.f, bf.logLike)
	}
	d := pyargs.Builtins(fns)
	d["pi"] = starlark.Float(math.Pi)
	d["e"] = starlark.Float(math.E)
	d["tau"] = starlark.Float(2 * math.Pi)
	d["inf"] = starlark.Float(math.Inf(1))
	d["nan"] = starlark.Float(math.NaN())
	return d, nil
}

// real converts an int or float argument as CPython's math does.
func real(fn string, v starlark.Value) (float64, error) {
	switch v := v.(type) {
	case starlark.Float:
		return float64(v), nil
	case starlark.Int:
		f, _ := starlark.AsFloat(v)
		if math.IsInf(f, 0) {
			return 0, exc.New("OverflowError", "int too large to convert to float")
		}
		return f, nil
	case starlark.Bool:
		if v {
			return 1, nil
		}
		return 0, nil
	}
	if r, ok, err := pylib.GoDunder(nil, v, "__float__"); ok {
		if err != nil {
			return 0, err
		}
		if f, isFloat := r.(starlark.Float); isFloat {
			return float64(f), nil
		}
	}
	return 0, exc.TypeError("%s() argument must be a real number, not %s", fn, pyargs.TypeName(v))
}

// check turns a NaN or infinite result into Python's ValueError or
// OverflowError, given whether every input was finite / not NaN.
func check(r float64, inputs []float64, logLike bool) (starlark.Value, error) {
	anyNaN, allFinite := false, true
	for _, x := range inputs {
		anyNaN = anyNaN || math.IsNaN(x)
		allFinite = allFinite && !math.IsNaN(x) && !math.IsInf(x, 0)
	}
	switch {
	case math.IsNaN(r) && !anyNaN:
		return nil, exc.ValueError("math domain error")
	case math.IsInf(r, 0) && allFinite && logLike:
		return nil, exc.ValueError("math domain error")
	case math.IsInf(r, 0) && allFinite:
		return nil, exc.New("OverflowError", "math range error")
	}
	return starlark.Float(r), nil
}

func unaryFn(name string, f func(float64) float64, logLike bool) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &v); err != nil {
			return nil, err
		}
		x, err := real(name, v)
		if err != nil {
			return nil, err
		}
		return check(f(x), []float64{x}, logLike)
	}
}

func binaryFn(name string, f func(x, y float64) float64, logLike bool) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var xv, yv starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 2, &xv, &yv); err != nil {
			return nil, err
		}
		x, err := real(name, xv)
		if err != nil {
			return nil, err
		}
		y, err := real(name, yv)
		if err != nil {
			return nil, err
		}
		if name == "pow" && x == 0 && y < 0 && !math.IsInf(y, 0) {
			return nil, exc.ValueError("math domain error")
		}
		return check(f(x, y), []float64{x, y}, logLike && name != "pow")
	}
}

// log(x[, base]).
func logFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv, basev starlark.Value = nil, starlark.None
	if err := starlark.UnpackPositionalArgs("log", args, kwargs, 1, &xv, &basev); err != nil {
		return nil, err
	}
	lx, err := logOf(xv)
	if err != nil {
		return nil, err
	}
	if basev == starlark.None {
		return starlark.Float(lx), nil
	}
	lb, err := logOf(basev)
	if err != nil {
		return nil, err
	}
	if lb == 0 {
		return nil, exc.New("ZeroDivisionError", "float division by zero")
	}
	return starlark.Float(lx / lb), nil
}

// logOf is the natural log; ints too large for a float work as in
// CPython, through their mantissa and binary exponent.
func logOf(v starlark.Value) (float64, error) {
	if i, ok := v.(starlark.Int); ok {
		bi := i.BigInt()
		if bi.Sign() <= 0 {
			return 0, exc.ValueError("math domain error")
		}
		if f, _ := starlark.AsFloat(i); math.IsInf(f, 0) {
			var mant big.Float
			e := new(big.Float).SetInt(bi).MantExp(&mant)
			m, _ := mant.Float64() // rounds to 53 bits, nearest-even
			return pylib.Log(m) + math.Ln2*float64(e), nil
		}
	}
	x, err := real("log", v)
	if err != nil {
		return 0, err
	}
	if x <= 0 {
		return 0, exc.ValueError("math domain error")
	}
	return pylib.Log(x), nil // CPython's digits (pylib/floatmath.go)
}

func toInt(name string, f func(float64) float64) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &v); err != nil {
			return nil, err
		}
		if i, ok := v.(starlark.Int); ok {
			return i, nil
		}
		if r, ok, err := pylib.GoDunder(t, v, "__"+name+"__"); ok {
			return r, err
		}
		x, err := real(name, v)
		if err != nil {
			return nil, err
		}
		return floatToInt(f(x))
	}
}

func floatToInt(x float64) (starlark.Value, error) {
	switch {
	case math.IsNaN(x):
		return nil, exc.ValueError("cannot convert float NaN to integer")
	case math.IsInf(x, 0):
		return nil, exc.New("OverflowError", "cannot convert float infinity to integer")
	}
	return starlark.NumberToInt(starlark.Float(x))
}

func predicate(name string, p func(float64) bool) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &v); err != nil {
			return nil, err
		}
		x, err := real(name, v)
		if err != nil {
			return nil, err
		}
		return starlark.Bool(p(x)), nil
	}
}

func isclose(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var av, bv starlark.Value
	var relv, absv starlark.Value = starlark.Float(1e-9), starlark.Float(0)
	if err := starlark.UnpackArgs("isclose", args, kwargs, "a", &av, "b", &bv, "rel_tol?", &relv, "abs_tol?", &absv); err != nil {
		return nil, err
	}
	var xs [4]float64
	for i, v := range []starlark.Value{av, bv, relv, absv} {
		x, err := real("isclose", v)
		if err != nil {
			return nil, err
		}
		xs[i] = x
	}
	a, c, rel, abs := xs[0], xs[1], xs[2], xs[3]
	if rel < 0 || abs < 0 {
		return nil, exc.ValueError("tolerances must be non-negative")
	}
	if a == c {
		return starlark.True, nil
	}
	if math.IsInf(a, 0) || math.IsInf(c, 0) {
		return starlark.False, nil
	}
	diff := math.Abs(c - a)
	return starlark.Bool(diff <= math.Abs(rel*c) || diff <= math.Abs(rel*a) || diff <= abs), nil
}

func modf(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs("modf", args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	x, err := real("modf", v)
	if err != nil {
		return nil, err
	}
	if math.IsInf(x, 0) {
		return starlark.Tuple{starlark.Float(math.Copysign(0, x)), starlark.Float(x)}, nil
	}
	i, f := math.Modf(x)
	return starlark.Tuple{starlark.Float(f), starlark.Float(i)}, nil
}

func frexp(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs("frexp", args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	x, err := real("frexp", v)
	if err != nil {
		return nil, err
	}
	m, e := math.Frexp(x)
	return starlark.Tuple{starlark.Float(m), starlark.MakeInt(e)}, nil
}

func ldexp(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv, iv starlark.Value
	if err := starlark.UnpackPositionalArgs("ldexp", args, kwargs, 2, &xv, &iv); err != nil {
		return nil, err
	}
	x, err := real("ldexp", xv)
	if err != nil {
		return nil, err
	}
	i, err := pyargs.Int("ldexp", "i", iv)
	if err != nil {
		return nil, err
	}
	i = max(min(i, 1<<20), -1<<20)
	return check(math.Ldexp(x, int(i)), []float64{x}, false)
}

func hypot(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, exc.TypeError("hypot() takes no keyword arguments")
	}
	var xs []float64
	for _, a := range args {
		x, err := real("hypot", a)
		if err != nil {
			return nil, err
		}
		xs = append(xs, x)
		if math.IsInf(x, 0) {
			return starlark.Float(math.Inf(1)), nil
		}
	}
	for _, x := range xs {
		if math.IsNaN(x) {
			return starlark.Float(math.NaN()), nil
		}
	}
	return check(pylib.Hypot(xs), xs, false) // CPython's digits
}

// dist(p, q) is the Euclidean distance between two points given as
// sequences of the same length.
func dist(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var p, q starlark.Value
	if err := starlark.UnpackPositionalArgs("dist", args, kwargs, 2, &p, &q); err != nil {
		return nil, err
	}
	ps, ok1 := p.(starlark.Indexable)
	qs, ok2 := q.(starlark.Indexable)
	_, str1 := p.(starlark.String)
	_, str2 := q.(starlark.String)
	if !ok1 || !ok2 || str1 || str2 {
		return nil, exc.TypeError("dist(): both points must be sequences")
	}
	if ps.Len() != qs.Len() {
		return nil, exc.ValueError("both points must have the same number of dimensions")
	}
	diffs := make(starlark.Tuple, ps.Len())
	for i := range diffs {
		x, err := real("dist", ps.Index(i))
		if err != nil {
			return nil, err
		}
		y, err := real("dist", qs.Index(i))
		if err != nil {
			return nil, err
		}
		diffs[i] = starlark.Float(math.Abs(x - y))
	}
	return hypot(t, b, diffs, nil)
}

// fsum adds exactly (Shewchuk's partials, as CPython does).
func fsum(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Iterable
	if err := starlark.UnpackPositionalArgs("fsum", args, kwargs, 1, &seq); err != nil {
		return nil, err
	}
	var partials []float64
	special := 0.0
	it := seq.Iterate()
	defer it.Done()
	var v starlark.Value
	for it.Next(&v) {
		x, err := real("fsum", v)
		if err != nil {
			return nil, err
		}
		if math.IsInf(x, 0) || math.IsNaN(x) {
			special += x
			continue
		}
		i := 0
		for _, y := range partials {
			if math.Abs(x) < math.Abs(y) {
				x, y = y, x
			}
			hi := x + y
			lo := y - (hi - x)
			if lo != 0 {
				partials[i] = lo
				i++
			}
			x = hi
		}
		partials = append(partials[:i], x)
	}
	if special != 0 || math.IsNaN(special) {
		return starlark.Float(special), nil
	}
	// add partials from the top, rounding the way CPython does
	hi := 0.0
	n := len(partials)
	if n > 0 {
		n--
		hi = partials[n]
		lo := 0.0
		for n > 0 {
			x := hi
			n--
			y := partials[n]
			hi = x + y
			yr := hi - x
			lo = y - yr
			if lo != 0 {
				break
			}
		}
		if n > 0 && ((lo < 0 && partials[n-1] < 0) || (lo > 0 && partials[n-1] > 0)) {
			y := lo * 2
			x := hi + y
			yr := x - hi
			if y == yr {
				hi = x
			}
		}
	}
	return starlark.Float(hi), nil
}

func gcd(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, exc.TypeError("gcd() takes no keyword arguments")
	}
	g := new(big.Int)
	for _, a := range args {
		i, ok := a.(starlark.Int)
		if !ok {
			return nil, exc.TypeError("'%s' object cannot be interpreted as an integer", pyargs.TypeName(a))
		}
		g.GCD(nil, nil, g, new(big.Int).Abs(i.BigInt()))
	}
	return starlark.MakeBigInt(g), nil
}

func factorial(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs("factorial", args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	i, ok := v.(starlark.Int)
	if !ok {
		return nil, exc.TypeError("'%s' object cannot be interpreted as an integer", pyargs.TypeName(v))
	}
	n, ok := i.Int64()
	if !ok || n > 100000 {
		return nil, exc.New("OverflowError", "factorial() argument should not exceed 100000 here")
	}
	if n < 0 {
		return nil, exc.ValueError("factorial() not defined for negative values")
	}
	return starlark.MakeBigInt(new(big.Int).MulRange(1, n)), nil
}
