// Package binascii provides ubinascii/binascii (hex and base64 with
// CPython's results: bytes out, a newline after b2a_base64) and base64.
package binascii

import (
	"encoding/base64"
	"encoding/hex"
	"hash/crc32"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	for _, name := range []string{"ubinascii", "binascii"} {
		runtime.Register(runtime.Module{Name: name, Doc: "hexlify, unhexlify, base64 and crc32", New: newBinascii})
	}
	runtime.Register(runtime.Module{Name: "base64", Doc: "base64, base32 and base16 encodings", New: newBase64})
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newBinascii(env *runtime.Env) (starlark.StringDict, error) {
	return pyargs.Builtins(map[string]builtinFn{
		"hexlify":    hexlify,
		"b2a_hex":    hexlify,
		"unhexlify":  unhexlify,
		"a2b_hex":    unhexlify,
		"b2a_base64": b2aBase64,
		"a2b_base64": a2bBase64,
		"crc32":      crc32Fn,
	}), nil
}

// hexlify(data[, sep]) → bytes; sep goes between every byte.
func hexlify(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data, sepv starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "data", &data, "sep?", &sepv); err != nil {
		return nil, err
	}
	buf, err := pyargs.Buffer(b.Name(), "data", data)
	if err != nil {
		return nil, err
	}
	h := hex.EncodeToString(buf)
	if sepv == starlark.None {
		return starlark.Bytes(h), nil
	}
	sep, err := pyargs.Text(b.Name(), "sep", sepv)
	if err != nil {
		return nil, err
	}
	if len(sep) != 1 {
		return nil, exc.ValueError("sep must be length 1.")
	}
	var sb strings.Builder
	for i := 0; i < len(h); i += 2 {
		if i > 0 {
			sb.WriteString(sep)
		}
		sb.WriteString(h[i : i+2])
	}
	return starlark.Bytes(sb.String()), nil
}

func unhexlify(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &data); err != nil {
		return nil, err
	}
	s, err := pyargs.Text(b.Name(), "data", data)
	if err != nil {
		return nil, err
	}
	return Unhex(s)
}

// Unhex decodes hex digits with binascii's error messages.
func Unhex(s string) (starlark.Value, error) {
	if len(s)%2 != 0 {
		return nil, exc.ValueError("Odd-length string")
	}
	out, err := hex.DecodeString(s)
	if err != nil {
		return nil, exc.ValueError("Non-hexadecimal digit found")
	}
	return starlark.Bytes(out), nil
}

func b2aBase64(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	newline := true
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "data", &data, "newline?", &newline); err != nil {
		return nil, err
	}
	buf, err := pyargs.Buffer(b.Name(), "data", data)
	if err != nil {
		return nil, err
	}
	s := base64.StdEncoding.EncodeToString(buf)
	if newline {
		s += "\n"
	}
	return starlark.Bytes(s), nil
}

func a2bBase64(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &data); err != nil {
		return nil, err
	}
	s, err := pyargs.Text(b.Name(), "data", data)
	if err != nil {
		return nil, err
	}
	out, err := DecodeBase64(s, false)
	if err != nil {
		return nil, err
	}
	return starlark.Bytes(out), nil
}

// DecodeBase64 decodes as binascii.a2b_base64 does: outside strict mode,
// characters outside the alphabet are skipped, and input ends at the first
// complete pad sequence.
func DecodeBase64(s string, strict bool) ([]byte, error) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	var out []byte
	var acc uint32
	quad, pads, nData := 0, 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '=' {
			if quad >= 2 {
				pads++
				if quad+pads >= 4 {
					if strict && i+1 < len(s) {
						return nil, exc.ValueError("Excess data after padding")
					}
					return out, nil
				}
			} else if strict {
				return nil, exc.ValueError("Discontinuous padding not allowed")
			}
			continue
		}
		v := strings.IndexByte(alphabet, c)
		if v < 0 {
			if strict {
				return nil, exc.ValueError("Only base64 data is allowed")
			}
			continue
		}
		if strict && pads > 0 {
			return nil, exc.ValueError("Discontinuous padding not allowed")
		}
		pads = 0
		nData++
		acc = acc<<6 | uint32(v)
		quad++
		switch quad {
		case 2:
			out = append(out, byte(acc>>4))
			acc &= 0x0f
		case 3:
			out = append(out, byte(acc>>2))
			acc &= 0x03
		case 4:
			out = append(out, byte(acc))
			acc, quad = 0, 0
		}
	}
	switch quad {
	case 0:
		return out, nil
	case 1:
		return nil, exc.ValueError("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4", nData)
	}
	return nil, exc.ValueError("Incorrect padding")
}

func crc32Fn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	var crc starlark.Value = starlark.MakeInt(0)
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &data, &crc); err != nil {
		return nil, err
	}
	buf, err := pyargs.Buffer(b.Name(), "data", data)
	if err != nil {
		return nil, err
	}
	start, err := pyargs.Int(b.Name(), "crc", crc)
	if err != nil {
		return nil, err
	}
	return starlark.MakeUint64(uint64(crc32.Update(uint32(start), crc32.IEEETable, buf))), nil
}
