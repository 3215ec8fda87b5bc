package pymath_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	"github.com/qstar-dev/qstar/runtime"

	_ "github.com/qstar-dev/qstar/modules/std/pymath"
)

const prelude = `load("math", "math")
` + approx

// approx keeps 12 decimal places where Go's math and C's libm may
// differ in the last bit (acos, lgamma).
const approx = `def approx(xs):
    return [int(x * 1e12) for x in xs]
`

func TestMathMatchesCPython(t *testing.T) {
	stdtest.CompareWithPython(t, prelude, "import math\n"+approx, []string{
		`(math.pi, math.e, math.tau, math.inf, -math.inf)`,
		`math.isnan(math.nan)`,
		`(math.floor(2.7), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.5), math.trunc(-2.7), math.floor(7))`,
		`math.floor(1e20)`, `math.ceil(1 << 70)`,
		`(math.sqrt(2), math.sqrt(16), math.pow(2, 10), math.pow(2, 0.5), math.pow(0, 0))`,
		`(math.exp(1), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log10(1000), math.log2(1024))`,
		`math.log(int('1' * 700))`, `math.log(int('1' + '0' * 400), 10)`,
		`approx((math.sin(0.5), math.cos(0.5), math.tan(0.5), math.asin(0.5), math.acos(0.5), math.atan(0.5), math.atan2(1, -1)))`,
		`(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))`,
		`(math.degrees(math.pi), math.radians(180), math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.copysign(1, -0.0))`,
		`(math.isinf(math.inf), math.isinf(1), math.isfinite(1e308), math.isfinite(math.nan))`,
		`(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9))`,
		`(math.modf(3.25), math.modf(-3.25), math.frexp(8), math.ldexp(0.5, 4))`,
		`(math.hypot(3, 4), math.hypot(1, 2, 2), math.hypot())`,
		`math.fsum([0.1] * 10)`, `math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])`,
		`(math.gcd(12, 18), math.gcd(0, -4), math.gcd(), math.factorial(0), math.factorial(25))`,
		`approx((math.expm1(1e-10), math.log1p(1e-10), math.erf(0.5), math.gamma(5), math.lgamma(10)))`,
		`math.sqrt(True)`,
	})
}

func TestMathErrorsMatchCPython(t *testing.T) {
	stdtest.CompareErrors(t, prelude, "import math", []string{
		`math.sqrt(-1)`, `math.log(0)`, `math.log(-1)`, `math.log(10, 1)`, `math.log10(0)`,
		`math.exp(1000)`, `math.pow(10, 400)`, `math.pow(0, -1)`, `math.pow(-8, 1/3)`,
		`math.acos(2)`, `math.atanh(1)`, `math.cosh(1000)`, `math.fmod(1, 0)`, `math.sin(math.inf)`,
		`math.floor(math.nan)`, `math.ceil(math.inf)`, `math.ldexp(1, 2000)`,
		`math.factorial(-1)`, `math.factorial(2.5)`, `math.gcd(1.5)`,
		`math.sqrt(int('1' + '0' * 400))`,
	}, runtime.ErrorLine)
	_, err := stdtest.Run(t, prelude+"\nmath.sqrt('4')", nil)
	if err == nil || runtime.ErrorLine(err) != "TypeError: sqrt() argument must be a real number, not str" {
		t.Errorf("sqrt('4'): %v", err)
	}
}
