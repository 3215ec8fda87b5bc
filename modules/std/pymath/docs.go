package pymath

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of math, for help(), __doc__ and `qstar stubs`;
// TestDocsMatchBinders keeps them honest.
func init() {
	docs := map[string]string{
		"log":       "log(x, base=None, /)\nThe natural logarithm of x, or its logarithm to base.",
		"floor":     "floor(x, /)\nThe largest int <= x.",
		"ceil":      "ceil(x, /)\nThe smallest int >= x.",
		"trunc":     "trunc(x, /)\nx with its fraction dropped, as an int.",
		"isnan":     "isnan(x, /)\nTrue when x is a NaN.",
		"isinf":     "isinf(x, /)\nTrue when x is positive or negative infinity.",
		"isfinite":  "isfinite(x, /)\nTrue when x is neither infinite nor a NaN.",
		"isclose":   "isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)\nTrue when a and b are within rel_tol of each other (relative) or abs_tol (absolute).",
		"modf":      "modf(x, /)\n(fraction, integer part) of x, both floats with x's sign.",
		"frexp":     "frexp(x, /)\n(m, e) with x == m * 2**e and 0.5 <= abs(m) < 1.",
		"ldexp":     "ldexp(x, i, /)\nx * 2**i.",
		"dist":      "dist(p, q, /)\nThe Euclidean distance between points p and q, sequences of the same length.",
		"hypot":     "hypot(*coordinates)\nThe Euclidean distance from the origin, sqrt(sum(x*x)).",
		"fsum":      "fsum(seq, /)\nThe exact float sum of seq (no lost low bits).",
		"gcd":       "gcd(*integers)\nThe greatest common divisor of the integers (0 for none).",
		"factorial": "factorial(n, /)\nn! for an int n >= 0.",
		"comb":      "comb(n, k, /)\nThe number of ways to choose k of n items without order.",
		"perm":      "perm(n, k=None, /)\nThe number of ways to choose k of n items in order (n! when k is None).",
		"isqrt":     "isqrt(n, /)\nThe integer square root of n >= 0.",
		"prod":      "prod(iterable, *, start=1)\nThe product of start and the items.",
		"pow":       "pow(x, y, /)\nx ** y as floats.",
		"atan2":     "atan2(y, x, /)\nThe angle of the point (x, y) in radians, in -pi..pi.",
		"fmod":      "fmod(x, y, /)\nx modulo y with x's sign, as C's fmod.",
		"copysign":  "copysign(x, y, /)\nabs(x) with the sign of y.",
		"remainder": "remainder(x, y, /)\nx - n*y for the integer n nearest x/y (IEEE 754).",
		"degrees":   "degrees(x, /)\nx radians in degrees.",
		"radians":   "radians(x, /)\nx degrees in radians.",
		"fabs":      "fabs(x, /)\nThe absolute value of x as a float.",
		"pi":        "pi\n3.141592653589793, the ratio of a circle's circumference to its diameter.",
		"e":         "e\n2.718281828459045, the base of natural logarithms.",
		"tau":       "tau\n2*pi, 6.283185307179586.",
		"inf":       "inf\nPositive infinity as a float.",
		"nan":       "nan\nA float NaN (not a number).",
	}
	for name, what := range map[string]string{
		"sqrt": "The square root", "exp": "e raised to the power", "expm1": "exp(x) - 1, accurate for small x,",
		"log10": "The base-10 logarithm", "log2": "The base-2 logarithm", "log1p": "log(1 + x), accurate for small x,",
		"sin": "The sine (x in radians)", "cos": "The cosine (x in radians)", "tan": "The tangent (x in radians)",
		"asin": "The arc sine in radians", "acos": "The arc cosine in radians", "atan": "The arc tangent in radians",
		"sinh": "The hyperbolic sine", "cosh": "The hyperbolic cosine", "tanh": "The hyperbolic tangent",
		"asinh": "The inverse hyperbolic sine", "acosh": "The inverse hyperbolic cosine", "atanh": "The inverse hyperbolic tangent",
		"erf": "The error function", "erfc": "The complementary error function, 1 - erf(x),",
		"gamma": "The Gamma function", "lgamma": "The natural logarithm of abs(Gamma(x))",
	} {
		docs[name] = name + "(x, /)\n" + what + " of x."
	}
	runtime.RegisterDocs("math", docs)
}
