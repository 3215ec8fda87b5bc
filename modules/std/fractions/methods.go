package fractions

import (
	"math/big"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

var methodNames = []string{"as_integer_ratio", "denominator", "limit_denominator", "numerator"}

func (f Fraction) AttrNames() []string { return methodNames }

// compareDunders are the comparison methods pylib asks a Go value for
// when the other side is an int or float.
var compareDunders = map[string]syntax.Token{
	"__eq__": syntax.EQL, "__ne__": syntax.NEQ, "__lt__": syntax.LT,
	"__le__": syntax.LE, "__gt__": syntax.GT, "__ge__": syntax.GE,
}

func (f Fraction) Attr(name string) (starlark.Value, error) {
	switch name {
	case "numerator":
		return starlark.MakeBigInt(f.num()), nil
	case "denominator":
		return starlark.MakeBigInt(f.den()), nil
	case "as_integer_ratio":
		return f.method(name, 0, func(starlark.Tuple) (starlark.Value, error) {
			return starlark.Tuple{starlark.MakeBigInt(f.num()), starlark.MakeBigInt(f.den())}, nil
		}), nil
	case "limit_denominator":
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var max starlark.Int = starlark.MakeInt(1000000)
			if err := starlark.UnpackArgs(name, args, kwargs, "max_denominator?", &max); err != nil {
				return nil, err
			}
			return f.limitDenominator(max.BigInt())
		}), nil
	case "__float__":
		return f.method(name, 0, func(starlark.Tuple) (starlark.Value, error) { return starlark.Float(f.Float()), nil }), nil
	case "__int__", "__trunc__":
		return f.method(name, 0, func(starlark.Tuple) (starlark.Value, error) {
			return starlark.MakeBigInt(new(big.Int).Quo(f.num(), f.den())), nil
		}), nil
	case "__floor__":
		return f.method(name, 0, func(starlark.Tuple) (starlark.Value, error) {
			return starlark.MakeBigInt(floorDiv(f.r, big.NewRat(1, 1))), nil
		}), nil
	case "__ceil__":
		return f.method(name, 0, func(starlark.Tuple) (starlark.Value, error) {
			q := floorDiv(new(big.Rat).Neg(f.r), big.NewRat(1, 1))
			return starlark.MakeBigInt(q.Neg(q)), nil
		}), nil
	case "__hash__":
		return f.method(name, 0, func(starlark.Tuple) (starlark.Value, error) { return starlark.MakeInt64(f.pyHash()), nil }), nil
	case "__abs__":
		return f.method(name, 0, func(starlark.Tuple) (starlark.Value, error) { return Fraction{new(big.Rat).Abs(f.r)}, nil }), nil
	case "__round__":
		return f.method(name, -1, f.round), nil
	case "__pow__":
		return f.method(name, 1, func(a starlark.Tuple) (starlark.Value, error) { return pow(f, a[0]) }), nil
	case "__rpow__":
		return f.method(name, 1, func(a starlark.Tuple) (starlark.Value, error) { return pow(a[0], f) }), nil
	}
	if op, ok := compareDunders[name]; ok {
		return f.method(name, 1, func(a starlark.Tuple) (starlark.Value, error) {
			r, ok := f.compareWith(op, a[0])
			if !ok {
				if op == syntax.EQL || op == syntax.NEQ {
					return starlark.Bool(op == syntax.NEQ), nil
				}
				return nil, exc.TypeError("'%s' not supported between instances of 'Fraction' and '%s'", op, pyargs.TypeName(a[0]))
			}
			return starlark.Bool(r), nil
		}), nil
	}
	return nil, nil
}

// method is a builtin taking n positional arguments (-1: zero or one).
func (f Fraction) method(name string, n int, fn func(starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 || (n >= 0 && len(args) != n) || (n < 0 && len(args) > 1) {
			return nil, exc.TypeError("%s() takes %s", name, map[int]string{0: "no arguments", 1: "exactly one argument", -1: "at most one argument"}[n])
		}
		return fn(args)
	})
}

// round is round(f) (an int, halves to even) or round(f, ndigits) (a Fraction).
func (f Fraction) round(args starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 || args[0] == starlark.None {
		return starlark.MakeBigInt(roundHalfEven(f.num(), f.den())), nil
	}
	nd, err := starlark.AsInt32(args[0])
	if err != nil {
		return nil, exc.TypeError("'%s' object cannot be interpreted as an integer", args[0].Type())
	}
	shift := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(nd))), nil)
	if nd >= 0 {
		n := roundHalfEven(new(big.Int).Mul(f.num(), shift), f.den())
		return Fraction{new(big.Rat).SetFrac(n, shift)}, nil
	}
	n := roundHalfEven(f.num(), new(big.Int).Mul(f.den(), shift))
	return Fraction{new(big.Rat).SetInt(n.Mul(n, shift))}, nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// roundHalfEven is n/d (d > 0) rounded to the nearest integer, ties to even.
func roundHalfEven(n, d *big.Int) *big.Int {
	q, m := new(big.Int).DivMod(n, d, new(big.Int))
	switch new(big.Int).Mul(m, big.NewInt(2)).Cmp(d) {
	case 1:
		q.Add(q, big.NewInt(1))
	case 0:
		if q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}

// limitDenominator is the closest fraction with a denominator at most
// max, from the continued fraction's convergents (CPython's algorithm).
func (f Fraction) limitDenominator(max *big.Int) (starlark.Value, error) {
	if max.Cmp(big.NewInt(1)) < 0 {
		return nil, exc.ValueError("max_denominator should be at least 1")
	}
	if f.den().Cmp(max) <= 0 {
		return f, nil
	}
	p0, q0, p1, q1 := big.NewInt(0), big.NewInt(1), big.NewInt(1), big.NewInt(0)
	n, d := new(big.Int).Set(f.num()), new(big.Int).Set(f.den())
	for {
		a := new(big.Int).Div(n, d) // floor, d > 0
		if d.Sign() < 0 {
			a = floorDiv(new(big.Rat).SetInt(n), new(big.Rat).SetInt(d))
		}
		q2 := new(big.Int).Add(q0, new(big.Int).Mul(a, q1))
		if q2.Cmp(max) > 0 {
			break
		}
		p0, q0, p1, q1 = p1, q1, new(big.Int).Add(p0, new(big.Int).Mul(a, p1)), q2
		n, d = d, new(big.Int).Sub(n, new(big.Int).Mul(a, d))
	}
	k := new(big.Int).Div(new(big.Int).Sub(max, q0), q1)
	bound1 := new(big.Rat).SetFrac(new(big.Int).Add(p0, new(big.Int).Mul(k, p1)), new(big.Int).Add(q0, new(big.Int).Mul(k, q1)))
	bound2 := new(big.Rat).SetFrac(p1, q1)
	d1 := new(big.Rat).Abs(new(big.Rat).Sub(bound1, f.r))
	d2 := new(big.Rat).Abs(new(big.Rat).Sub(bound2, f.r))
	if d2.Cmp(d1) <= 0 {
		return Fraction{bound2}, nil
	}
	return Fraction{bound1}, nil
}

// pyHash is CPython's hash of a rational: equal to hash(n) for a whole
// n, computed modulo the Mersenne prime 2**61 - 1.
func (f Fraction) pyHash() int64 {
	p := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 61), big.NewInt(1))
	var h *big.Int
	if inv := new(big.Int).ModInverse(f.den(), p); inv == nil {
		h = big.NewInt(314159) // sys.hash_info.inf
	} else {
		h = new(big.Int).Mod(new(big.Int).Abs(f.num()), p)
		h.Mod(h.Mul(h, inv), p)
	}
	if f.num().Sign() < 0 {
		h.Neg(h)
	}
	if h.Int64() == -1 {
		return -2
	}
	return h.Int64()
}
