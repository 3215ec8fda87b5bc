package pylib

import (
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// A script class may derive from a built-in type: class AttrDict(dict),
// class Stack(list), class Color(str). Its instances hold the built-in
// value (Instance.inner), and the type's shared class supplies the dunder
// methods that forward to it, so the protocols, super().__setitem__ and
// dict.__init__(self) work unchanged; other methods (keys, append, upper)
// are the inner value's.

// nativeClasses are the shared classes standing for built-in base types,
// built on first use (about a thousand allocations a script without such
// a class, or a package init, need not pay).
var nativeClasses = sync.OnceValue(func() map[string]*Class {
	m := map[string]*Class{}
	for _, name := range []string{"dict", "list", "set", "str", "int", "float", "tuple", "bytes"} {
		c := &Class{name: name, dict: starlark.StringDict{}, shared: true}
		c.mro = []*Class{c}
		addNativeMethods(c)
		m[name] = c
	}
	return m
})

// nativeOf is the built-in type class c derives from, or nil.
func nativeOf(c *Class) *Class {
	for _, k := range c.linearization() {
		if n, ok := nativeClasses()[k.name]; ok && n == k {
			return k
		}
	}
	return nil
}

// newInner is the built-in value a new instance of class c holds: an
// empty container (filled by __init__), or the immutable value built
// from the constructor's arguments, as the type's __new__ does.
func newInner(thread *starlark.Thread, native *Class, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	switch native.name {
	case "dict":
		return starlark.NewDict(0), nil
	case "list":
		return starlark.NewList(nil), nil
	case "set":
		return starlark.NewSet(0), nil
	}
	return starlark.Call(thread, builtinTypes[native.name], args, kwargs)
}

// initNative gives a new instance of a class derived from a built-in
// type its built-in value.
func (x *Instance) initNative(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) error {
	n := nativeOf(x.class)
	if n == nil {
		return nil
	}
	v, err := newInner(thread, n, args, kwargs)
	x.inner = v
	return err
}

// innerOf is the built-in value an instance holds, or v itself.
func innerOf(v starlark.Value) starlark.Value {
	if x, ok := v.(*Instance); ok && x.inner != nil {
		return x.inner
	}
	return v
}

func nativeSelf(name string, args starlark.Tuple) (*Instance, starlark.Tuple, error) {
	if len(args) == 0 {
		return nil, nil, exc.TypeError("descriptor '%s' needs an argument", name)
	}
	x, ok := args[0].(*Instance)
	if !ok || x.inner == nil {
		return nil, nil, exc.TypeError("descriptor '%s' requires a built-in subclass instance, not '%s'", name, typeName(args[0]))
	}
	return x, args[1:], nil
}

func addNativeMethods(c *Class) {
	def := func(name string, fn func(t *starlark.Thread, x *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) {
		c.dict[name] = methodBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			x, rest, err := nativeSelf(name, args)
			if err != nil {
				return nil, err
			}
			return fn(t, x, rest, kwargs)
		})
	}
	def("__init__", nativeInit)
	def("__repr__", func(_ *starlark.Thread, x *Instance, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		s, err := pyrepr.ReprErr(x.inner)
		return starlark.String(s), err
	})
	def("__str__", func(_ *starlark.Thread, x *Instance, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		s, err := pyrepr.StrErr(x.inner)
		return starlark.String(s), err
	})
	def("__len__", func(t *starlark.Thread, x *Instance, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		return starlark.Call(t, starlark.Universe["len"], starlark.Tuple{x.inner}, nil)
	})
	def("__bool__", func(_ *starlark.Thread, x *Instance, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		return x.inner.Truth(), nil
	})
	def("__iter__", func(_ *starlark.Thread, x *Instance, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		vals, err := collectPy(x.inner)
		return starlark.NewList(vals), err
	})
	def("__contains__", func(_ *starlark.Thread, x *Instance, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 1 {
			return nil, exc.TypeError("__contains__ takes one argument")
		}
		return starlark.Binary(syntax.IN, innerOf(args[0]), x.inner)
	})
	def("__getitem__", func(t *starlark.Thread, x *Instance, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 1 {
			return nil, exc.TypeError("__getitem__ takes one argument")
		}
		if d, ok := x.inner.(*starlark.Dict); ok {
			// a dict subclass's __missing__ answers for a missing key
			if missing := x.class.lookup("__missing__"); missing != nil {
				if v, found, err := d.Get(args[0]); found || err != nil {
					return v, err
				}
				return starlark.Call(t, missing, starlark.Tuple{x, args[0]}, nil)
			}
		}
		return indexBuiltin(t, nil, starlark.Tuple{x.inner, args[0]}, nil)
	})
	if c.name == "dict" || c.name == "list" {
		def("__setitem__", func(_ *starlark.Thread, x *Instance, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			if len(args) != 2 {
				return nil, exc.TypeError("__setitem__ takes two arguments")
			}
			return starlark.None, setItem(x.inner, args[0], args[1])
		})
		def("__delitem__", func(t *starlark.Thread, x *Instance, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			if len(args) != 1 {
				return nil, exc.TypeError("__delitem__ takes one argument")
			}
			return delitemBuiltin(t, nil, starlark.Tuple{x.inner, args[0]}, nil)
		})
	}
	if c.name != "dict" && c.name != "list" && c.name != "set" {
		def("__hash__", func(t *starlark.Thread, x *Instance, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			return hashBuiltin(t, nil, starlark.Tuple{x.inner}, nil)
		})
	}
	for tok, names := range compareDunders {
		tok := tok
		def(names[0], func(_ *starlark.Thread, x *Instance, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			if len(args) != 1 {
				return nil, exc.TypeError("comparison takes one argument")
			}
			r, err := starlark.Compare(tok, x.inner, innerOf(args[0]))
			return starlark.Bool(r), err
		})
	}
	for tok, base := range binaryDunders {
		tok := tok
		def("__"+base+"__", func(_ *starlark.Thread, x *Instance, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			if len(args) != 1 {
				return nil, exc.TypeError("operator takes one argument")
			}
			if tok == syntax.PERCENT {
				return modBuiltin(nil, nil, starlark.Tuple{x.inner, innerOf(args[0])}, nil)
			}
			return starlark.Binary(tok, x.inner, innerOf(args[0]))
		})
		def("__r"+base+"__", func(_ *starlark.Thread, x *Instance, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			if len(args) != 1 {
				return nil, exc.TypeError("operator takes one argument")
			}
			return starlark.Binary(tok, innerOf(args[0]), x.inner)
		})
	}
	def("__format__", func(_ *starlark.Thread, x *Instance, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		spec := ""
		if len(args) == 1 {
			spec, _ = starlark.AsString(args[0])
		}
		s, err := formatValue(x.inner, spec)
		return starlark.String(s), err
	})
	if c.name == "int" || c.name == "float" {
		def("__int__", func(t *starlark.Thread, x *Instance, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			return intCall(t, starlark.Tuple{x.inner}, nil)
		})
		def("__float__", func(t *starlark.Thread, x *Instance, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			return floatCall(t, starlark.Tuple{x.inner}, nil)
		})
	}
}

// nativeInit is dict.__init__(self, ...) / list.__init__(self, iterable):
// it fills the instance's container; immutable types ignore it.
func nativeInit(t *starlark.Thread, x *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	switch c := x.inner.(type) {
	case *starlark.Dict:
		d, err := starlark.Call(t, starlark.Universe["dict"], args, kwargs)
		if err != nil {
			return nil, err
		}
		for _, kv := range d.(*starlark.Dict).Items() {
			if err := c.SetKey(kv[0], kv[1]); err != nil {
				return nil, err
			}
		}
	case *starlark.List:
		if len(args) > 0 {
			vals, err := collectPy(args[0])
			if err != nil {
				return nil, err
			}
			for _, v := range vals {
				if err := c.Append(v); err != nil {
					return nil, err
				}
			}
		}
	case *starlark.Set:
		if len(args) > 0 {
			vals, err := collectPy(args[0])
			if err != nil {
				return nil, err
			}
			for _, v := range vals {
				if err := c.Insert(v); err != nil {
					return nil, err
				}
			}
		}
	}
	return starlark.None, nil
}

func setItem(x, k, v starlark.Value) error {
	switch c := x.(type) {
	case starlark.HasSetKey:
		return c.SetKey(k, v)
	case starlark.HasSetIndex:
		i, err := seqIndex(k, c.Len(), "list assignment index out of range")
		if err != nil {
			return err
		}
		return c.SetIndex(i, v)
	}
	return exc.TypeError("'%s' object does not support item assignment", typeName(x))
}

// Native is the built-in value behind v when v is an instance of a script
// class derived from a built-in type (class Config(dict)), else v. Go
// code that type-switches on *starlark.Dict (json.dumps) can unwrap with it.
func Native(v starlark.Value) starlark.Value { return innerOf(v) }
