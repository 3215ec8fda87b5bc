package pylib

import (
	"maps"
	"math"
	"math/big"
	"sort"
	"strings"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

func builtins() starlark.StringDict {
	d := starlark.StringDict{
		// helpers the translator emits
		"_try":              starlark.NewBuiltin("_try", tryBuiltin),
		"_raise":            starlark.NewBuiltin("raise", raiseBuiltin),
		"_ret":              starlark.NewBuiltin("_ret", retBuiltin),
		"_BREAK":            breakSignal,
		"_CONTINUE":         continueSignal,
		"_namespace":        starlark.NewBuiltin("_namespace", namespaceBuiltin),
		"_ns_set":           starlark.NewBuiltin("_ns_set", nsSetBuiltin),
		"_undefined":        starlark.NewBuiltin("_undefined", undefinedBuiltin),
		"_matmul":           starlark.NewBuiltin("_matmul", matmulBuiltin),
		"_module_namespace": starlark.NewBuiltin("_module_namespace", moduleNamespaceBuiltin),
		"_assert":           starlark.NewBuiltin("assert", assertBuiltin),
		"_delitem":          starlark.NewBuiltin("del", delitemBuiltin),
		"_mod":              starlark.NewBuiltin("%", modBuiltin),
		"_class":            starlark.NewBuiltin("class", classBuiltin),
		"_super":            starlark.NewBuiltin("super", superBuiltin),
		"_format":           starlark.NewBuiltin("format", formatBuiltin),
		"_iter":             starlark.NewBuiltin("iter", iterBuiltin),
		"_chain":            starlark.NewBuiltin("compare", chainBuiltin),
		"_type_is":          starlark.NewBuiltin("type", typeIsBuiltin),
		"_type_name":        starlark.NewBuiltin("type", typeNameBuiltin),
		"_name_of":          starlark.NewBuiltin("__name__", nameOfBuiltin),
		"_attr":             starlark.NewBuiltin("getattr", attrBuiltin), // valueattr.go
		"_annotate":         starlark.NewBuiltin("annotate", annotateBuiltin),
		"_getitem":          starlark.NewBuiltin("getitem", indexBuiltin),
		// Python builtins Starlark lacks
		"object":       objectClass,
		"isinstance":   starlark.NewBuiltin("isinstance", isinstanceBuiltin),
		"issubclass":   starlark.NewBuiltin("issubclass", issubclassBuiltin),
		"format":       starlark.NewBuiltin("format", formatFuncBuiltin),
		"hex":          starlark.NewBuiltin("hex", radixBuiltin(16, "0x")),
		"oct":          starlark.NewBuiltin("oct", radixBuiltin(8, "0o")),
		"bin":          starlark.NewBuiltin("bin", radixBuiltin(2, "0b")),
		"pow":          starlark.NewBuiltin("pow", powBuiltin),
		"divmod":       starlark.NewBuiltin("divmod", divmodBuiltin),
		"round":        starlark.NewBuiltin("round", roundBuiltin),
		"sum":          starlark.NewBuiltin("sum", sumBuiltin),
		"callable":     starlark.NewBuiltin("callable", callableBuiltin),
		"map":          starlark.NewBuiltin("map", mapBuiltin),
		"filter":       starlark.NewBuiltin("filter", filterBuiltin),
		"bytes":        starlark.NewBuiltin("bytes", bytesBuiltin),
		"bytearray":    starlark.NewBuiltin("bytearray", bytearrayBuiltin),
		"staticmethod": descriptorBuiltin("staticmethod"),
		"classmethod":  descriptorBuiltin("classmethod"),
		"property":     descriptorBuiltin("property"),
	}
	for k, v := range moreBuiltins() {
		d[k] = v
	}
	for _, name := range exc.Classes() {
		d[name] = builtinClass(name)
	}
	maps.Copy(d, stmtHelpers())
	maps.Copy(d, matchHelpers())    // match.go
	maps.Copy(d, unboundHelpers())  // unbound.go
	d["Ellipsis"] = ellipsisValue{} // the translator writes `...` as Ellipsis
	for name := range MethodShims {
		d["_"+name] = shimBuiltin(name)
	}
	iterBuiltins(d)   // iter.go: iter/next, generators, lazy enumerate/zip
	corpusBuiltins(d) // corpus_unicode.go: len counts code points
	return d
}

var compareTokens = map[string]syntax.Token{
	"<": syntax.LT, ">": syntax.GT, "<=": syntax.LE, ">=": syntax.GE, "==": syntax.EQL, "!=": syntax.NEQ,
	"in": syntax.IN, "not in": syntax.NOT_IN,
}

// _chain(a, "<", b, "<=", c) is the chained comparison a < b <= c.
func chainBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 3 || len(args)%2 == 0 || len(kwargs) > 0 {
		return nil, exc.TypeError("_chain: bad arguments")
	}
	for i := 1; i < len(args); i += 2 {
		op, _ := starlark.AsString(args[i])
		if op == "is" || op == "is not" { // identity.go
			if identical(args[i-1], args[i+1]) != (op == "is") {
				return starlark.False, nil
			}
			continue
		}
		tok, ok := compareTokens[op]
		if !ok {
			return nil, exc.TypeError("_chain: bad operator %q", op)
		}
		x, y := args[i-1], args[i+1]
		var res bool
		if tok == syntax.IN || tok == syntax.NOT_IN {
			v, err := starlark.Binary(tok, x, y)
			if err != nil {
				return nil, err
			}
			res = bool(v.Truth())
		} else {
			var err error
			if res, err = richCompare(tok, x, y); err != nil {
				return nil, err
			}
		}
		if !res {
			return starlark.False, nil
		}
	}
	return starlark.True, nil
}

// typeName is Python's name for v's type.
func typeName(v starlark.Value) string {
	switch v.(type) {
	case starlark.String:
		return "str"
	case starlark.NoneType:
		return "NoneType"
	case *starlark.Function, *starlark.Builtin:
		return "function"
	}
	return v.Type()
}

// pyTypeOf maps the Python type names scripts pass to isinstance to
// Starlark's type names.
var pyTypeOf = map[string][]string{
	"int": {"int", "bool"}, "float": {"float"}, "str": {"string"}, "bool": {"bool"},
	"bytes": {"bytes"}, "list": {"list"}, "dict": {"dict"}, "tuple": {"tuple"},
	"set": {"set"}, "bytearray": {"bytearray"}, "frozenset": {"frozenset"},
}

func isinstanceOf(x, cls starlark.Value) (bool, error) {
	switch c := cls.(type) {
	case starlark.Tuple:
		for _, k := range c {
			ok, err := isinstanceOf(x, k)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	case *Class:
		if c == objectClass {
			return true, nil
		}
		inst, ok := x.(*Instance)
		return ok && inst.class.isSubclass(c), nil
	case interface{ IsInstance(starlark.Value) bool }: // module types: deque, namedtuple classes
		return c.IsInstance(x), nil
	case *typeObj:
		return TypeOf(x) == c, nil
	case *pyType:
		x = innerOf(x)
		for _, t := range pyTypeOf[c.name] {
			if x.Type() == t {
				return true, nil
			}
		}
		// module types built on a builtin one: OrderedDict is a dict
		sub, ok := x.(interface{ PySubclassOf(string) bool })
		return ok && sub.PySubclassOf(c.name), nil
	case *starlark.Builtin:
		if c.Name() == "callable" {
			break
		}
		if types, ok := pyTypeOf[c.Name()]; ok {
			for _, t := range types {
				if x.Type() == t {
					return true, nil
				}
			}
			// module types built on a builtin one: OrderedDict is a dict
			sub, ok := x.(interface{ PySubclassOf(string) bool })
			return ok && sub.PySubclassOf(c.Name()), nil
		}
	}
	return false, exc.TypeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
}

// pyTypeName is type(x).__name__.
func pyTypeName(x starlark.Value) string {
	switch v := x.(type) {
	case *Instance:
		return shortName(v.class.name)
	case *Class, *typeObj, *pyType:
		return "type"
	case *boundMethod:
		return "method"
	case *starlark.Builtin:
		return "builtin_function_or_method"
	}
	return typeName(x)
}

// _type_is(x, T) is type(x) == T: exact, so a bool is not an int.
func typeIsBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, cls starlark.Value
	if err := starlark.UnpackPositionalArgs("type", args, kwargs, 2, &x, &cls); err != nil {
		return nil, err
	}
	switch c := cls.(type) {
	case starlark.Tuple, *starlark.List:
		// type(x) in (int, float)
		vals, _ := collect(c)
		for _, k := range vals {
			r, err := typeIsBuiltin(nil, b, starlark.Tuple{x, k}, nil)
			if err != nil || r == starlark.True {
				return r, err
			}
		}
		return starlark.False, nil
	case *Class:
		inst, ok := x.(*Instance)
		return starlark.Bool(ok && inst.class == c), nil
	case *starlark.Builtin, *pyType:
		name, _ := builtinTypeName(c)
		if types, ok := pyTypeOf[name]; ok {
			return starlark.Bool(x.Type() == types[0]), nil
		}
	case starlark.NoneType:
		return starlark.False, nil
	}
	return starlark.Bool(pyTypeName(x) == pyTypeName(cls)), nil
}

// _name_of(x) is x.__name__ for functions, classes and modules.
func nameOfBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("__name__", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	switch v := x.(type) {
	case *Class:
		return starlark.String(shortName(v.name)), nil
	case starlark.Callable:
		if _, isInst := x.(*Instance); !isInst {
			return starlark.String(pyFuncName(v)), nil
		}
	}
	if ha, ok := x.(starlark.HasAttrs); ok {
		if v, err := ha.Attr("__name__"); err == nil && v != nil {
			return v, nil
		}
	}
	return nil, exc.New("AttributeError", "'%s' object has no attribute '__name__'", pyTypeName(x))
}

func typeNameBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("type", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	return starlark.String(pyTypeName(x)), nil
}

func isinstanceBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, cls starlark.Value
	if err := starlark.UnpackPositionalArgs("isinstance", args, kwargs, 2, &x, &cls); err != nil {
		return nil, err
	}
	ok, err := isinstanceOf(x, cls)
	return starlark.Bool(ok), err
}

func issubclassBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, cls starlark.Value
	if err := starlark.UnpackPositionalArgs("issubclass", args, kwargs, 2, &x, &cls); err != nil {
		return nil, err
	}
	if TypeOf(x) != typeType {
		return nil, exc.TypeError("issubclass() arg 1 must be a class")
	}
	classes := starlark.Tuple{cls}
	if t, ok := cls.(starlark.Tuple); ok {
		classes = t
	}
	for _, c := range classes {
		if TypeOf(c) != typeType {
			return nil, exc.TypeError("issubclass() arg 2 must be a class, a tuple of classes, or a union")
		}
		if c == objectClass || c == x {
			return starlark.True, nil
		}
		if k, ok := c.(*Class); ok {
			if xc, ok := x.(*Class); ok && xc.isSubclass(k) {
				return starlark.True, nil
			}
		}
		xn, _ := builtinTypeName(x)
		cn, _ := builtinTypeName(c)
		if xc, ok := x.(*Class); ok && cn != "" && nativeClasses()[cn] != nil && xc.isSubclass(nativeClasses()[cn]) {
			return starlark.True, nil
		}
		if xn != "" && (xn == cn || xn == "bool" && cn == "int") {
			return starlark.True, nil
		}
	}
	return starlark.False, nil
}

func radixBuiltin(base int, prefix string) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		var n *big.Int
		switch v := x.(type) {
		case starlark.Int:
			n = v.BigInt()
		case starlark.Bool:
			n = boolInt(bool(v))
		case *Instance:
			r, ok, err := v.dunder("__index__") // hex(obj) with __index__
			if err != nil {
				return nil, err
			}
			ri, isInt := r.(starlark.Int)
			if !ok || !isInt {
				return nil, exc.TypeError("'%s' object cannot be interpreted as an integer", typeName(x))
			}
			n = ri.BigInt()
		default:
			return nil, exc.TypeError("'%s' object cannot be interpreted as an integer", typeName(x))
		}
		sign := ""
		if n.Sign() < 0 {
			sign = "-"
			n = new(big.Int).Neg(n)
		}
		return starlark.String(sign + prefix + n.Text(base)), nil
	}
}

func powBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y, m starlark.Value
	if err := starlark.UnpackPositionalArgs("pow", args, kwargs, 2, &x, &y, &m); err != nil {
		return nil, err
	}
	if v, ok, err := instancePow(x, y, m); ok {
		return v, err
	}
	if m == nil || m == starlark.None {
		if v, ok, err := goDunder(nil, x, "__pow__", y); ok && (err != nil || v != NotImplemented) {
			return v, err
		}
		if v, ok, err := goDunder(nil, y, "__rpow__", x); ok && (err != nil || v != NotImplemented) {
			return v, err
		}
	}
	xi, xInt := x.(starlark.Int)
	yi, yInt := y.(starlark.Int)
	if xInt && yInt && yi.Sign() < 0 && m != nil && m != starlark.None {
		return modInversePow(xi, yi, m)
	}
	if xInt && yInt && yi.Sign() >= 0 {
		var mod *big.Int
		if m != nil && m != starlark.None {
			mi, ok := m.(starlark.Int)
			if !ok {
				return nil, exc.TypeError("pow() 3rd argument not allowed unless all arguments are integers")
			}
			if mi.Sign() == 0 {
				return nil, exc.ValueError("pow() 3rd argument cannot be 0")
			}
			mod = mi.BigInt()
		}
		if mod == nil && yi.BigInt().BitLen() > 20 && xi.BigInt().CmpAbs(big.NewInt(1)) > 0 {
			return nil, exc.New("OverflowError", "exponent too large")
		}
		r := new(big.Int).Exp(xi.BigInt(), yi.BigInt(), mod)
		if mod != nil && r.Sign() != 0 && r.Sign() != mod.Sign() {
			r.Add(r, mod) // Python's result takes the modulus's sign
		}
		return starlark.MakeBigInt(r), nil
	}
	if m != nil && m != starlark.None {
		return nil, exc.TypeError("pow() 3rd argument not allowed unless all arguments are integers")
	}
	fx, ok1 := starlark.AsFloat(x)
	fy, ok2 := starlark.AsFloat(y)
	if !ok1 || !ok2 {
		return nil, exc.TypeError("unsupported operand type(s) for ** or pow(): '%s' and '%s'", typeName(x), typeName(y))
	}
	if fx == 0 && fy < 0 {
		return nil, exc.New("ZeroDivisionError", "0.0 cannot be raised to a negative power")
	}
	return starlark.Float(FloatPow(fx, fy)), nil // floatpow.go: CPython's digits
}

// modInversePow is pow(x, -n, m): the inverse of x modulo m, to the n.
func modInversePow(x, y starlark.Int, m starlark.Value) (starlark.Value, error) {
	mi, ok := m.(starlark.Int)
	if !ok {
		return nil, exc.TypeError("pow() 3rd argument not allowed unless all arguments are integers")
	}
	mod := new(big.Int).Abs(mi.BigInt())
	if mod.Sign() == 0 {
		return nil, exc.ValueError("pow() 3rd argument cannot be 0")
	}
	inv := new(big.Int).ModInverse(new(big.Int).Mod(x.BigInt(), mod), mod)
	if inv == nil || mod.Cmp(big.NewInt(1)) == 0 {
		if mod.Cmp(big.NewInt(1)) == 0 {
			return starlark.MakeInt(0), nil
		}
		return nil, exc.ValueError("base is not invertible for the given modulus")
	}
	r := new(big.Int).Exp(inv, new(big.Int).Neg(y.BigInt()), mod)
	if mi.Sign() < 0 && r.Sign() != 0 {
		r.Sub(r, mod) // the result takes the modulus's sign
	}
	return starlark.MakeBigInt(r), nil
}

func divmodBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y starlark.Value
	if err := starlark.UnpackPositionalArgs("divmod", args, kwargs, 2, &x, &y); err != nil {
		return nil, err
	}
	q, err := starlark.Binary(syntax.SLASHSLASH, x, y)
	if err != nil {
		return nil, err
	}
	r, err := starlark.Binary(syntax.PERCENT, x, y)
	if err != nil {
		return nil, err
	}
	return starlark.Tuple{q, r}, nil
}

// round(x, n=None) rounds half to even, as Python does.
func roundBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, nd starlark.Value = nil, starlark.None
	if err := starlark.UnpackPositionalArgs("round", args, kwargs, 1, &x, &nd); err != nil {
		return nil, err
	}
	if i, ok := x.(starlark.Int); ok {
		if nd == starlark.None {
			return i, nil
		}
		n, err := starlark.AsInt32(nd)
		if err != nil {
			return nil, err
		}
		if n >= 0 {
			return i, nil
		}
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-n)), nil)
		q, r := new(big.Int).DivMod(i.BigInt(), p, new(big.Int))
		twice := new(big.Int).Mul(r, big.NewInt(2))
		if c := twice.Cmp(p); c > 0 || c == 0 && q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
		return starlark.MakeBigInt(q.Mul(q, p)), nil
	}
	if inst, ok := x.(*Instance); ok {
		extra := starlark.Tuple{}
		if nd != starlark.None {
			extra = starlark.Tuple{nd}
		}
		if v, ok, err := inst.dunder("__round__", extra...); ok {
			return v, err
		}
	}
	if nd == starlark.None {
		if v, ok, err := goDunder(nil, x, "__round__"); ok {
			return v, err
		}
	} else if v, ok, err := goDunder(nil, x, "__round__", nd); ok {
		return v, err
	}
	f, ok := starlark.AsFloat(x)
	if !ok {
		return nil, exc.TypeError("type %s doesn't define __round__ method", typeName(x))
	}
	if nd == starlark.None {
		if math.IsInf(f, 0) {
			return nil, exc.New("OverflowError", "cannot convert float infinity to integer")
		}
		if math.IsNaN(f) {
			return nil, exc.ValueError("cannot convert float NaN to integer")
		}
		return starlark.NumberToInt(starlark.Float(math.RoundToEven(f)))
	}
	n, err := starlark.AsInt32(nd)
	if err != nil {
		return nil, err
	}
	// Go's decimal conversion rounds half to even on the exact binary
	// value, which is what CPython's round does.
	s := big.NewFloat(f).Text('f', max(n, 0))
	r, _, err2 := big.ParseFloat(s, 10, 64, big.ToNearestEven)
	if err2 != nil {
		return nil, err2
	}
	if n < 0 {
		p := math.Pow(10, float64(-n))
		return starlark.Float(math.RoundToEven(f/p) * p), nil
	}
	v, _ := r.Float64()
	return starlark.Float(v), nil
}

func sumBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var it starlark.Iterable
	var start starlark.Value = starlark.MakeInt(0)
	if err := starlark.UnpackArgs("sum", args, kwargs, "iterable", &it, "start?", &start); err != nil {
		return nil, err
	}
	if _, ok := start.(starlark.String); ok {
		return nil, exc.TypeError("sum() can't sum strings [use ''.join(seq) instead]")
	}
	iter := it.Iterate()
	defer iter.Done()
	acc := start
	var x starlark.Value
	for iter.Next(&x) {
		var err error
		if b, ok := x.(starlark.Bool); ok { // sum of bools counts the True ones
			x = starlark.MakeInt(map[bool]int{false: 0, true: 1}[bool(b)])
		}
		if acc, err = starlark.Binary(syntax.PLUS, acc, x); err != nil {
			return nil, err
		}
	}
	return acc, iterErr(iter)
}

func callableBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("callable", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	if inst, ok := x.(*Instance); ok {
		fn, _ := inst.class.find("__call__")
		return starlark.Bool(fn != nil), nil
	}
	_, ok := x.(starlark.Callable)
	return starlark.Bool(ok), nil
}

// map(fn, *iterables) returns a list (Python returns an iterator).
func mapBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 2 || len(kwargs) > 0 {
		return nil, exc.TypeError("map() must have at least two arguments.")
	}
	var seqs [][]starlark.Value
	n := -1
	for _, a := range args[1:] {
		vals, err := collect(a)
		if err != nil {
			return nil, err
		}
		if n < 0 || len(vals) < n {
			n = len(vals)
		}
		seqs = append(seqs, vals)
	}
	out := make([]starlark.Value, 0, n)
	for i := 0; i < n; i++ {
		call := make(starlark.Tuple, len(seqs))
		for j, s := range seqs {
			call[j] = s[i]
		}
		v, err := starlark.Call(thread, args[0], call, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return starlark.NewList(out), nil
}

// filter(fn, iterable) returns a list; fn None keeps truthy items.
func filterBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn, seq starlark.Value
	if err := starlark.UnpackPositionalArgs("filter", args, kwargs, 2, &fn, &seq); err != nil {
		return nil, err
	}
	vals, err := collect(seq)
	if err != nil {
		return nil, err
	}
	var out []starlark.Value
	for _, v := range vals {
		keep := v.Truth()
		if fn != starlark.None {
			r, err := starlark.Call(thread, fn, starlark.Tuple{v}, nil)
			if err != nil {
				return nil, err
			}
			keep = r.Truth()
		}
		if keep {
			out = append(out, v)
		}
	}
	return starlark.NewList(out), nil
}

func collect(v starlark.Value) ([]starlark.Value, error) {
	if ba, ok := v.(*ByteArray); ok {
		v = starlark.Bytes(ba.b)
	}
	if b, ok := v.(starlark.Bytes); ok {
		out := make([]starlark.Value, len(b))
		for i := 0; i < len(b); i++ {
			out[i] = starlark.MakeInt(int(b[i]))
		}
		return out, nil
	}
	if pi, ok := v.(pyIter); ok { // iter.go: a generator's error is the caller's
		return drain(nil, pi)
	}
	if set, ok := v.(*starlark.Set); ok {
		return pyrepr.SetElems(set), nil // CPython's order (pyrepr/setorder.go)
	}
	it, ok := v.(starlark.Iterable)
	if !ok {
		return nil, exc.TypeError("'%s' object is not iterable", typeName(v))
	}
	iter := it.Iterate()
	defer iter.Done()
	var out []starlark.Value
	var x starlark.Value
	for iter.Next(&x) {
		out = append(out, x)
	}
	return out, iterErr(iter) // an exception raised by a script __next__
}

// _delitem(x, k) is `del x[k]`.
func delitemBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, k starlark.Value
	if err := starlark.UnpackPositionalArgs("del", args, kwargs, 2, &x, &k); err != nil {
		return nil, err
	}
	switch c := x.(type) {
	case interface { // *starlark.Dict, and dict-like module types (OrderedDict)
		Delete(starlark.Value) (starlark.Value, bool, error)
	}:
		_, found, err := c.Delete(k)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, exc.KeyError("%s", reprOf(k))
		}
		return starlark.None, nil
	case *starlark.List:
		i, err := starlark.AsInt32(k)
		if err != nil {
			return nil, exc.TypeError("list indices must be integers, not %s", typeName(k))
		}
		if i < 0 {
			i += c.Len()
		}
		if i < 0 || i >= c.Len() {
			return nil, exc.New("IndexError", "list assignment index out of range")
		}
		pop, _ := c.Attr("pop")
		_, err = starlark.Call(thread, pop, starlark.Tuple{starlark.MakeInt(i)}, nil)
		return starlark.None, err
	case *Instance:
		return starlark.None, c.delItem(k)
	case *ByteArray:
		i, err := c.index(k)
		if err != nil {
			return nil, err
		}
		c.b = append(c.b[:i], c.b[i+1:]...)
		return starlark.None, nil
	}
	return nil, exc.TypeError("'%s' object doesn't support item deletion", typeName(x))
}

// sortList sorts l in place: list.sort(key=None, reverse=False).
func sortList(thread *starlark.Thread, l *starlark.List, args starlark.Tuple, kwargs []starlark.Tuple) error {
	var key starlark.Value = starlark.None
	reverse := false
	if err := starlark.UnpackArgs("sort", args, kwargs, "key?", &key, "reverse?", &reverse); err != nil {
		return err
	}
	vals, _ := collect(l)
	keys := vals
	if key != starlark.None {
		keys = make([]starlark.Value, len(vals))
		for i, v := range vals {
			k, err := starlark.Call(thread, key, starlark.Tuple{v}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	idx := make([]int, len(vals))
	for i := range idx {
		idx[i] = i
	}
	var cmpErr error
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := keys[idx[a]], keys[idx[b]]
		if reverse {
			x, y = y, x
		}
		lt, err := starlark.Compare(syntax.LT, x, y)
		if err != nil && cmpErr == nil {
			cmpErr = err
		}
		return lt
	})
	if cmpErr != nil {
		return cmpErr
	}
	for i, j := range idx {
		if err := l.SetIndex(i, vals[j]); err != nil {
			return err
		}
	}
	return nil
}

func reprOf(v starlark.Value) string {
	if s, ok := v.(starlark.String); ok {
		return "'" + strings.ReplaceAll(string(s), "'", `\'`) + "'"
	}
	return v.String()
}

// MethodShims are methods Starlark's types lack (or lack for bytes/list);
// the translator turns x.m(args) into _m(x, args), which falls back to x.m when x has it.
var MethodShims = map[string]bool{
	"decode": true, "encode": true, "format": true, "hex": true,
	"zfill": true, "ljust": true, "rjust": true, "center": true,
	"sort": true, "reverse": true, "copy": true, "count": true,
	"startswith": true, "endswith": true, "find": true, "split": true,
	"strip": true, "lstrip": true, "rstrip": true, "replace": true,
	"upper": true, "lower": true, "isdigit": true, "index": true, "join": true,
	"pop": true, "remove": true, "to_bytes": true, "bit_length": true,
}

// Builtins returns the names translated code relies on (exception classes,
// _try, isinstance, ...). The runtime predeclares them for every script.
// The values are stateless or shared classes, so the dict is built once
// and shared: callers copy it, never modify it.
func Builtins() starlark.StringDict { return sharedBuiltins() }

var sharedBuiltins = sync.OnceValue(builtins)
