package machine

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// intArg is argument name as an int, def when absent or None.
func intArg(a *pyargs.Args, name string, def int) (int, error) { return a.Int(name, def) }

// bufferBytes reads a bytes, str, bytearray or list of ints argument.
func bufferBytes(fn, param string, v starlark.Value) ([]byte, error) {
	if s, ok := pyargs.AsText(v); ok {
		return []byte(s), nil
	}
	if ix, ok := v.(starlark.Indexable); ok {
		out := make([]byte, ix.Len())
		for i := range out {
			n, err := starlark.AsInt32(ix.Index(i))
			if err != nil || n < 0 || n > 255 {
				return nil, exc.ValueError("%s: %s[%d] is not a byte", fn, param, i)
			}
			out[i] = byte(n)
		}
		return out, nil
	}
	if n, ok := v.(starlark.Int); ok { // a bare register address
		i, _ := n.Int64()
		return []byte{byte(i)}, nil
	}
	return nil, exc.TypeError("%s() argument '%s' must be bytes, bytearray or str, not %s", fn, param, pyargs.TypeName(v))
}

// writable is a buffer the builtin fills in place (a bytearray).
func writable(fn, param string, v starlark.Value) (interface {
	starlark.Indexable
	starlark.HasSetIndex
}, error) {
	if w, ok := v.(interface {
		starlark.Indexable
		starlark.HasSetIndex
	}); ok {
		return w, nil
	}
	return nil, exc.TypeError("%s() argument '%s' must be a bytearray, not %s", fn, param, pyargs.TypeName(v))
}

// fill copies data into w from index 0.
func fill(w starlark.HasSetIndex, data []byte) error {
	for i, c := range data {
		if err := w.SetIndex(i, starlark.MakeInt(int(c))); err != nil {
			return err
		}
	}
	return nil
}

// callable checks a callback argument; None is allowed when optional.
func callable(fn, param string, v starlark.Value, optional bool) (starlark.Value, error) {
	if pyargs.IsNone(v) && optional {
		return nil, nil
	}
	if _, ok := v.(starlark.Callable); !ok {
		return nil, exc.TypeError("%s: %s must be callable, not %s", fn, param, pyargs.TypeName(v))
	}
	return v, nil
}
