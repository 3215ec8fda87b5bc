package pylib

import "math"

// exp, log, log10, log2, sin, cos and tan as CPython prints them: the C
// library rounds these correctly in practice, Go's math package is off
// by an ulp in a fifth to a quarter of the arguments (math.sin(math.pi)
// is 1.2246467991473532e-16 in CPython, ...515e-16 with Go's Sin;
// math.tan(math.pi / 4) is 0.9999999999999999). Each is evaluated in
// double-double arithmetic (floatpow.go) and rounded once; arguments
// outside the ranges handled here use Go's function.

var (
	// pi/2 in three parts for Cody-Waite reduction
	pio2a = 1.5707963267948966
	pio2b = 6.123233995736766e-17
	pio2c = -1.4973849048591698e-33
)

// Exp is e**x.
func Exp(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) || x > 709.8 || x < -745.2 || x == 0 {
		return math.Exp(x)
	}
	return ddExpRound(dd{x, 0})
}

// ddExpRound is exp(t) rounded once.
func ddExpRound(t dd) float64 {
	e, k := ddExpSplit(t)
	if ki := int(k); ki > -1000 {
		return math.Ldexp(e.hi, ki) + math.Ldexp(e.lo, ki)
	}
	return math.Ldexp(e.hi+e.lo, int(k))
}

// ddExpSplit is exp(t) = e * 2**k: t = k ln2 + r, exp(r) =
// exp(r/2**10)**(2**10).
func ddExpSplit(t dd) (dd, float64) {
	k := math.Round(t.hi / math.Ln2)
	r := t.add(ln2DD.mulF(-k))
	r = dd{r.hi * 0x1p-10, r.lo * 0x1p-10}
	sum, term := dd{1, 0}, dd{1, 0}
	for n := 1.0; n < 40; n++ {
		term = term.mul(r).div(dd{n, 0})
		sum = sum.add(term)
		if math.Abs(term.hi) < 0x1p-112 {
			break
		}
	}
	for i := 0; i < 10; i++ {
		sum = sum.mul(sum)
	}
	return sum, k
}

func logDomain(x float64) bool {
	return x > 0 && !math.IsInf(x, 0) && !math.IsNaN(x) && x >= 0x1p-1022
}

// Log is the natural logarithm.
func Log(x float64) float64 {
	if !logDomain(x) {
		return math.Log(x)
	}
	l := ddLog(x)
	return l.hi + l.lo
}

// Log10 is the base-10 logarithm the way glibc computes it (not
// correctly rounded, so neither is this): from the exponent and the log
// of the mantissa scaled to [1, 2) or [0.5, 1).
func Log10(x float64) float64 {
	if !logDomain(x) {
		return math.Log10(x)
	}
	const (
		ivln10    = 4.34294481903251816668e-01
		log10_2hi = 3.01029995663611771306e-01
		log10_2lo = 3.69423907715893078616e-13
	)
	bits := math.Float64bits(x)
	hx := int32(bits >> 32)
	k := (hx >> 20) - 1023
	i := int32(uint32(k) & 0x80000000 >> 31)
	hx = (hx & 0x000fffff) | ((0x3ff - i) << 20)
	y := float64(k + i)
	x = math.Float64frombits(uint64(uint32(hx))<<32 | bits&0xffffffff)
	z := y*log10_2lo + ivln10*Log(x)
	return z + y*log10_2hi
}

// Log2 is the base-2 logarithm (exact for powers of two).
func Log2(x float64) float64 {
	if !logDomain(x) {
		return math.Log2(x)
	}
	if m, e := math.Frexp(x); m == 0.5 {
		return float64(e - 1)
	}
	l := ddLog(x).div(ln2DD)
	return l.hi + l.lo
}

// reducePio2 is x - k*pi/2 (as a double-double) and k mod 4, for |x| <
// 2**20 * pi/2.
func reducePio2(x float64) (dd, int) {
	k := math.Round(x / pio2a)
	r := twoSum(x, -k*pio2a)
	if math.FMA(-k, pio2a, x) != r.hi+r.lo { // k*pio2a rounded: use its exact error
		e := math.FMA(k, pio2a, -(k * pio2a))
		r = dd{x, 0}.add(dd{-(k * pio2a), -e})
	}
	r = r.add(dd{-k * pio2b, -math.FMA(k, pio2b, -(k * pio2b))})
	r = r.add(dd{-k * pio2c, 0})
	return r, int(int64(k) & 3)
}

// sinCosDD is sin(r) and cos(r) for |r| <= pi/4.
func sinCosDD(r dd) (dd, dd) {
	r2 := r.mul(r)
	s, term := r, r
	for n := 2.0; n < 60; n += 2 {
		term = term.mul(r2).div(dd{-n * (n + 1), 0})
		s = s.add(term)
		if math.Abs(term.hi) < math.Abs(s.hi)*0x1p-112 {
			break
		}
	}
	c, term := dd{1, 0}, dd{1, 0}
	for n := 1.0; n < 60; n += 2 {
		term = term.mul(r2).div(dd{-n * (n + 1), 0})
		c = c.add(term)
		if math.Abs(term.hi) < 0x1p-112 {
			break
		}
	}
	return s, c
}

const trigLimit = 1 << 20

func trigArgs(x float64) (sin, cos dd, ok bool) {
	if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > trigLimit || math.Abs(x) < 0x1p-26 {
		return dd{}, dd{}, false
	}
	r, q := reducePio2(x)
	s, c := sinCosDD(r)
	switch q {
	case 1:
		s, c = c, dd{-s.hi, -s.lo}
	case 2:
		s, c = dd{-s.hi, -s.lo}, dd{-c.hi, -c.lo}
	case 3:
		s, c = dd{-c.hi, -c.lo}, s
	}
	return s, c, true
}

// Sin is the sine.
func Sin(x float64) float64 {
	s, _, ok := trigArgs(x)
	if !ok {
		return math.Sin(x)
	}
	return s.hi + s.lo
}

// Cos is the cosine.
func Cos(x float64) float64 {
	_, c, ok := trigArgs(x)
	if !ok {
		return math.Cos(x)
	}
	return c.hi + c.lo
}

// Tan is the tangent.
func Tan(x float64) float64 {
	s, c, ok := trigArgs(x)
	if !ok {
		return math.Tan(x)
	}
	t := s.div(c)
	return t.hi + t.lo
}

var pio2DD = dd{1.5707963267948966, 6.123233995736766e-17}

func (x dd) neg() dd { return dd{-x.hi, -x.lo} }

// ddSqrt is the square root of a positive double-double.
func ddSqrt(a dd) dd {
	s := math.Sqrt(a.hi)
	if s == 0 {
		return dd{}
	}
	r := a.add(dd{s, 0}.mul(dd{s, 0}).neg())
	return quickTwoSum(s, r.hi/(2*s))
}

// ddAtan is atan(x) for a double-double x.
func ddAtan(x dd) dd {
	neg := x.hi < 0
	if neg {
		x = x.neg()
	}
	inv := x.hi > 1
	if inv {
		x = dd{1, 0}.div(x)
	}
	// atan(x) = 2 atan(x / (1 + sqrt(1 + x*x))), three times: x < 0.1
	for i := 0; i < 3; i++ {
		x = x.div(dd{1, 0}.add(ddSqrt(dd{1, 0}.add(x.mul(x)))))
	}
	x2 := x.mul(x)
	sum, pw := x, x
	for n := 3.0; n < 200; n += 2 {
		pw = pw.mul(x2).neg()
		t := pw.div(dd{n, 0})
		sum = sum.add(t)
		if math.Abs(t.hi) < math.Abs(sum.hi)*0x1p-112 {
			break
		}
	}
	sum = dd{sum.hi * 8, sum.lo * 8}
	if inv {
		sum = pio2DD.add(sum.neg())
	}
	if neg {
		sum = sum.neg()
	}
	return sum
}

func finiteSmall(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) && x != 0 }

// Atan is the arc tangent.
func Atan(x float64) float64 {
	if !finiteSmall(x) || math.Abs(x) < 0x1p-26 || math.Abs(x) > 0x1p53 {
		return math.Atan(x)
	}
	r := ddAtan(dd{x, 0})
	return r.hi + r.lo
}

// Atan2 is atan(y/x) in the quadrant of (x, y).
func Atan2(y, x float64) float64 {
	if !finiteSmall(x) || !finiteSmall(y) {
		return math.Atan2(y, x)
	}
	q := dd{y, 0}.div(dd{x, 0})
	if math.IsInf(q.hi, 0) || q.hi == 0 || math.Abs(q.hi) < 0x1p-900 || math.Abs(q.hi) > 0x1p900 {
		return math.Atan2(y, x)
	}
	r := ddAtan(q)
	if x < 0 {
		pi := dd{2 * pio2DD.hi, 2 * pio2DD.lo}
		if y >= 0 {
			r = r.add(pi)
		} else {
			r = r.add(pi.neg())
		}
	}
	return r.hi + r.lo
}

// Asin is the arc sine: atan(x / sqrt(1 - x*x)).
func Asin(x float64) float64 {
	if !finiteSmall(x) || math.Abs(x) >= 1 || math.Abs(x) < 0x1p-26 {
		return math.Asin(x)
	}
	one := dd{1, 0}
	r := ddAtan(dd{x, 0}.div(ddSqrt(one.add(dd{x, 0}.mul(dd{x, 0}).neg()))))
	return r.hi + r.lo
}

// Acos is the arc cosine: 2 atan(sqrt((1 - x) / (1 + x))).
func Acos(x float64) float64 {
	if math.IsNaN(x) || math.Abs(x) >= 1 {
		return math.Acos(x)
	}
	one := dd{1, 0}
	t := ddSqrt(one.add(dd{-x, 0}).div(one.add(dd{x, 0})))
	if t.hi == 0 {
		return math.Acos(x)
	}
	r := ddAtan(t)
	return 2*r.hi + 2*r.lo
}

// Hypot is sqrt(sum of squares) of finite xs, correctly rounded (as
// CPython 3.11's vector_norm is in practice; Go's math.Hypot is not).
func Hypot(xs []float64) float64 {
	maxv := 0.0
	for _, x := range xs {
		maxv = math.Max(maxv, math.Abs(x))
	}
	if maxv == 0 || math.IsInf(maxv, 0) || math.IsNaN(maxv) {
		return maxv
	}
	_, e := math.Frexp(maxv)
	sum := dd{}
	for _, x := range xs {
		s := math.Ldexp(x, -e) // exact unless tiny next to the largest
		p := s * s
		sum = sum.add(dd{p, math.FMA(s, s, -p)})
	}
	r := ddSqrt(sum)
	return math.Ldexp(r.hi+r.lo, e)
}
