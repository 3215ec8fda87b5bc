package pylib

import "math"

// FloatPow is x ** y for floats as CPython computes it (the C library's
// pow, correctly rounded in practice). Go's math.Pow multiplies and
// takes Exp/Log in float64 and misses the last digits: 1.05 ** 10 is
// 1.6288946267774416 there, 1.628894626777442 in CPython; 8 ** (1/3) is
// 1.9999999999999998 there, 2.0 in CPython. Integer exponents are
// computed by squaring and other exponents as exp(y*log(x)), both in
// double-double arithmetic (about 106 bits), rounded once to float64.
func FloatPow(x, y float64) float64 {
	switch {
	case x == 1 || y == 0:
		return 1
	case y == 1:
		return x
	case y == 2:
		return x * x
	case y == 0.5 && x > 0 && !math.IsInf(x, 0):
		return math.Sqrt(x)
	case math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) || x == 0:
		return math.Pow(x, y)
	}
	if y == math.Trunc(y) && math.Abs(y) <= 1<<20 {
		return intPowDD(x, int64(y))
	}
	if x < 0 {
		if y != math.Trunc(y) {
			return math.NaN()
		}
		r := FloatPow(-x, y) // |y| > 2**20: a huge integer exponent
		if math.Mod(y, 2) != 0 {
			return -r
		}
		return r
	}
	return ddPow(x, y)
}

// intPowDD is x**n by squaring in double-double arithmetic (about 104
// bits), rounded once.
func intPowDD(x float64, n int64) float64 {
	neg := n < 0
	if neg {
		n = -n
	}
	rh, rl := 1.0, 0.0
	bh, bl := x, 0.0
	for n > 0 {
		if n&1 == 1 {
			rh, rl = ddMul(rh, rl, bh, bl)
		}
		n >>= 1
		if n > 0 {
			bh, bl = ddMul(bh, bl, bh, bl)
		}
		if math.IsInf(rh, 0) || math.IsInf(bh, 0) && n > 0 || rh == 0 {
			break
		}
	}
	if math.IsInf(rh, 0) || rh == 0 || math.IsNaN(rh) {
		if neg {
			return 1 / rh
		}
		return rh
	}
	if neg {
		// 1 / (rh + rl) in double-double
		q1 := 1 / rh
		r := math.FMA(-q1, rh, 1) - q1*rl
		q2 := r / rh
		return q1 + q2
	}
	return rh + rl
}

func ddMul(ah, al, bh, bl float64) (float64, float64) {
	p := ah * bh
	if math.IsInf(p, 0) || p == 0 {
		return p, 0 // overflow or underflow: no low part
	}
	e := math.FMA(ah, bh, -p)
	e += ah*bl + al*bh
	s := p + e
	return s, e - (s - p)
}

// dd is a double-double: hi + lo, about 106 bits.
type dd struct{ hi, lo float64 }

func twoSum(a, b float64) dd {
	s := a + b
	bb := s - a
	return dd{s, (a - (s - bb)) + (b - bb)}
}

func quickTwoSum(a, b float64) dd {
	s := a + b
	return dd{s, b - (s - a)}
}

func (x dd) add(y dd) dd {
	s := twoSum(x.hi, y.hi)
	return quickTwoSum(s.hi, s.lo+x.lo+y.lo)
}

func (x dd) mul(y dd) dd {
	h, l := ddMul(x.hi, x.lo, y.hi, y.lo)
	return dd{h, l}
}

func (x dd) mulF(f float64) dd { return x.mul(dd{f, 0}) }

func (x dd) div(y dd) dd {
	q1 := x.hi / y.hi
	r := x.add(y.mulF(-q1))
	q2 := r.hi / y.hi
	r = r.add(y.mulF(-q2))
	q3 := r.hi / y.hi
	return quickTwoSum(q1, q2).add(dd{q3, 0})
}

var ln2DD = dd{0.6931471805599453, 2.3190468138462996e-17}

// ddLog is ln(x) for finite x > 0: 2 atanh((m-1)/(m+1)) + e ln 2.
func ddLog(x float64) dd {
	m, e := math.Frexp(x)
	if m < math.Sqrt2/2 {
		m *= 2
		e--
	}
	z := dd{m - 1, 0}.div(twoSum(m, 1)) // m - 1 is exact
	z2 := z.mul(z)
	sum, term := z, z
	for k := 3.0; k < 200; k += 2 {
		term = term.mul(z2)
		t := term.div(dd{k, 0})
		sum = sum.add(t)
		if math.Abs(t.hi) < math.Abs(sum.hi)*0x1p-110 {
			break
		}
	}
	return sum.mulF(2).add(ln2DD.mulF(float64(e)))
}

// ddPow is exp(y ln x) for finite x > 0, rounded once.
func ddPow(x, y float64) float64 {
	t := ddLog(x).mulF(y)
	if t.hi > 709.8 {
		return math.Inf(1)
	}
	if t.hi < -745.2 {
		return 0
	}
	return ddExpRound(t)
}
