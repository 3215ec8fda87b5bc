package pylib

import (
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// ByteArray is Python's mutable bytearray.
type ByteArray struct{ b []byte }

var (
	_ starlark.Indexable   = (*ByteArray)(nil)
	_ starlark.HasSetIndex = (*ByteArray)(nil)
	_ starlark.Sliceable   = (*ByteArray)(nil)
	_ starlark.Iterable    = (*ByteArray)(nil)
	_ starlark.HasAttrs    = (*ByteArray)(nil)
	_ starlark.HasBinary   = (*ByteArray)(nil)
)

func (a *ByteArray) String() string        { return "bytearray(" + pyrepr.QuoteBytes(string(a.b)) + ")" }
func (a *ByteArray) PyRepr() string        { return a.String() }
func (a *ByteArray) Type() string          { return "bytearray" }
func (a *ByteArray) Freeze()               {}
func (a *ByteArray) Truth() starlark.Bool  { return len(a.b) > 0 }
func (a *ByteArray) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'bytearray'") }
func (a *ByteArray) Len() int              { return len(a.b) }
func (a *ByteArray) Index(i int) starlark.Value {
	return starlark.MakeInt(int(a.b[i]))
}
func (a *ByteArray) Slice(start, end, step int) starlark.Value {
	var out []byte
	if step == 1 {
		out = append(out, a.b[start:end]...)
	} else {
		for i := start; (step > 0 && i < end) || (step < 0 && i > end); i += step {
			out = append(out, a.b[i])
		}
	}
	return &ByteArray{b: out}
}

func (a *ByteArray) Iterate() starlark.Iterator {
	vals, _ := collect(starlark.Bytes(a.b))
	return starlark.NewList(vals).Iterate()
}

func byteValue(v starlark.Value) (byte, error) {
	n, err := starlark.AsInt32(v)
	if err != nil {
		return 0, exc.TypeError("'%s' object cannot be interpreted as an integer", typeName(v))
	}
	if n < 0 || n > 255 {
		return 0, exc.ValueError("byte must be in range(0, 256)")
	}
	return byte(n), nil
}

func (a *ByteArray) index(k starlark.Value) (int, error) {
	i, err := starlark.AsInt32(k)
	if err != nil {
		return 0, exc.TypeError("bytearray indices must be integers")
	}
	if i < 0 {
		i += len(a.b)
	}
	if i < 0 || i >= len(a.b) {
		return 0, exc.New("IndexError", "bytearray index out of range")
	}
	return i, nil
}

func (a *ByteArray) SetIndex(i int, v starlark.Value) error {
	b, err := byteValue(v)
	if err != nil {
		return err
	}
	a.b[i] = b
	return nil
}

func (a *ByteArray) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	if op != syntax.PLUS {
		return nil, nil
	}
	other, err := bytesArg("+", y)
	if err != nil {
		return nil, nil
	}
	if side == starlark.Left {
		return &ByteArray{b: append(append([]byte(nil), a.b...), other...)}, nil
	}
	return &ByteArray{b: append([]byte(other), a.b...)}, nil
}

var byteArrayMethods = []string{"append", "extend", "pop", "clear", "insert", "remove"}

func (a *ByteArray) AttrNames() []string { return byteArrayMethods }

func (a *ByteArray) Attr(name string) (starlark.Value, error) {
	switch name {
	case "append", "extend", "pop", "clear", "insert", "remove":
	default:
		return nil, nil
	}
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		switch name {
		case "append":
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &v); err != nil {
				return nil, err
			}
			b, err := byteValue(v)
			if err != nil {
				return nil, err
			}
			a.b = append(a.b, b)
		case "extend":
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &v); err != nil {
				return nil, err
			}
			vals, err := collect(v)
			if err != nil {
				return nil, err
			}
			for _, x := range vals {
				b, err := byteValue(x)
				if err != nil {
					return nil, err
				}
				a.b = append(a.b, b)
			}
		case "pop":
			var k starlark.Value = starlark.MakeInt(-1)
			if err := starlark.UnpackPositionalArgs(name, args, kwargs, 0, &k); err != nil {
				return nil, err
			}
			if len(a.b) == 0 {
				return nil, exc.New("IndexError", "pop from empty bytearray")
			}
			i, err := a.index(k)
			if err != nil {
				return nil, err
			}
			v := a.b[i]
			a.b = append(a.b[:i], a.b[i+1:]...)
			return starlark.MakeInt(int(v)), nil
		case "clear":
			a.b = a.b[:0]
		case "insert":
			var i int
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs(name, args, kwargs, 2, &i, &v); err != nil {
				return nil, err
			}
			b, err := byteValue(v)
			if err != nil {
				return nil, err
			}
			if i < 0 {
				i += len(a.b)
			}
			i = max(0, min(i, len(a.b)))
			a.b = append(a.b[:i], append([]byte{b}, a.b[i:]...)...)
		case "remove":
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &v); err != nil {
				return nil, err
			}
			b, err := byteValue(v)
			if err != nil {
				return nil, err
			}
			i := strings.IndexByte(string(a.b), b)
			if i < 0 {
				return nil, exc.ValueError("value not found in bytearray")
			}
			a.b = append(a.b[:i], a.b[i+1:]...)
		}
		return starlark.None, nil
	}), nil
}

// bytearray(x=b”) from an int size, bytes, str with encoding, or ints.
func bytearrayBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 && len(kwargs) == 0 {
		return &ByteArray{}, nil
	}
	if len(args) > 0 {
		if s, ok := args[0].(starlark.String); ok {
			if len(args) < 2 && len(kwargs) == 0 {
				return nil, exc.TypeError("string argument without an encoding")
			}
			return &ByteArray{b: []byte(s)}, nil
		}
	}
	v, err := bytesBuiltin(thread, b, args, kwargs)
	if err != nil {
		return nil, err
	}
	return &ByteArray{b: []byte(v.(starlark.Bytes))}, nil
}
