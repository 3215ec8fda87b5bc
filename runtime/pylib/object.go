package pylib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// objectClass is Python's `object`, the implicit base of every class. Its
// members are what object.__new__(cls), super().__init__() and
// super().__setattr__(k, v) reach.
var objectClass = &Class{name: "object", dict: starlark.StringDict{}, shared: true}

var (
	objectInit = methodBuiltin("__init__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 {
			return nil, exc.TypeError("descriptor '__init__' of 'object' object needs an argument")
		}
		return starlark.None, nil
	})
	objectNew = &descriptor{kind: "staticmethod", fn: starlark.NewBuiltin("__new__", objectNewImpl)}
)

// methodBuiltins are the Go functions that are methods of built-in
// classes: obj.m binds them to obj. Other builtins stored on a class (a
// module function as a class attribute) stay unbound, as in Python.
var methodBuiltins = map[*starlark.Builtin]bool{}

func methodBuiltin(name string, fn func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	b := starlark.NewBuiltin(name, fn)
	methodBuiltins[b] = true
	return b
}

func init() {
	d := objectClass.dict
	d["__init__"] = objectInit
	d["__new__"] = objectNew
	d["__setattr__"] = methodBuiltin("__setattr__", objectSetattr)
	d["__getattribute__"] = methodBuiltin("__getattribute__", objectGetattribute)
	d["__delattr__"] = methodBuiltin("__delattr__", objectDelattr)
	d["__repr__"] = methodBuiltin("__repr__", objectRepr)
	d["__str__"] = methodBuiltin("__str__", objectStr)
	// object.__init_subclass__(): what super().__init_subclass__(**kw) reaches
	d["__init_subclass__"] = &descriptor{kind: "classmethod", fn: starlark.NewBuiltin("__init_subclass__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, exc.TypeError("%s.__init_subclass__() takes no keyword arguments", typeName(args[0]))
		}
		return starlark.None, nil
	})}
	objectClass.mro = []*Class{objectClass}
}

// object.__new__(cls, *args) makes a bare instance of cls.
func objectNewImpl(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, exc.TypeError("object.__new__(): not enough arguments")
	}
	c, ok := args[0].(*Class)
	if !ok {
		return nil, exc.TypeError("object.__new__(X): X is not a type object (%s)", typeName(args[0]))
	}
	inst := newInstance(c, thread)
	if c.exc {
		inst.args = append(starlark.Tuple(nil), args[1:]...)
	}
	if err := inst.initNative(thread, args[1:], nil); err != nil {
		return nil, err
	}
	return inst, nil
}

func selfInstance(method string, args starlark.Tuple, n int) (*Instance, error) {
	if len(args) != n {
		return nil, exc.TypeError("%s expected %d arguments, got %d", method, n, len(args))
	}
	x, ok := args[0].(*Instance)
	if !ok {
		return nil, exc.TypeError("descriptor '%s' requires an 'object' instance", method)
	}
	return x, nil
}

// object.__setattr__(self, name, value) sets without the class's __setattr__.
func objectSetattr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	x, err := selfInstance("__setattr__", args, 3)
	if err != nil {
		return nil, err
	}
	name, ok := starlark.AsString(args[1])
	if !ok {
		return nil, exc.TypeError("attribute name must be string, not '%s'", typeName(args[1]))
	}
	return starlark.None, x.setAttrDirect(name, args[2])
}

// object.__getattribute__(self, name) is lookup without __getattr__.
func objectGetattribute(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	x, err := selfInstance("__getattribute__", args, 2)
	if err != nil {
		return nil, err
	}
	name, _ := starlark.AsString(args[1])
	v, err := x.attrDirect(name)
	if err == nil && v == nil {
		err = x.noAttr(name)
	}
	return v, err
}

func objectDelattr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	x, err := selfInstance("__delattr__", args, 2)
	if err != nil {
		return nil, err
	}
	name, _ := starlark.AsString(args[1])
	return starlark.None, x.delAttrDirect(name)
}

func objectRepr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	x, err := selfInstance("__repr__", args, 1)
	if err != nil {
		return nil, err
	}
	return starlark.String(x.defaultRepr()), nil
}

// object.__str__(self) is type(self).__repr__(self).
func objectStr(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	x, err := selfInstance("__str__", args, 1)
	if err != nil {
		return nil, err
	}
	if v, ok, err := x.dunder("__repr__"); ok {
		return v, err
	}
	return starlark.String(x.defaultRepr()), nil
}
