package ustruct

import (
	"math"
	"math/big"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// pack writes vals into buf (len(buf) == l.size) as the layout says.
func (l *layout) pack(buf []byte, vals starlark.Tuple) error {
	if len(vals) != l.nvals {
		return structErr("pack expected %d items for packing (got %d)", l.nvals, len(vals))
	}
	vi := 0
	for _, it := range l.items {
		if it.code == 'x' {
			continue
		}
		if err := l.packItem(buf[it.offset:it.offset+it.size], it, vals[vi]); err != nil {
			return err
		}
		vi++
	}
	return nil
}

func (l *layout) packItem(dst []byte, it item, v starlark.Value) error {
	switch it.code {
	case 's', 'p':
		b, ok := bytesOf(v)
		if !ok {
			return structErr("argument for '%c' must be a bytes object", it.code)
		}
		if it.code == 'p' {
			if it.count == 0 {
				return nil
			}
			n := min(len(b), it.count-1, 255)
			dst[0] = byte(n)
			copy(dst[1:], b[:n])
			return nil
		}
		copy(dst, b)
		return nil
	case 'c':
		b, ok := v.(starlark.Bytes)
		if !ok || len(b) != 1 {
			return structErr("char format requires a bytes object of length 1")
		}
		dst[0] = b[0]
		return nil
	case '?':
		dst[0] = 0
		if v.Truth() {
			dst[0] = 1
		}
		return nil
	case 'e', 'f', 'd':
		return l.packFloat(dst, it.code, v)
	}
	return l.packInt(dst, it.code, v)
}

// bytesOf accepts bytes, bytearray, and (as MicroPython does) str.
func bytesOf(v starlark.Value) ([]byte, bool) {
	switch v := v.(type) {
	case starlark.Bytes:
		return []byte(v), true
	case *pylib.ByteArray:
		return v.Bytes(), true
	case starlark.String:
		return []byte(v), true
	}
	return nil, false
}

func (l *layout) packFloat(dst []byte, code byte, v starlark.Value) error {
	var f float64
	switch v := v.(type) {
	case starlark.Float:
		f = float64(v)
	case starlark.Int:
		f, _ = starlark.AsFloat(v)
	case starlark.Bool:
		if v {
			f = 1
		}
	default:
		return structErr("required argument is not a float")
	}
	switch code {
	case 'd':
		l.order.PutUint64(dst, math.Float64bits(f))
	case 'f':
		if math.Abs(f) > math.MaxFloat32 && !math.IsInf(f, 0) {
			return exc.New("OverflowError", "float too large to pack with f format")
		}
		l.order.PutUint32(dst, math.Float32bits(float32(f)))
	case 'e':
		h, ok := float16Bits(f)
		if !ok {
			return exc.New("OverflowError", "float too large to pack with e format")
		}
		l.order.PutUint16(dst, h)
	}
	return nil
}

// intLimits are each integer code's range and CPython's message for a
// value outside it ("" means "argument out of range").
func intLimits(code byte, size int) (lo, hi *big.Int, msg string) {
	bits := uint(size * 8)
	one := big.NewInt(1)
	signed := code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q' || code == 'n'
	if signed {
		lo = new(big.Int).Neg(new(big.Int).Lsh(one, bits-1))
		hi = new(big.Int).Sub(new(big.Int).Lsh(one, bits-1), one)
	} else {
		lo = new(big.Int)
		hi = new(big.Int).Sub(new(big.Int).Lsh(one, bits), one)
	}
	switch {
	case code == 'b':
		msg = "byte format requires -128 <= number <= 127"
	case code == 'B':
		msg = "ubyte format requires 0 <= number <= 255"
	case code == 'h':
		msg = "short format requires -32768 <= number <= 32767"
	case code == 'H':
		msg = "ushort format requires 0 <= number <= 65535"
	case size == 4:
		msg = "'" + string(code) + "' format requires " + lo.String() + " <= number <= " + hi.String()
	}
	return lo, hi, msg
}

func (l *layout) packInt(dst []byte, code byte, v starlark.Value) error {
	var n *big.Int
	switch v := v.(type) {
	case starlark.Int:
		n = v.BigInt()
	case starlark.Bool:
		n = big.NewInt(0)
		if v {
			n.SetInt64(1)
		}
	default:
		return structErr("required argument is not an integer")
	}
	lo, hi, msg := intLimits(code, len(dst))
	if n.Cmp(lo) < 0 || n.Cmp(hi) > 0 {
		// a negative value for a 4-byte unsigned code is CPython's generic error
		if msg == "" || (n.Sign() < 0 && lo.Sign() == 0 && len(dst) >= 4) {
			return structErr("argument out of range")
		}
		return structErr("%s", msg)
	}
	u := n.Uint64()
	if n.Sign() < 0 {
		u = uint64(n.Int64())
	}
	switch len(dst) {
	case 1:
		dst[0] = byte(u)
	case 2:
		l.order.PutUint16(dst, uint16(u))
	case 4:
		l.order.PutUint32(dst, uint32(u))
	case 8:
		l.order.PutUint64(dst, u)
	}
	return nil
}

// float16Bits rounds f to IEEE half precision (round half to even);
// ok is false when f is finite but too large.
func float16Bits(f float64) (uint16, bool) {
	bits := math.Float64bits(f)
	sign := uint16(bits>>48) & 0x8000
	a := math.Abs(f)
	switch {
	case math.IsNaN(f):
		return sign | 0x7e00, true
	case math.IsInf(f, 0):
		return sign | 0x7c00, true
	case a == 0:
		return sign, true
	}
	// value = m * 2^e with m in [1, 2)
	fr, e := math.Frexp(a) // a = fr * 2^e, fr in [0.5, 1)
	e--
	if e < -14 { // subnormal: units of 2^-24
		q := math.RoundToEven(a * (1 << 24))
		if q >= 1024 { // rounded up into the normal range
			return sign | 0x0400, true
		}
		return sign | uint16(q), true
	}
	m := math.RoundToEven((fr*2 - 1) * 1024)
	if m == 1024 {
		m = 0
		e++
	}
	if e > 15 {
		return 0, false
	}
	return sign | uint16(e+15)<<10 | uint16(m), true
}

// float16Value decodes IEEE half precision.
func float16Value(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	e := int(h>>10) & 0x1f
	m := float64(h & 0x3ff)
	switch e {
	case 0:
		return sign * math.Ldexp(m, -24)
	case 0x1f:
		if m == 0 {
			return math.Inf(int(sign))
		}
		return math.NaN()
	}
	return sign * math.Ldexp(1+m/1024, e-15)
}
