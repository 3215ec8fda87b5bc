package pylib

import (
	"sync"
	"unicode/utf8"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// Attributes Python's built-in values have and Starlark's lack: (3).real,
// f.__defaults__, "abc".__len__(), [1].__iter__(), (5).__add__(2). The
// translator turns a read x.name of a name listed in ValueAttrs into
// _attr(x, "name"); a value that has the attribute itself (a script
// object, a module, a Go value) answers first.

// ValueAttrs are the attribute names the translator reads through _attr.
var ValueAttrs = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range []string{"real", "imag", "numerator", "denominator",
		"__defaults__", "__kwdefaults__", "__annotations__", "__qualname__", "__module__"} {
		m[n] = true
	}
	for n := range valueDunders {
		m[n] = true
	}
	return m
}()

// valueDunders are the special methods a built-in value answers by
// doing the operation: "abc".__len__() is len("abc").
var valueDunders = func() map[string]func(t *starlark.Thread, x starlark.Value, args starlark.Tuple) (starlark.Value, error) {
	m := map[string]func(t *starlark.Thread, x starlark.Value, args starlark.Tuple) (starlark.Value, error){
		"__len__": func(t *starlark.Thread, x starlark.Value, _ starlark.Tuple) (starlark.Value, error) {
			if s, ok := x.(starlark.String); ok {
				return starlark.MakeInt(utf8.RuneCountInString(string(s))), nil
			}
			return lenBuiltin(t, nil, starlark.Tuple{x}, nil)
		},
		"__str__": func(_ *starlark.Thread, x starlark.Value, _ starlark.Tuple) (starlark.Value, error) {
			s, err := pyrepr.StrErr(x)
			return starlark.String(s), err
		},
		"__repr__": func(_ *starlark.Thread, x starlark.Value, _ starlark.Tuple) (starlark.Value, error) {
			s, err := pyrepr.ReprErr(x)
			return starlark.String(s), err
		},
		"__hash__": func(t *starlark.Thread, x starlark.Value, _ starlark.Tuple) (starlark.Value, error) {
			return hashBuiltin(t, nil, starlark.Tuple{x}, nil)
		},
		"__iter__": func(t *starlark.Thread, x starlark.Value, _ starlark.Tuple) (starlark.Value, error) {
			return iterFuncBuiltin(t, nil, starlark.Tuple{x}, nil)
		},
		"__next__": func(t *starlark.Thread, x starlark.Value, _ starlark.Tuple) (starlark.Value, error) {
			return nextBuiltin(t, nil, starlark.Tuple{x}, nil)
		},
		"__contains__": func(_ *starlark.Thread, x starlark.Value, args starlark.Tuple) (starlark.Value, error) {
			return starlark.Binary(syntax.IN, args[0], x)
		},
		"__getitem__": func(t *starlark.Thread, x starlark.Value, args starlark.Tuple) (starlark.Value, error) {
			return indexBuiltin(t, nil, starlark.Tuple{x, args[0]}, nil)
		},
		"__delitem__": func(t *starlark.Thread, x starlark.Value, args starlark.Tuple) (starlark.Value, error) {
			return delitemBuiltin(t, nil, starlark.Tuple{x, args[0]}, nil)
		},
		"__round__": func(t *starlark.Thread, x starlark.Value, args starlark.Tuple) (starlark.Value, error) {
			return roundBuiltin(t, nil, append(starlark.Tuple{x}, args...), nil)
		},
		"__pow__": func(t *starlark.Thread, x starlark.Value, args starlark.Tuple) (starlark.Value, error) {
			return powBuiltin(t, nil, append(starlark.Tuple{x}, args...), nil)
		},
		"__rpow__": func(t *starlark.Thread, x starlark.Value, args starlark.Tuple) (starlark.Value, error) {
			return powBuiltin(t, nil, starlark.Tuple{args[0], x}, nil)
		},
		"__format__": func(t *starlark.Thread, x starlark.Value, args starlark.Tuple) (starlark.Value, error) {
			return formatFuncBuiltin(t, nil, append(starlark.Tuple{x}, args...), nil)
		},
		"__setitem__": func(_ *starlark.Thread, x starlark.Value, args starlark.Tuple) (starlark.Value, error) {
			switch c := x.(type) {
			case starlark.HasSetKey:
				return starlark.None, c.SetKey(args[0], args[1])
			case starlark.HasSetIndex:
				i, err := seqIndex(args[0], c.Len(), "assignment index out of range")
				if err != nil {
					return nil, err
				}
				return starlark.None, c.SetIndex(i, args[1])
			}
			return nil, exc.TypeError("'%s' object does not support item assignment", typeName(x))
		},
	}
	for _, u := range []string{"int", "float", "bool", "abs"} {
		fn := starlark.Universe[u]
		m["__"+u+"__"] = func(t *starlark.Thread, x starlark.Value, _ starlark.Tuple) (starlark.Value, error) {
			return starlark.Call(t, fn, starlark.Tuple{x}, nil)
		}
	}
	m["__index__"] = func(_ *starlark.Thread, x starlark.Value, _ starlark.Tuple) (starlark.Value, error) {
		switch v := x.(type) {
		case starlark.Int:
			return v, nil
		case starlark.Bool:
			if v {
				return starlark.MakeInt(1), nil
			}
			return starlark.MakeInt(0), nil
		}
		return nil, exc.TypeError("'%s' object cannot be interpreted as an integer", typeName(x))
	}
	for tok, name := range unaryDunders {
		m[name] = func(_ *starlark.Thread, x starlark.Value, _ starlark.Tuple) (starlark.Value, error) {
			return starlark.Unary(tok, x)
		}
	}
	for tok, base := range binaryDunders {
		m["__"+base+"__"] = func(_ *starlark.Thread, x starlark.Value, args starlark.Tuple) (starlark.Value, error) {
			return binaryOrNotImplemented(tok, x, args[0])
		}
		m["__r"+base+"__"] = func(_ *starlark.Thread, x starlark.Value, args starlark.Tuple) (starlark.Value, error) {
			return binaryOrNotImplemented(tok, args[0], x)
		}
	}
	m["__mod__"] = func(t *starlark.Thread, x starlark.Value, args starlark.Tuple) (starlark.Value, error) {
		if _, ok := x.(starlark.String); ok {
			return modBuiltin(t, nil, starlark.Tuple{x, args[0]}, nil)
		}
		return binaryOrNotImplemented(syntax.PERCENT, x, args[0])
	}
	for tok, names := range compareDunders {
		m[names[0]] = func(_ *starlark.Thread, x starlark.Value, args starlark.Tuple) (starlark.Value, error) {
			ok, err := richCompare(tok, x, args[0])
			if err != nil {
				if tok == syntax.EQL || tok == syntax.NEQ {
					return nil, err
				}
				return NotImplemented, nil // (1).__lt__("a")
			}
			return starlark.Bool(ok), nil
		}
	}
	return m
}()

// valueDunderArity is how many arguments each special method takes after
// self (those not listed take none, or one for the binary operators).
var valueDunderArity = map[string][2]int{
	"__setitem__": {2, 2}, "__round__": {0, 1}, "__pow__": {1, 2}, "__format__": {1, 1},
}

// binaryOrNotImplemented is x op y, or NotImplemented when the types do
// not support it, as (5).__add__("a") answers.
func binaryOrNotImplemented(op syntax.Token, x, y starlark.Value) (starlark.Value, error) {
	v, err := starlark.Binary(op, x, y)
	if err != nil {
		if isExc(err, "ZeroDivisionError") {
			return nil, err
		}
		return NotImplemented, nil
	}
	return v, nil
}

// _attr(x, name) is x.name for a name in ValueAttrs.
func attrBuiltin(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 || len(kwargs) > 0 {
		return nil, exc.TypeError("_attr takes 2 arguments")
	}
	x := args[0]
	name, _ := starlark.AsString(args[1])
	if v, err := valueAttr(t, x, name); v != nil || err != nil {
		return v, err
	}
	return nil, noAttrError(x, name)
}

func noAttrError(x starlark.Value, name string) error {
	return exc.New("AttributeError", "'%s' object has no attribute '%s'", pyTypeName(x), name)
}

// valueAttr is x.name: x's own attribute first, then the ones Python's
// built-in values have. nil, nil when there is none.
func valueAttr(t *starlark.Thread, x starlark.Value, name string) (starlark.Value, error) {
	if name == "__annotations__" {
		if d, err := annotationsOf(t, x); d != nil || err != nil {
			return d, err
		}
	}
	switch v := x.(type) {
	case *Instance:
		w, err := v.attrDirect(name)
		if w != nil || err != nil {
			return w, err
		}
		if ga, _ := v.class.find("__getattr__"); ga != nil {
			return starlark.Call(v.callThread(name), ga, starlark.Tuple{v, starlark.String(name)}, nil)
		}
		if d := objectDefault(v, name); d != nil {
			return d, nil
		}
		return nil, v.noAttr(name)
	case *superProxy:
		return v.Attr(name)
	case starlark.HasAttrs:
		w, err := v.Attr(name)
		if w != nil {
			return w, nil
		}
		if err != nil && !isAttributeError(err) {
			return nil, err
		}
		if _, isClass := x.(*Class); isClass {
			return nil, err // C.__len__ where C has none: no built-in meaning
		}
		if _, isType := x.(*pyType); isType {
			if op, ok := valueDunders[name]; ok {
				return unboundDunder(name, op), nil // key=str.__len__
			}
			return nil, err
		}
	}
	if v := numberAttr(x, name); v != nil {
		return v, nil
	}
	if v, ok := functionAttr(x, name); ok {
		return v, nil
	}
	if op, ok := valueDunders[name]; ok && dunderApplies(name, x) {
		return boundDunder(x, name, op), nil
	}
	return nil, nil
}

// dunderApplies reports whether Python's type of x has the special
// method name: hasattr(5, "__iter__") is False, "a".__radd__ is missing.
func dunderApplies(name string, x starlark.Value) bool {
	_, isStr := x.(starlark.String)
	_, isBytes := x.(starlark.Bytes)
	_, isList := x.(*starlark.List)
	_, isTuple := x.(starlark.Tuple)
	_, isSet := x.(*starlark.Set)
	_, isFrozen := x.(frozenSet)
	isInt, isNum := false, false
	switch x.(type) {
	case starlark.Int, starlark.Bool:
		isInt, isNum = true, true
	case starlark.Float:
		isNum = true
	}
	_, iterable := x.(starlark.Iterable)
	iterable = iterable || isStr || isBytes
	switch name {
	case "__str__", "__repr__", "__format__", "__hash__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__":
		return true
	case "__len__":
		return starlark.Len(x) >= 0
	case "__iter__":
		return iterable
	case "__next__":
		_, ok := x.(pyIter)
		return ok
	case "__contains__":
		_, isMap := x.(starlark.Mapping)
		return iterable || isMap
	case "__getitem__":
		_, isIdx := x.(starlark.Indexable)
		_, isMap := x.(starlark.Mapping)
		return isIdx || isMap || isStr || isBytes
	case "__setitem__", "__delitem__":
		_, isKey := x.(starlark.HasSetKey)
		_, isIdx := x.(starlark.HasSetIndex)
		return isKey || isIdx
	case "__bool__", "__int__", "__float__", "__abs__", "__neg__", "__pos__", "__round__", "__pow__", "__rpow__",
		"__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__", "__rmod__", "__rsub__":
		return isNum
	case "__index__", "__invert__", "__lshift__", "__rshift__", "__rlshift__", "__rrshift__", "__rand__", "__ror__", "__rxor__":
		return isInt
	case "__add__", "__mul__", "__rmul__":
		return isNum || isStr || isBytes || isList || isTuple
	case "__radd__":
		return isNum
	case "__mod__":
		return isNum || isStr || isBytes
	case "__sub__", "__and__", "__or__", "__xor__":
		return isNum && (name == "__sub__" || isInt) || isSet || isFrozen
	}
	return false
}

// numberAttr is real, imag, numerator and denominator of an int or float.
func numberAttr(x starlark.Value, name string) starlark.Value {
	var i starlark.Value
	switch v := x.(type) {
	case starlark.Bool:
		if v {
			i = starlark.MakeInt(1)
		} else {
			i = starlark.MakeInt(0)
		}
	case starlark.Int:
		i = v
	case starlark.Float:
		switch name {
		case "real":
			return v
		case "imag":
			return starlark.Float(0)
		}
		return nil
	default:
		return nil
	}
	switch name {
	case "real", "numerator":
		return i
	case "imag":
		return starlark.MakeInt(0)
	case "denominator":
		return starlark.MakeInt(1)
	}
	return nil
}

// functionAttr is a Starlark function's __defaults__, __kwdefaults__,
// __annotations__, __qualname__ and __module__.
func functionAttr(x starlark.Value, name string) (starlark.Value, bool) {
	if fo, ok := x.(*fnObj); ok {
		x = fo.fn
	}
	f, ok := x.(*starlark.Function)
	if !ok {
		if _, isBuiltin := x.(*starlark.Builtin); isBuiltin {
			switch name {
			case "__qualname__":
				return starlark.String(x.(*starlark.Builtin).Name()), true
			case "__module__":
				return starlark.String("builtins"), true
			}
		}
		return nil, false
	}
	switch name {
	case "__qualname__":
		return starlark.String(pyFuncName(f)), true
	case "__module__":
		return starlark.String("__main__"), true
	case "__annotations__":
		return functionAnnotations(f), true
	case "__defaults__", "__kwdefaults__":
		n := f.NumParams()
		if f.HasVarargs() {
			n--
		}
		if f.HasKwargs() {
			n--
		}
		kwonly := f.NumKwonlyParams()
		positional := n - kwonly
		if name == "__defaults__" {
			var dflts starlark.Tuple
			for i := 0; i < positional; i++ {
				if d := f.ParamDefault(i); d != nil {
					dflts = append(dflts, d)
				}
			}
			if len(dflts) == 0 {
				return starlark.None, true
			}
			return dflts, true
		}
		d := starlark.NewDict(kwonly)
		for i := positional; i < n; i++ {
			if v := f.ParamDefault(i); v != nil {
				pn, _ := f.Param(i)
				_ = d.SetKey(starlark.String(pn), v)
			}
		}
		if d.Len() == 0 {
			return starlark.None, true
		}
		return d, true
	}
	return nil, false
}

// boundDunder is x.name for a built-in value: a method value doing the
// operation.
func boundDunder(x starlark.Value, name string, op func(*starlark.Thread, starlark.Value, starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	lo, hi := 0, 0
	if ar, ok := valueDunderArity[name]; ok {
		lo, hi = ar[0], ar[1]
	} else if name == "__contains__" || name == "__getitem__" || name == "__delitem__" || isBinaryDunder(name) {
		lo, hi = 1, 1
	}
	return starlark.NewBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, exc.TypeError("%s() takes no keyword arguments", name)
		}
		if len(args) < lo || len(args) > hi {
			if lo == hi {
				return nil, exc.TypeError("expected %d argument%s, got %d", lo, plural(lo), len(args))
			}
			return nil, exc.TypeError("expected %d to %d arguments, got %d", lo, hi, len(args))
		}
		return op(t, x, args)
	}).BindReceiver(x)
}

// unboundDunder is int.__add__ and the like: the method taking self first.
func unboundDunder(name string, op func(*starlark.Thread, starlark.Value, starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 {
			return nil, exc.TypeError("unbound method %s() needs an argument", name)
		}
		return starlark.Call(t, boundDunder(args[0], name, op), args[1:], kwargs)
	})
}

func isBinaryDunder(name string) bool {
	for _, base := range binaryDunders {
		if name == "__"+base+"__" || name == "__r"+base+"__" {
			return true
		}
	}
	for _, names := range compareDunders {
		if name == names[0] {
			return true
		}
	}
	return name == "__rpow__"
}

// objectDefault is object's own special method that an instance whose
// class defines none reaches: obj.__eq__(other), super().__hash__().
func objectDefault(x *Instance, name string) starlark.Value {
	var fn func(args starlark.Tuple) (starlark.Value, error)
	switch name {
	case "__eq__", "__ne__":
		fn = func(args starlark.Tuple) (starlark.Value, error) {
			if len(args) != 1 {
				return nil, exc.TypeError("expected 1 argument, got %d", len(args))
			}
			if y, ok := args[0].(*Instance); ok && y == x {
				return starlark.Bool(name == "__eq__"), nil
			}
			return NotImplemented, nil
		}
	case "__lt__", "__le__", "__gt__", "__ge__":
		fn = func(args starlark.Tuple) (starlark.Value, error) {
			if len(args) != 1 {
				return nil, exc.TypeError("expected 1 argument, got %d", len(args))
			}
			return NotImplemented, nil
		}
	case "__hash__":
		fn = func(args starlark.Tuple) (starlark.Value, error) {
			return starlark.MakeUint64(uint64(uint32(x.id * 2654435761))), nil
		}
	case "__format__":
		fn = func(args starlark.Tuple) (starlark.Value, error) {
			if len(args) != 1 {
				return nil, exc.TypeError("expected 1 argument, got %d", len(args))
			}
			if s, _ := starlark.AsString(args[0]); s != "" {
				return nil, exc.TypeError("unsupported format string passed to %s.__format__", x.class.name)
			}
			s, err := pyrepr.StrErr(x)
			return starlark.String(s), err
		}
	default:
		return nil
	}
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return fn(args)
	})
}

// functionAnnotations is f.__annotations__: {} (the translator drops
// annotations).
func functionAnnotations(f *starlark.Function) starlark.Value {
	return starlark.NewDict(0)
}

// annotations holds _annotate(f, thunk): f's annotations, evaluated by
// thunk when f.__annotations__ is first read (pycompat/funcannot.go).
var annotations sync.Map // starlark.Value -> starlark.Value (thunk or dict)

func annotateBuiltin(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 || len(kwargs) > 0 {
		return nil, exc.TypeError("_annotate takes 2 arguments")
	}
	if fo, ok := args[0].(*fnObj); ok {
		annotations.Store(fo.fn, args[1])
	}
	annotations.Store(args[0], args[1])
	return starlark.None, nil
}

// annotationsOf is x.__annotations__ when _annotate recorded x.
func annotationsOf(t *starlark.Thread, x starlark.Value) (starlark.Value, error) {
	v, ok := annotations.Load(x)
	if !ok {
		if bm, isMethod := x.(*boundMethod); isMethod {
			return annotationsOf(t, bm.fn) // obj.method.__annotations__
		}
		if ha, ok := x.(starlark.HasAttrs); ok {
			// functools.wraps copies __annotations__ from __wrapped__
			if w, err := ha.Attr("__wrapped__"); err == nil && w != nil && w != x {
				return annotationsOf(t, w)
			}
		}
		return nil, nil
	}
	if d, isDict := v.(*starlark.Dict); isDict {
		return d, nil
	}
	if t == nil {
		t = new(starlark.Thread)
	}
	d, err := starlark.Call(t, v.(starlark.Value), nil, nil)
	if err != nil {
		return nil, err
	}
	annotations.Store(x, d)
	return d, nil
}
