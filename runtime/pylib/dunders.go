package pylib

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// The protocols Starlark asks of a value, answered by a script class's
// dunder methods: truth, hash, len, in, x[k], operators, comparisons, calls.

var (
	_ starlark.Callable   = (*Instance)(nil)
	_ starlark.HasSetKey  = (*Instance)(nil)
	_ starlark.Container  = (*Instance)(nil)
	_ starlark.Iterable   = (*Instance)(nil)
	_ starlark.HasBinary  = (*Instance)(nil)
	_ starlark.HasUnary   = (*Instance)(nil)
	_ starlark.Comparable = (*Instance)(nil)
)

// dunder calls the class's own method name (not object's) with x first;
// ok is false when the class has no such method.
func (x *Instance) dunder(name string, args ...starlark.Value) (v starlark.Value, ok bool, err error) {
	fn, _ := x.class.find(name)
	if fn == nil || fn == starlark.None {
		return nil, false, nil
	}
	v, err = starlark.Call(x.callThread(name), fn, append(starlark.Tuple{x}, args...), nil)
	return v, true, err
}

// Truth is bool(x): __bool__, else __len__ != 0, else True.
func (x *Instance) Truth() starlark.Bool {
	if v, ok, err := x.dunder("__bool__"); ok && err == nil {
		return v.Truth()
	}
	if v, ok, err := x.dunder("__len__"); ok && err == nil {
		return v.Truth()
	}
	return true
}

// Hash is hash(x): __hash__, identity by default, and unhashable when the
// class defines __eq__ without __hash__ (as Python 3 does).
func (x *Instance) Hash() (uint32, error) {
	for _, k := range x.class.linearization() {
		if h, ok := k.dict["__hash__"]; ok {
			if h == starlark.None { // __hash__ = None: unhashable, as in Python
				return 0, exc.TypeError("unhashable type: '%s'", x.class.name)
			}
			v, err := starlark.Call(x.callThread("__hash__"), h, starlark.Tuple{x}, nil)
			if err != nil {
				return 0, err
			}
			i, ok := v.(starlark.Int)
			if !ok {
				return 0, exc.TypeError("__hash__ method should return an integer")
			}
			return i.Hash()
		}
		if _, ok := k.dict["__eq__"]; ok {
			return 0, exc.TypeError("unhashable type: '%s'", x.class.name)
		}
	}
	return uint32(x.id * 2654435761), nil
}

// pyLen is len(x): __len__. (Instance has no Len method: Starlark would
// trust it to preallocate while iterating, and __iter__ may disagree.)
func (x *Instance) pyLen() (starlark.Value, error) {
	v, ok, err := x.dunder("__len__")
	if !ok {
		return nil, exc.TypeError("object of type '%s' has no len()", x.class.name)
	}
	if err != nil {
		return nil, err
	}
	n, isInt := v.(starlark.Int)
	if !isInt {
		return nil, exc.TypeError("'%s' object cannot be interpreted as an integer", typeName(v))
	}
	if n.Sign() < 0 {
		return nil, exc.ValueError("__len__() should return >= 0")
	}
	return n, nil
}

// len(x) with __len__ for script objects.
func lenBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 && len(kwargs) == 0 {
		if x, ok := args[0].(*Instance); ok {
			return x.pyLen()
		}
		if c, ok := args[0].(*Class); ok && c.enum == nil {
			return nil, exc.TypeError("object of type 'type' has no len()")
		}
	}
	return starlark.Call(thread, starlark.Universe["len"], args, kwargs)
}

// Has is `k in x`: __contains__, else a scan of iter(x).
func (x *Instance) Has(k starlark.Value) (bool, error) {
	if v, ok, err := x.dunder("__contains__", k); ok {
		if err != nil {
			return false, err
		}
		return bool(v.Truth()), nil
	}
	if !x.iterable() {
		return false, exc.TypeError("argument of type '%s' is not iterable", x.class.name)
	}
	it := x.Iterate()
	defer it.Done()
	var v starlark.Value
	for it.Next(&v) {
		if eq, err := starlark.Equal(v, k); err != nil || eq {
			return eq, err
		}
	}
	return false, iterErr(it)
}

// Get is x[k] where the translator left a plain index (a string key).
func (x *Instance) Get(k starlark.Value) (starlark.Value, bool, error) {
	v, ok, err := x.dunder("__getitem__", k)
	if !ok {
		return nil, false, exc.TypeError("'%s' object is not subscriptable", x.class.name)
	}
	if err != nil {
		return nil, false, err
	}
	return v, true, nil
}

// SetKey is x[k] = v.
func (x *Instance) SetKey(k, v starlark.Value) error {
	_, ok, err := x.dunder("__setitem__", k, v)
	if !ok {
		return exc.TypeError("'%s' object does not support item assignment", x.class.name)
	}
	return err
}

// delItem is del x[k].
func (x *Instance) delItem(k starlark.Value) error {
	_, ok, err := x.dunder("__delitem__", k)
	if !ok {
		return exc.TypeError("'%s' object doesn't support item deletion", x.class.name)
	}
	return err
}

// Name and CallInternal make x(args) call __call__.
func (x *Instance) Name() string { return x.class.name }

func (x *Instance) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	fn, _ := x.class.find("__call__")
	if fn == nil {
		return nil, exc.TypeError("'%s' object is not callable", x.class.name)
	}
	x.thread = thread
	return starlark.Call(thread, fn, append(starlark.Tuple{x}, args...), kwargs)
}

// binaryDunders names the method for each operator: x.__add__(y), y.__radd__(x).
var binaryDunders = map[syntax.Token]string{
	syntax.PLUS: "add", syntax.MINUS: "sub", syntax.STAR: "mul", syntax.SLASH: "truediv",
	syntax.SLASHSLASH: "floordiv", syntax.PERCENT: "mod", syntax.AMP: "and", syntax.PIPE: "or",
	syntax.CIRCUMFLEX: "xor", syntax.LTLT: "lshift", syntax.GTGT: "rshift",
}

// Binary is x op y with __add__ and friends; (nil, nil) lets Starlark try
// the other operand or report the unsupported operation.
func (x *Instance) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	base, ok := binaryDunders[op]
	if !ok {
		return nil, nil
	}
	names := []string{"__" + base + "__", "__i" + base + "__"} // x += y reaches here as x + y
	if side == starlark.Right {
		names = []string{"__r" + base + "__"}
	}
	for _, name := range names {
		v, ok, err := x.dunder(name, y)
		if !ok {
			continue
		}
		if err != nil || v != NotImplemented {
			return v, err
		}
	}
	return nil, nil
}

var unaryDunders = map[syntax.Token]string{syntax.MINUS: "__neg__", syntax.PLUS: "__pos__", syntax.TILDE: "__invert__"}

func (x *Instance) Unary(op syntax.Token) (starlark.Value, error) {
	name, ok := unaryDunders[op]
	if !ok {
		return nil, nil
	}
	v, ok, err := x.dunder(name)
	if !ok {
		return nil, exc.TypeError("bad operand type for unary %s: '%s'", op, x.class.name)
	}
	return v, err
}

// compareDunders gives each comparison's method and its reflection.
var compareDunders = map[syntax.Token][2]string{
	syntax.EQL: {"__eq__", "__eq__"}, syntax.NEQ: {"__ne__", "__ne__"},
	syntax.LT: {"__lt__", "__gt__"}, syntax.GT: {"__gt__", "__lt__"},
	syntax.LE: {"__le__", "__ge__"}, syntax.GE: {"__ge__", "__le__"},
}

// CompareSameType compares two instances with the rich comparison
// methods, reflected when the left one has none, as Python does.
func (x *Instance) CompareSameType(op syntax.Token, yv starlark.Value, depth int) (bool, error) {
	y := yv.(*Instance)
	names := compareDunders[op]
	if v, ok, err := x.dunder(names[0], y); ok && (err != nil || v != NotImplemented) {
		return err == nil && bool(v.Truth()), err
	}
	if v, ok, err := y.dunder(names[1], x); ok && (err != nil || v != NotImplemented) {
		return err == nil && bool(v.Truth()), err
	}
	switch op {
	case syntax.EQL:
		return x == y, nil
	case syntax.NEQ:
		// the default __ne__ inverts __eq__
		eq, err := x.CompareSameType(syntax.EQL, y, depth)
		return !eq, err
	}
	return false, exc.TypeError("'%s' not supported between instances of '%s' and '%s'", op, x.class.name, y.class.name)
}

// notImplemented is the NotImplemented a binary dunder returns to decline.
type notImplemented struct{}

func (notImplemented) String() string        { return "NotImplemented" }
func (notImplemented) Type() string          { return "NotImplementedType" }
func (notImplemented) Freeze()               {}
func (notImplemented) Truth() starlark.Bool  { return true }
func (notImplemented) Hash() (uint32, error) { return 0x4e6f7449, nil }

// NotImplemented is Python's NotImplemented.
var NotImplemented starlark.Value = notImplemented{}

// richCompare is x op y with the comparison methods of script objects on
// either side, reflected as in Python, else Starlark's comparison.
func richCompare(op syntax.Token, x, y starlark.Value) (bool, error) {
	names, ok := compareDunders[op]
	if !ok {
		return false, exc.TypeError("bad comparison %s", op)
	}
	xi, xok := x.(*Instance)
	yi, yok := y.(*Instance)
	if x == starlark.None || y == starlark.None {
		// the translator turns `x is None` into x == None: never ask __eq__
		return starlark.Compare(op, x, y)
	}
	if xok && yok {
		return xi.CompareSameType(op, yi, starlark.CompareLimit)
	}
	if xok {
		if v, ok, err := xi.dunder(names[0], y); ok && (err != nil || v != NotImplemented) {
			return err == nil && bool(v.Truth()), err
		}
	}
	if yok {
		if v, ok, err := yi.dunder(names[1], x); ok && (err != nil || v != NotImplemented) {
			return err == nil && bool(v.Truth()), err
		}
	}
	if !xok && !yok {
		if r, ok, err := goCompare(names[0], names[1], x, y); ok {
			return r, err
		}
	}
	if op == syntax.NEQ {
		// the default __ne__ inverts __eq__
		eq, err := richCompare(syntax.EQL, x, y)
		return !eq, err
	}
	if (xok || yok) && op != syntax.EQL {
		return false, exc.TypeError("'%s' not supported between instances of '%s' and '%s'", op, pyTypeName(x), pyTypeName(y))
	}
	return starlark.Compare(op, x, y)
}

// _richcmp(x, "<", y) is the translation of x < y in files whose classes
// define comparison methods.
func richcmpBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 3 || len(kwargs) > 0 {
		return nil, exc.TypeError("_richcmp takes 3 arguments")
	}
	op, _ := starlark.AsString(args[1])
	tok, ok := compareTokens[op]
	if !ok {
		return nil, exc.TypeError("_richcmp: bad operator %q", op)
	}
	r, err := richCompare(tok, args[0], args[2])
	return starlark.Bool(r), err
}

// instancePow is x ** y (pow(x, y[, m])) when either side is a script
// object: x.__pow__(y[, m]), else y.__rpow__(x).
func instancePow(x, y, m starlark.Value) (starlark.Value, bool, error) {
	extra := []starlark.Value{}
	if m != nil && m != starlark.None {
		extra = append(extra, m)
	}
	if xi, ok := x.(*Instance); ok {
		if v, ok, err := xi.dunder("__pow__", append([]starlark.Value{y}, extra...)...); ok && (err != nil || v != NotImplemented) {
			return v, true, err
		}
	}
	if yi, ok := y.(*Instance); ok && len(extra) == 0 {
		if v, ok, err := yi.dunder("__rpow__", x); ok && (err != nil || v != NotImplemented) {
			return v, true, err
		}
	}
	return nil, false, nil
}

// _is(x, y) is Python's identity test: the same object for script objects
// and classes, equal values otherwise (Starlark has no identity for them).
func isBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 || len(kwargs) > 0 {
		return nil, exc.TypeError("_is takes 2 arguments")
	}
	return starlark.Bool(identical(args[0], args[1])), nil
}

// _inplace("+=", x, y) is x += y in files whose classes define in-place
// operators: x.__iadd__(y), else x + y (a list extends in place).
func inplaceBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 3 || len(kwargs) > 0 {
		return nil, exc.TypeError("_inplace takes 3 arguments")
	}
	opText, _ := starlark.AsString(args[0])
	x, y := args[1], args[2]
	var tok syntax.Token
	for t := syntax.PLUS_EQ; t <= syntax.GTGT_EQ; t++ {
		if t.String() == opText {
			tok = t - syntax.PLUS_EQ + syntax.PLUS
		}
	}
	name, ok := binaryDunders[tok]
	if !ok {
		return nil, exc.TypeError("_inplace: bad operator %q", opText)
	}
	if xi, ok := x.(*Instance); ok {
		if v, ok, err := xi.dunder("__i"+name+"__", y); ok && (err != nil || v != NotImplemented) {
			return v, err
		}
	}
	if l, ok := x.(*starlark.List); ok && tok == syntax.PLUS {
		vals, err := collectPy(y)
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			if err := l.Append(v); err != nil {
				return nil, err
			}
		}
		return l, nil
	}
	if tok == syntax.PERCENT {
		return modBuiltin(thread, b, starlark.Tuple{x, y}, nil)
	}
	return starlark.Binary(tok, x, y)
}
