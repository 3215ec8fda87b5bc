package fractions

import (
	"math"
	"math/big"
	"regexp"
	"strings"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/pytype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

func init() {
	runtime.Register(runtime.Module{Name: "fractions", Doc: "exact rational numbers (Fraction)", New: newModule})
	runtime.RegisterDocs("fractions", map[string]string{
		"Fraction": "Fraction(numerator=0, denominator=None)\nAn exact rational from ints, Fractions, a float (exactly) or a string ('3/4', '-1.25e-3'). " +
			"numerator, denominator, limit_denominator(max_denominator=1000000), as_integer_ratio(); with ints it stays exact, with floats it becomes a float; " +
			"class methods from_float(f), from_decimal(d).",
	})
}

func newModule(*runtime.Env) (starlark.StringDict, error) {
	fromFloat := starlark.NewBuiltin("from_float", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		switch x := x.(type) {
		case starlark.Int:
			return Fraction{new(big.Rat).SetInt(x.BigInt())}, nil
		case starlark.Float:
			return fromFloat64(float64(x))
		}
		return nil, exc.TypeError("%s.from_float() only takes floats, not %s (%s)", "Fraction", pyrepr.Repr(x), x.Type())
	})
	t := pytype.New("fractions.Fraction", construct).With(starlark.StringDict{"from_float": fromFloat, "from_decimal": fromFloat})
	return starlark.StringDict{"Fraction": t}, nil
}

func construct(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var num, den starlark.Value = starlark.MakeInt(0), starlark.None
	if err := starlark.UnpackArgs("Fraction", args, kwargs, "numerator?", &num, "denominator?", &den); err != nil {
		return nil, err
	}
	if den == starlark.None {
		switch n := num.(type) {
		case starlark.Float:
			return fromFloat64(float64(n))
		case starlark.String:
			return parse(string(n))
		}
		r, ok := rational(num)
		if !ok {
			return nil, exc.TypeError("argument should be a string or a Rational instance")
		}
		return Fraction{new(big.Rat).Set(r)}, nil
	}
	n, ok1 := rational(num)
	d, ok2 := rational(den)
	if !ok1 || !ok2 {
		return nil, exc.TypeError("both arguments should be Rational instances")
	}
	if d.Sign() == 0 {
		return nil, zeroDivision(new(big.Int).Mul(n.Num(), d.Denom()))
	}
	return Fraction{new(big.Rat).Quo(n, d)}, nil
}

func fromFloat64(x float64) (starlark.Value, error) {
	switch {
	case math.IsNaN(x):
		return nil, exc.ValueError("cannot convert NaN to integer ratio")
	case math.IsInf(x, 0):
		return nil, exc.New("OverflowError", "cannot convert Infinity to integer ratio")
	}
	return Fraction{new(big.Rat).SetFloat64(x)}, nil
}

// rationalFormat() is CPython's _RATIONAL_FORMAT (the lookahead for a
// digit is checked separately: RE2 has none).
var rationalFormat = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\s*([-+]?)(\d*|\d+(?:_\d+)*)(?:(?:\s*/\s*(\d+(?:_\d+)*))?|(?:\.(\d*|\d+(?:_\d+)*))?(?:E([-+]?\d+(?:_\d+)*))?)\s*$`)
})

func parse(s string) (starlark.Value, error) {
	bad := exc.ValueError("Invalid literal for Fraction: %s", pyrepr.Repr(starlark.String(s)))
	m := rationalFormat().FindStringSubmatch(s)
	if m == nil {
		return nil, bad
	}
	rest := strings.TrimLeft(strings.TrimLeft(s, " \t\n\r\f\v"), "+-")
	if !(len(rest) > 0 && isDigit(rest[0]) || len(rest) > 1 && rest[0] == '.' && isDigit(rest[1])) {
		return nil, bad
	}
	clean := func(d string) string { return strings.ReplaceAll(d, "_", "") }
	num, _ := new(big.Int).SetString("0"+clean(m[2]), 10)
	r := new(big.Rat)
	if m[3] != "" {
		den, _ := new(big.Int).SetString(clean(m[3]), 10)
		if den.Sign() == 0 {
			return nil, zeroDivision(num)
		}
		r.SetFrac(num, den)
	} else {
		den := big.NewInt(1)
		if dec := clean(m[4]); dec != "" {
			scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(len(dec))), nil)
			d, _ := new(big.Int).SetString(dec, 10)
			num.Add(num.Mul(num, scale), d)
			den = scale
		}
		if m[5] != "" {
			e, ok := new(big.Int).SetString(clean(m[5]), 10)
			if !ok || e.BitLen() > 20 {
				return nil, bad
			}
			p := new(big.Int).Exp(big.NewInt(10), new(big.Int).Abs(e), nil)
			if e.Sign() >= 0 {
				num.Mul(num, p)
			} else {
				den.Mul(den, p)
			}
		}
		r.SetFrac(num, den)
	}
	if m[1] == "-" {
		r.Neg(r)
	}
	return Fraction{r}, nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
