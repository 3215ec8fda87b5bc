// Package fractions is CPython's fractions for scripts: Fraction, an
// exact rational that computes with ints (staying exact) and floats
// (becoming a float), compares with both, and prints as CPython does.
package fractions

import (
	"fmt"
	"math"
	"math/big"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// Fraction is an immutable rational number; r is never changed.
type Fraction struct{ r *big.Rat }

// New makes a Fraction of a copy of r (for statistics' exact results).
func New(r *big.Rat) Fraction { return Fraction{new(big.Rat).Set(r)} }

// Rat is the exact value; callers must not change it.
func (f Fraction) Rat() *big.Rat { return f.r }

var (
	_ starlark.HasBinary  = Fraction{}
	_ starlark.HasUnary   = Fraction{}
	_ starlark.Comparable = Fraction{}
	_ starlark.HasAttrs   = Fraction{}
)

func (f Fraction) num() *big.Int { return f.r.Num() }
func (f Fraction) den() *big.Int { return f.r.Denom() }

func (f Fraction) String() string { return f.PyStr() }
func (f Fraction) PyStr() string {
	if f.r.IsInt() {
		return f.num().String()
	}
	return f.num().String() + "/" + f.den().String()
}
func (f Fraction) PyRepr() string       { return fmt.Sprintf("Fraction(%s, %s)", f.num(), f.den()) }
func (f Fraction) Type() string         { return "Fraction" }
func (f Fraction) Freeze()              {}
func (f Fraction) Truth() starlark.Bool { return f.r.Sign() != 0 }

// Hash equals an int's hash for whole values, so Fraction(2) and 2 find
// the same dict slot.
func (f Fraction) Hash() (uint32, error) {
	if f.r.IsInt() {
		return starlark.MakeBigInt(f.num()).Hash()
	}
	h1, _ := starlark.MakeBigInt(f.num()).Hash()
	h2, _ := starlark.MakeBigInt(f.den()).Hash()
	return h1*31 + h2, nil
}

func (f Fraction) Float() float64 {
	v, _ := f.r.Float64()
	return v
}

func (f Fraction) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	return threeway(op, f.r.Cmp(y.(Fraction).r)), nil
}

func threeway(op syntax.Token, c int) bool {
	switch op {
	case syntax.EQL:
		return c == 0
	case syntax.NEQ:
		return c != 0
	case syntax.LT:
		return c < 0
	case syntax.LE:
		return c <= 0
	case syntax.GT:
		return c > 0
	}
	return c >= 0
}

// compareWith compares f with an int, float or Fraction exactly;
// ok is false for other types. NaN is unordered and unequal.
func (f Fraction) compareWith(op syntax.Token, y starlark.Value) (result, ok bool) {
	switch y := y.(type) {
	case starlark.Float:
		x := float64(y)
		switch {
		case math.IsNaN(x):
			return op == syntax.NEQ, true
		case math.IsInf(x, 1):
			return threeway(op, -1), true
		case math.IsInf(x, -1):
			return threeway(op, 1), true
		}
		return threeway(op, f.r.Cmp(new(big.Rat).SetFloat64(x))), true
	}
	r, ok := rational(y)
	if !ok {
		return false, false
	}
	return threeway(op, f.r.Cmp(r)), true
}

// rational is an int, bool or Fraction as an exact value.
func rational(v starlark.Value) (*big.Rat, bool) {
	switch v := v.(type) {
	case Fraction:
		return v.r, true
	case starlark.Int:
		return new(big.Rat).SetInt(v.BigInt()), true
	case starlark.Bool:
		if v {
			return big.NewRat(1, 1), true
		}
		return new(big.Rat), true
	}
	return nil, false
}

func zeroDivision(num *big.Int) error {
	return exc.New("ZeroDivisionError", "Fraction(%s, 0)", num)
}

// Binary is f op y (side Left) or y op f (side Right).
func (f Fraction) Binary(op syntax.Token, yv starlark.Value, side starlark.Side) (starlark.Value, error) {
	if yf, isFloat := yv.(starlark.Float); isFloat {
		if side == starlark.Left {
			return starlark.Binary(op, starlark.Float(f.Float()), yf)
		}
		return starlark.Binary(op, yf, starlark.Float(f.Float()))
	}
	y, ok := rational(yv)
	if !ok {
		return nil, nil
	}
	a, b := f.r, y
	if side == starlark.Right {
		a, b = b, a
	}
	z := new(big.Rat)
	switch op {
	case syntax.PLUS:
		return Fraction{z.Add(a, b)}, nil
	case syntax.MINUS:
		return Fraction{z.Sub(a, b)}, nil
	case syntax.STAR:
		return Fraction{z.Mul(a, b)}, nil
	case syntax.SLASH:
		if b.Sign() == 0 {
			return nil, zeroDivision(new(big.Int).Mul(a.Num(), b.Denom()))
		}
		return Fraction{z.Quo(a, b)}, nil
	case syntax.SLASHSLASH, syntax.PERCENT:
		if b.Sign() == 0 {
			return nil, exc.New("ZeroDivisionError", "integer division or modulo by zero")
		}
		q := floorDiv(a, b)
		if op == syntax.SLASHSLASH {
			return starlark.MakeBigInt(q), nil
		}
		return Fraction{z.Sub(a, new(big.Rat).Mul(b, new(big.Rat).SetInt(q)))}, nil
	}
	return nil, nil
}

// floorDiv is floor(a / b) as an integer.
func floorDiv(a, b *big.Rat) *big.Int {
	n := new(big.Int).Mul(a.Num(), b.Denom())
	d := new(big.Int).Mul(a.Denom(), b.Num())
	q, m := new(big.Int).DivMod(n, d, new(big.Int)) // Euclidean: m >= 0
	if m.Sign() != 0 && d.Sign() < 0 {
		q.Add(q, big.NewInt(1))
	}
	return q
}

func (f Fraction) Unary(op syntax.Token) (starlark.Value, error) {
	switch op {
	case syntax.MINUS:
		return Fraction{new(big.Rat).Neg(f.r)}, nil
	case syntax.PLUS:
		return f, nil
	}
	return nil, nil
}

// pow is a ** b with a Fraction on at least one side, as CPython's
// Fraction.__pow__ / __rpow__ compute it.
func pow(a, b starlark.Value) (starlark.Value, error) {
	af, aIsFrac := a.(Fraction)
	if bf, ok := b.(Fraction); ok && bf.r.IsInt() {
		b = starlark.MakeBigInt(bf.num())
	}
	if aIsFrac {
		if n, ok := b.(starlark.Int); ok {
			e := n.BigInt()
			num, den := af.num(), af.den()
			if e.Sign() < 0 {
				if num.Sign() == 0 {
					return nil, zeroDivision(new(big.Int).Exp(den, new(big.Int).Neg(e), nil))
				}
				num, den = den, num
				e = new(big.Int).Neg(e)
			}
			if e.BitLen() > 24 {
				return nil, exc.New("OverflowError", "exponent too large")
			}
			r := new(big.Rat).SetFrac(new(big.Int).Exp(num, e, nil), new(big.Int).Exp(den, e, nil))
			return Fraction{r}, nil
		}
		return floatPow(af.Float(), b)
	}
	// a is an int or float, b a Fraction that is not whole, or a whole
	// value turned into an int above
	if n, ok := b.(starlark.Int); ok {
		if ai, ok := a.(starlark.Int); ok {
			if n.Sign() >= 0 {
				return starlark.MakeBigInt(new(big.Int).Exp(ai.BigInt(), n.BigInt(), nil)), nil
			}
			return pow(Fraction{new(big.Rat).SetInt(ai.BigInt())}, n)
		}
		return floatPow(float64(a.(starlark.Float)), n)
	}
	x, ok := starlark.AsFloat(a)
	if !ok {
		return nil, nil
	}
	return floatPow(x, b)
}

func floatPow(x float64, y starlark.Value) (starlark.Value, error) {
	var e float64
	switch y := y.(type) {
	case Fraction:
		e = y.Float()
	default:
		f, ok := starlark.AsFloat(y)
		if !ok {
			return nil, nil
		}
		e = f
	}
	if x == 0 && e < 0 {
		return nil, exc.New("ZeroDivisionError", "0.0 cannot be raised to a negative power")
	}
	return starlark.Float(pylib.FloatPow(x, e)), nil
}
