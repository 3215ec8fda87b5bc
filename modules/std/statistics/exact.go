package statistics

import (
	"math"
	"math/big"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/fractions"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// kind is the type CPython's _coerce gives a result: ints (and bools)
// stay int when exact, a Fraction anywhere makes a Fraction, a float
// anywhere a float.
type kind int

const (
	intKind kind = iota
	fractionKind
	floatKind
)

// exactSum is CPython's _sum: the exact total of the data, the result
// kind, and (when a value is infinite or NaN) the float total instead.
type exactSum struct {
	kind      kind
	total     *big.Rat
	count     int
	nonFinite bool
	floatSum  float64
}

func (s *exactSum) add(v starlark.Value) error {
	s.count++
	switch v := v.(type) {
	case starlark.Int:
		s.total.Add(s.total, new(big.Rat).SetInt(v.BigInt()))
		f, _ := starlark.AsFloat(v)
		s.floatSum += f
		return nil
	case starlark.Bool:
		if v {
			s.total.Add(s.total, big.NewRat(1, 1))
			s.floatSum++
		}
		return nil
	case starlark.Float:
		s.kind = floatKind
		x := float64(v)
		s.floatSum += x
		if math.IsNaN(x) || math.IsInf(x, 0) {
			s.nonFinite = true
			return nil
		}
		s.total.Add(s.total, new(big.Rat).SetFloat64(x))
		return nil
	case fractions.Fraction:
		if s.kind == intKind {
			s.kind = fractionKind
		}
		s.total.Add(s.total, v.Rat())
		s.floatSum += v.Float()
		return nil
	}
	return exc.TypeError("can't convert type '%s' to numerator/denominator", pyargs.TypeName(v))
}

func sumOf(data []starlark.Value) (*exactSum, error) {
	s := &exactSum{total: new(big.Rat)}
	for _, v := range data {
		if err := s.add(v); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// convert is CPython's _convert: r as the kind, an int only when whole.
func convert(r *big.Rat, k kind) starlark.Value {
	switch {
	case k == intKind && r.IsInt():
		return starlark.MakeBigInt(r.Num())
	case k == fractionKind:
		return fractions.New(r)
	}
	f, _ := r.Float64()
	return starlark.Float(f)
}

// sumSquares is CPython's _ss: the exact sum of squared deviations from
// the mean (or from c when given).
func sumSquares(data []starlark.Value, c starlark.Value) (*exactSum, *big.Rat, error) {
	s, err := sumOf(data)
	if err != nil || s.count == 0 || s.nonFinite {
		return s, new(big.Rat), err
	}
	var center *big.Rat
	if c != nil && c != starlark.None {
		cs, err := sumOf([]starlark.Value{c})
		if err != nil {
			return nil, nil, err
		}
		center = cs.total
	} else {
		center = new(big.Rat).Quo(s.total, new(big.Rat).SetInt64(int64(s.count)))
	}
	ss := new(big.Rat)
	for _, v := range data {
		one, _ := sumOf([]starlark.Value{v})
		d := new(big.Rat).Sub(one.total, center)
		ss.Add(ss, d.Mul(d, d))
	}
	return s, ss, nil
}

// sqrtOfRat is CPython's _float_sqrt_of_frac: the correctly rounded
// square root of r, from an integer square root rounded to odd.
func sqrtOfRat(r *big.Rat) float64 {
	n, m := r.Num(), r.Denom()
	if n.Sign() == 0 {
		return 0
	}
	const width = 2*53 + 3
	q := (n.BitLen() - m.BitLen() - width) >> 1 // floor division
	var num, den *big.Int
	if q >= 0 {
		num = new(big.Int).Lsh(sqrtRoundToOdd(n, new(big.Int).Lsh(m, uint(2*q))), uint(q))
		den = big.NewInt(1)
	} else {
		num = sqrtRoundToOdd(new(big.Int).Lsh(n, uint(-2*q)), m)
		den = new(big.Int).Lsh(big.NewInt(1), uint(-q))
	}
	f, _ := new(big.Rat).SetFrac(num, den).Float64()
	return f
}

func sqrtRoundToOdd(n, m *big.Int) *big.Int {
	a := new(big.Int).Sqrt(new(big.Int).Quo(n, m))
	if new(big.Int).Mul(new(big.Int).Mul(a, a), m).Cmp(n) != 0 {
		a.SetBit(a, 0, 1)
	}
	return a
}

// fsum is math.fsum: the exact sum of the values as floats, rounded once.
func fsum(vals []float64) float64 {
	total := new(big.Rat)
	plain := 0.0
	for _, x := range vals {
		plain += x
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return plain
		}
		total.Add(total, new(big.Rat).SetFloat64(x))
	}
	f, _ := total.Float64()
	return f
}
