package netx

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// Buffer returns the bytes of a bytes, str (UTF-8, as MicroPython takes
// it) or bytearray argument.
func Buffer(fn string, v starlark.Value) ([]byte, error) {
	if s, ok := pyargs.AsText(v); ok {
		return []byte(s), nil
	}
	if ix, ok := v.(starlark.Indexable); ok && (v.Type() == "bytearray" || v.Type() == "memoryview") {
		b := make([]byte, ix.Len())
		for i := range b {
			n, ok := ix.Index(i).(starlark.Int)
			if !ok {
				return nil, exc.TypeError("%s: a bytes-like object is required, not '%s'", fn, pyargs.TypeName(v))
			}
			x, _ := n.Int64()
			b[i] = byte(x)
		}
		return b, nil
	}
	return nil, exc.TypeError("a bytes-like object is required, not '%s'", pyargs.TypeName(v))
}

// Fill copies p into a bytearray (readinto); it returns how many bytes fit.
func Fill(fn string, buf starlark.Value, p []byte) (int, error) {
	ix, ok := buf.(starlark.HasSetIndex)
	if !ok || buf.Type() != "bytearray" {
		return 0, exc.TypeError("%s: argument must be a bytearray, not '%s'", fn, pyargs.TypeName(buf))
	}
	n := min(len(p), ix.Len())
	for i := 0; i < n; i++ {
		if err := ix.SetIndex(i, starlark.MakeInt(int(p[i]))); err != nil {
			return i, err
		}
	}
	return n, nil
}

// Seconds reads a timeout argument: None blocks, 0 is non-blocking, else
// seconds (int or float; negative is a ValueError as in CPython).
func Seconds(fn string, v starlark.Value) (Timeout, error) {
	if pyargs.IsNone(v) {
		return Block, nil
	}
	s, err := pyargs.Number(fn, "value", v)
	if err != nil {
		return 0, err
	}
	if s < 0 {
		return 0, exc.ValueError("Timeout value out of range")
	}
	return Timeout(s * 1e9), nil
}
