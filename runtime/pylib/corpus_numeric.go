package pylib

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Number methods (float.hex, as_integer_ratio, ...) and str.isidentifier,
// shimmed as corpus_shims.go's are; int.bit_length(n) and float.fromhex
// work on the types too.
func init() {
	for _, n := range []string{"isidentifier", "as_integer_ratio", "bit_count", "conjugate"} {
		MethodShims[n] = true
	}
}

var numberMethods = map[string]map[string]bool{
	"int":   nameSet("bit_length", "to_bytes", "as_integer_ratio", "bit_count", "conjugate"),
	"float": nameSet("hex", "is_integer", "as_integer_ratio", "conjugate"),
}

// shimNumeric handles the methods above; handled is false otherwise.
func shimNumeric(name string, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, bool, error) {
	switch r := recv.(type) {
	case starlark.String:
		if name == "isidentifier" {
			return starlark.Bool(isIdentifier(string(r))), true, noArgs(name, args, kwargs)
		}
	case starlark.Int:
		switch name {
		case "as_integer_ratio":
			return starlark.Tuple{r, starlark.MakeInt(1)}, true, noArgs(name, args, kwargs)
		case "conjugate":
			return r, true, noArgs(name, args, kwargs)
		case "bit_count":
			n := new(big.Int).Abs(r.BigInt())
			count := 0
			for _, w := range n.Bits() {
				count += popcount(uint64(w))
			}
			return starlark.MakeInt(count), true, noArgs(name, args, kwargs)
		}
	case starlark.Float:
		f := float64(r)
		switch name {
		case "hex":
			return starlark.String(floatHex(f)), true, noArgs(name, args, kwargs)
		case "conjugate":
			return r, true, noArgs(name, args, kwargs)
		case "as_integer_ratio":
			if math.IsInf(f, 0) {
				return nil, true, exc.New("OverflowError", "cannot convert Infinity to integer ratio")
			}
			if math.IsNaN(f) {
				return nil, true, exc.ValueError("cannot convert NaN to integer ratio")
			}
			q := new(big.Rat).SetFloat64(f)
			return starlark.Tuple{starlark.MakeBigInt(q.Num()), starlark.MakeBigInt(q.Denom())}, true, noArgs(name, args, kwargs)
		}
	}
	return nil, false, nil
}

func popcount(w uint64) int {
	n := 0
	for ; w != 0; w &= w - 1 {
		n++
	}
	return n
}

// isIdentifier is str.isidentifier: a letter or _ then letters, digits, _.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		ok := r == '_' || unicode.IsLetter(r) || i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r))
		if !ok {
			return false
		}
	}
	return true
}

// floatHex is float.hex: 0x1.<13 hex digits>p<exp>, as CPython prints it.
func floatHex(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case f == 0:
		if math.Signbit(f) {
			return "-0x0.0p+0"
		}
		return "0x0.0p+0"
	}
	s := strconv.FormatFloat(f, 'x', 13, 64) // 0x1.8000000000000p+01
	mant, exp, _ := strings.Cut(s, "p")
	sign := exp[:1]
	digits := strings.TrimLeft(exp[1:], "0")
	if digits == "" {
		digits = "0"
	}
	return mant + "p" + sign + digits
}

// float.fromhex(s): CPython's hex float syntax, exponent optional.
func floatFromHex(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var s string
	if err := starlark.UnpackPositionalArgs("fromhex", args, kwargs, 1, &s); err != nil {
		return nil, err
	}
	t := strings.ToLower(strings.TrimSpace(s))
	switch strings.TrimLeft(t, "+-") {
	case "inf", "infinity", "nan":
		f, _ := strconv.ParseFloat(t, 64)
		return starlark.Float(f), nil
	}
	body := strings.TrimLeft(t, "+-")
	if !strings.HasPrefix(body, "0x") {
		t = t[:len(t)-len(body)] + "0x" + body
	}
	if !strings.Contains(t, "p") {
		t += "p0"
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return nil, exc.New("OverflowError", "hexadecimal value too large to represent as a float")
		}
		return nil, exc.ValueError("invalid hexadecimal floating-point string")
	}
	return starlark.Float(f), nil
}
