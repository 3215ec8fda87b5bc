package pylib

import (
	"math"
	"testing"
)

// TestFloatPowMatchesCPython: x ** y as CPython 3.11 prints it (Go's
// math.Pow differs in the last digits for most of these).
func TestFloatPowMatchesCPython(t *testing.T) {
	cases := [][3]float64{
		{0.1, 20, 1.0000000000000011e-20},
		{1.05, 10, 1.628894626777442},
		{1.1, 10, 2.5937424601000023},
		{1.07, 30, 7.612255042662042},
		{0.9, 50, 0.00515377520732012},
		{1.001, 1000, 2.7169239322355936},
		{3.3, -4, 0.008432264881050257},
		{8.0, 0.3333333333333333, 2.0},
		{2.5, 1.5, 3.952847075210474},
		{1.0001, 12345.5, 3.4366194721201766},
		{2.0, 10.5, 1448.1546878700494},
		{27.0, 0.3333333333333333, 3.0},
		{1.5, -2.5, 0.36288736930121157},
		{-2.0, 3, -8.0},
		{-1.5, -3, -0.2962962962962963},
		{10.0, -2, 0.01},
	}
	for _, c := range cases {
		if got := FloatPow(c[0], c[1]); got != c[2] {
			t.Errorf("%v ** %v = %v, CPython %v", c[0], c[1], got, c[2])
		}
	}
	for _, c := range [][2]float64{{0, -1}, {0, 2}, {-8, 1.0 / 3}, {math.Inf(1), 0.5}, {2, math.Inf(-1)}, {math.NaN(), 0}, {1, math.NaN()}, {-2, 0.5}} {
		want, got := math.Pow(c[0], c[1]), FloatPow(c[0], c[1])
		if !(got == want || math.IsNaN(got) && math.IsNaN(want)) {
			t.Errorf("special case %v ** %v = %v, C pow %v", c[0], c[1], got, want)
		}
	}
}

func TestFloatPowOverflow(t *testing.T) {
	for _, c := range [][3]float64{{10, 400, math.Inf(1)}, {-10, 401, math.Inf(-1)}, {10, -400, 0}, {0.5, 2000, 0}, {1e300, 1.5, math.Inf(1)}} {
		if got := FloatPow(c[0], c[1]); got != c[2] {
			t.Errorf("%v ** %v = %v, want %v", c[0], c[1], got, c[2])
		}
	}
}
