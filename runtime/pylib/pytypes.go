package pylib

import (
	"math/big"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// pyType is a built-in type with Python's constructor and class
// attributes: int(' 42 '), int.from_bytes, dict.fromkeys, and the methods
// as plain functions (str.lower, dict.get). type(5) is int, it prints as
// <class 'int'>, and two values for the same type compare equal (the
// runtime's str and pylib's are one type).
type pyType struct {
	name  string
	call  func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)
	attrs starlark.StringDict
}

var (
	_ starlark.Callable   = (*pyType)(nil)
	_ starlark.Comparable = (*pyType)(nil)
)

func (t *pyType) String() string        { return "<class '" + t.name + "'>" }
func (t *pyType) PyRepr() string        { return t.String() }
func (t *pyType) Type() string          { return "builtin_function_or_method" }
func (t *pyType) Freeze()               {}
func (t *pyType) Truth() starlark.Bool  { return true }
func (t *pyType) Hash() (uint32, error) { return starlark.String(t.name).Hash() }
func (t *pyType) Name() string          { return t.name }
func (t *pyType) AttrNames() []string   { return append(t.attrs.Keys(), "__name__") }

func (t *pyType) Attr(name string) (starlark.Value, error) {
	if name == "__name__" || name == "__qualname__" {
		return starlark.String(t.name), nil
	}
	if v, ok := t.attrs[name]; ok {
		return v, nil
	}
	if pythonMethods()[t.name][name] {
		return unboundMethod(name), nil
	}
	return nil, exc.New("AttributeError", "type object '%s' has no attribute '%s'", t.name, name)
}

func (t *pyType) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return t.call(thread, args, kwargs)
}

func (t *pyType) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	// y may be a constructor builtin that also says it is a type (dict, list)
	yname, _ := builtinTypeName(y)
	same := t.name == yname
	switch op {
	case syntax.EQL:
		return same, nil
	case syntax.NEQ:
		return !same, nil
	}
	return false, exc.TypeError("'%s' not supported between instances of 'type' and 'type'", op)
}

// builtinTypeName is the Python type a constructor value stands for.
func builtinTypeName(v starlark.Value) (string, bool) {
	switch t := v.(type) {
	case *pyType:
		return t.name, true
	case *starlark.Builtin:
		if t.Receiver() == nil && constructorTypes[t.Name()] {
			return t.Name(), true
		}
	}
	return "", false
}

// unboundMethod is str.lower: a function of the receiver and the arguments.
func unboundMethod(name string) *starlark.Builtin {
	shim := shimBuiltin(name)
	return starlark.NewBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 {
			return nil, exc.TypeError("unbound method %s() needs an argument", name)
		}
		return starlark.Call(t, shim, args, kwargs)
	})
}

// WrapType makes fn (a constructor builtin) the Python type name; the
// runtime wraps its own str this way.
func WrapType(name string, fn starlark.Callable) starlark.Value {
	return &pyType{name: name, attrs: typeAttrs[name], call: func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return starlark.Call(thread, fn, args, kwargs)
	}}
}

var typeAttrs = map[string]starlark.StringDict{
	"int":  {"from_bytes": starlark.NewBuiltin("from_bytes", intFromBytes)},
	"dict": {"fromkeys": starlark.NewBuiltin("fromkeys", dictFromKeys)},
	// corpus_text.go
	"str":   {"maketrans": starlark.NewBuiltin("maketrans", maketrans)},
	"bytes": {"fromhex": starlark.NewBuiltin("fromhex", bytesFromHex)},
	"float": {"fromhex": starlark.NewBuiltin("fromhex", floatFromHex)}, // corpus_numeric.go
}

// builtinTypes are the constructor types, as pylib gives them to scripts.
var builtinTypes = map[string]*pyType{}

func init() {
	for _, name := range []string{"str", "bool"} {
		builtinTypes[name] = WrapType(name, starlark.Universe[name].(starlark.Callable)).(*pyType)
	}
	// the constructors that drain an iterator report what ended it (iter.go)
	for _, name := range []string{"list", "dict", "tuple", "set"} {
		builtinTypes[name] = WrapType(name, errorAware(starlark.Universe[name].(*starlark.Builtin))).(*pyType)
	}
	builtinTypes["dict"].call = dictCall
	for _, name := range []string{"list", "tuple", "set"} {
		builtinTypes[name].call = collectingCall(name, builtinTypes[name].call)
	}
	builtinTypes["str"].call = strCall
	builtinTypes["bytes"] = &pyType{name: "bytes", call: bytesCall, attrs: typeAttrs["bytes"]}
	builtinTypes["int"] = &pyType{name: "int", call: intCall, attrs: typeAttrs["int"]}
	builtinTypes["float"] = &pyType{name: "float", call: floatCall, attrs: typeAttrs["float"]}
	for name, t := range builtinTypes {
		RegisterType(name, t)
	}
}

// collectingCall is list(x)/tuple(x)/set(x) that, for a script
// object, iterates it here so an exception its __next__ raises propagates.
func collectingCall(name string, call func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)) func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 1 && len(kwargs) == 0 {
			if _, ok := args[0].(*Instance); ok {
				vals, err := collect(args[0])
				if err != nil {
					return nil, err
				}
				args = starlark.Tuple{starlark.NewList(vals)}
			}
		}
		return call(thread, args, kwargs)
	}
}

// dict(x, **kw) as in Python: x may be a dict subclass or any object
// with keys() and x[k].
func dictCall(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 {
		if x, ok := args[0].(*Instance); ok {
			if x.inner != nil {
				args = starlark.Tuple{x.inner}
			} else if keys, err := x.Attr("keys"); err == nil && keys != nil {
				ks, err := starlark.Call(thread, keys, nil, nil)
				if err != nil {
					return nil, err
				}
				vals, err := collect(ks)
				if err != nil {
					return nil, err
				}
				d := starlark.NewDict(len(vals))
				for _, k := range vals {
					v, err := indexBuiltin(thread, nil, starlark.Tuple{x, k}, nil)
					if err != nil {
						return nil, err
					}
					if err := d.SetKey(k, v); err != nil {
						return nil, err
					}
				}
				args = starlark.Tuple{d}
			}
		}
	}
	return starlark.Call(thread, starlark.Universe["dict"], args, kwargs)
}

// dict.fromkeys(keys, value=None)
func dictFromKeys(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var keys starlark.Value
	var v starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs("fromkeys", args, kwargs, 1, &keys, &v); err != nil {
		return nil, err
	}
	vals, err := collectPy(keys)
	if err != nil {
		return nil, err
	}
	d := starlark.NewDict(len(vals))
	for _, k := range vals {
		if err := d.SetKey(k, v); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// cleanNumber is Python's leniency: surrounding spaces and 1_000.
func cleanNumber(s string) string {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "_") && !strings.HasPrefix(s, "_") && !strings.HasSuffix(s, "_") && !strings.Contains(s, "__") {
		s = strings.ReplaceAll(s, "_", "")
	}
	return s
}

// str(x=”, encoding=, errors=) as in Python (the runtime has its own,
// of the same type; this one is what type(”) calls).
func strCall(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 && len(kwargs) == 0 {
		return starlark.String(""), nil
	}
	if len(args) == 1 && len(kwargs) == 0 {
		s, err := pyrepr.StrErr(args[0])
		return starlark.String(s), err
	}
	var x starlark.Value
	var encoding, errors string
	if err := starlark.UnpackArgs("str", args, kwargs, "object", &x, "encoding?", &encoding, "errors?", &errors); err != nil {
		return nil, err
	}
	if encoding == "" {
		encoding = "utf-8"
	}
	if errors == "" {
		errors = "strict"
	}
	switch b := x.(type) {
	case starlark.Bytes:
		return decodeBytes(string(b), encoding, errors)
	case *ByteArray:
		return decodeBytes(string(b.b), encoding, errors)
	}
	return nil, exc.TypeError("decoding to str: need a bytes-like object, %s found", typeName(x))
}

// bytes(x) as in Python: a str needs an encoding.
func bytesCall(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 && len(kwargs) == 0 {
		if _, ok := args[0].(starlark.String); ok {
			return nil, exc.TypeError("string argument without an encoding")
		}
	}
	return bytesBuiltin(thread, nil, args, kwargs)
}

// int(x=0, base=10) as in Python.
func intCall(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 && len(kwargs) == 0 {
		return starlark.MakeInt(0), nil // int(), as defaultdict(int) calls it
	}
	orig := args
	if len(args) > 0 {
		switch x := args[0].(type) {
		case starlark.String:
			args = append(starlark.Tuple{starlark.String(cleanNumber(string(x)))}, args[1:]...)
		case starlark.Bytes:
			args = append(starlark.Tuple{starlark.String(cleanNumber(string(x)))}, args[1:]...)
		case *Instance:
			for _, m := range []string{"__int__", "__index__"} {
				if v, ok, err := x.dunder(m); ok {
					return v, err
				}
			}
			return nil, exc.TypeError("int() argument must be a string, a bytes-like object or a real number, not '%s'", x.class.name)
		default:
			if v, ok, err := goDunder(thread, x, "__int__"); ok {
				return v, err
			}
		}
	}
	v, err := starlark.Call(thread, starlark.Universe["int"], args, kwargs)
	if err != nil && len(args) > 0 {
		if s, ok := orig[0].(starlark.String); ok && strings.Contains(err.Error(), "invalid literal") {
			base := "10"
			if len(args) > 1 {
				base = args[1].String()
			}
			return nil, exc.ValueError("invalid literal for int() with base %s: %s", base, reprOf(s))
		}
	}
	return v, err
}

// float(x=0.0) as in Python.
func floatCall(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 && len(kwargs) == 0 {
		return starlark.Float(0), nil
	}
	if len(args) == 1 && len(kwargs) == 0 {
		switch x := args[0].(type) {
		case starlark.String:
			args = starlark.Tuple{starlark.String(cleanNumber(string(x)))}
		case starlark.Bytes:
			args = starlark.Tuple{starlark.String(cleanNumber(string(x)))}
		case *Instance:
			if v, ok, err := x.dunder("__float__"); ok {
				return v, err
			}
			return nil, exc.TypeError("float() argument must be a string or a real number, not '%s'", x.class.name)
		default:
			if v, ok, err := goDunder(thread, x, "__float__"); ok {
				return v, err
			}
		}
	}
	orig := args
	v, err := starlark.Call(thread, starlark.Universe["float"], args, kwargs)
	if err != nil && len(args) == 1 {
		if s, ok := orig[0].(starlark.String); ok {
			return nil, exc.ValueError("could not convert string to float: %s", reprOf(s))
		}
	}
	return v, err
}

// int.from_bytes(bytes, byteorder='big', *, signed=False)
func intFromBytes(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	order := "big"
	signed := false
	if err := starlark.UnpackArgs("from_bytes", args, kwargs, "bytes", &data, "byteorder?", &order, "signed?", &signed); err != nil {
		return nil, err
	}
	vals, err := collect(data)
	if err != nil {
		return nil, err
	}
	b := make([]byte, len(vals))
	for i, v := range vals {
		n, err := starlark.AsInt32(v)
		if err != nil || n < 0 || n > 255 {
			return nil, exc.ValueError("bytes must be in range(0, 256)")
		}
		b[i] = byte(n)
	}
	if order == "little" {
		for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
			b[i], b[j] = b[j], b[i]
		}
	} else if order != "big" {
		return nil, exc.ValueError("byteorder must be either 'little' or 'big'")
	}
	n := new(big.Int).SetBytes(b)
	if signed && len(b) > 0 && b[0]&0x80 != 0 {
		n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
	}
	return starlark.MakeBigInt(n), nil
}

// (n).to_bytes(length=1, byteorder='big', *, signed=False)
func intToBytes(recv starlark.Int, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	length := 1
	order := "big"
	signed := false
	if err := starlark.UnpackArgs("to_bytes", args, kwargs, "length?", &length, "byteorder?", &order, "signed?", &signed); err != nil {
		return nil, err
	}
	n := recv.BigInt()
	if n.Sign() < 0 {
		if !signed {
			return nil, exc.New("OverflowError", "can't convert negative int to unsigned")
		}
		n.Add(n, new(big.Int).Lsh(big.NewInt(1), uint(8*length)))
	}
	b := n.Bytes()
	if len(b) > length || signed && recv.Sign() >= 0 && len(b) == length && length > 0 && b[0]&0x80 != 0 {
		return nil, exc.New("OverflowError", "int too big to convert")
	}
	out := make([]byte, length)
	copy(out[length-len(b):], b)
	if order == "little" {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	} else if order != "big" {
		return nil, exc.ValueError("byteorder must be either 'little' or 'big'")
	}
	return starlark.Bytes(out), nil
}

// intMethod is the int methods the translator shims: n.to_bytes(...),
// n.bit_length().
func intMethod(name string, recv starlark.Int, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, bool, error) {
	switch name {
	case "to_bytes":
		v, err := intToBytes(recv, args, kwargs)
		return v, true, err
	case "bit_length":
		return starlark.MakeInt(new(big.Int).Abs(recv.BigInt()).BitLen()), true, noArgs(name, args, kwargs)
	}
	return nil, false, nil
}
