package pylib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// descriptor is a class member that is not a plain method:
// staticmethod, classmethod or property.
type descriptor struct {
	kind string // "staticmethod", "classmethod", "property"
	fn   starlark.Value
	set  starlark.Value // property setter, or nil
	del  starlark.Value // property deleter, or nil
	doc  starlark.Value // property(doc=...), or nil for fget's docstring
}

func (d *descriptor) String() string        { return "<" + d.kind + ">" }
func (d *descriptor) Type() string          { return d.kind }
func (d *descriptor) Freeze()               {}
func (d *descriptor) Truth() starlark.Bool  { return true }
func (d *descriptor) Hash() (uint32, error) { return starlark.String(d.kind).Hash() }
func (d *descriptor) AttrNames() []string {
	return []string{"__doc__", "deleter", "fdel", "fget", "fset", "getter", "setter"}
}

// Attr gives property its .setter/.getter decorators and fget/fset, and
// staticmethod/classmethod their __func__.
func (d *descriptor) Attr(name string) (starlark.Value, error) {
	if d.kind != "property" {
		if name == "__func__" {
			return d.fn, nil
		}
		return nil, exc.New("AttributeError", "'%s' object has no attribute '%s'", d.kind, name)
	}
	switch name {
	case "fget":
		return d.fn, nil
	case "fset":
		if d.set == nil {
			return starlark.None, nil
		}
		return d.set, nil
	case "fdel":
		if d.del == nil {
			return starlark.None, nil
		}
		return d.del, nil
	case "__doc__":
		if d.doc != nil {
			return d.doc, nil
		}
		if f, ok := d.fn.(*starlark.Function); ok && f.Doc() != "" {
			return starlark.String(f.Doc()), nil
		}
		return starlark.None, nil
	case "setter", "getter", "deleter":
	default:
		return nil, exc.New("AttributeError", "'property' object has no attribute '%s'", name)
	}
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var f starlark.Callable
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &f); err != nil {
			return nil, err
		}
		p := *d
		switch name {
		case "setter":
			p.set = f
		case "getter":
			p.fn = f
		default:
			p.del = f
		}
		return &p, nil
	}), nil
}

func descriptorBuiltin(kind string) *starlark.Builtin {
	return starlark.NewBuiltin(kind, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var fn, fset, fdel, doc starlark.Value = starlark.None, nil, nil, nil
		if kind != "property" {
			if err := starlark.UnpackPositionalArgs(kind, args, kwargs, 1, &fn); err != nil {
				return nil, err
			}
			return &descriptor{kind: kind, fn: fn}, nil
		}
		if err := starlark.UnpackArgs(kind, args, kwargs, "fget?", &fn, "fset?", &fset, "fdel?", &fdel, "doc?", &doc); err != nil {
			return nil, err
		}
		return &descriptor{kind: kind, fn: fn, set: fset, del: fdel, doc: doc}, nil
	})
}

// onClass is what Class.attr gives for a member looked up on the class.
func onClass(v starlark.Value, c *Class) starlark.Value {
	if d, ok := v.(*descriptor); ok {
		switch d.kind {
		case "staticmethod":
			return d.fn
		case "classmethod":
			return bind(d.fn, c)
		}
	}
	return v
}

// onInstance is what instance.attr gives for a class member.
func onInstance(v starlark.Value, x *Instance) (starlark.Value, error) {
	d, ok := v.(*descriptor)
	if !ok {
		if get, ok := customDescriptor(v, "__get__"); ok {
			// a script descriptor class: Field().__get__(obj, type(obj))
			return starlark.Call(x.callThread("__get__"), get, starlark.Tuple{x, x.class}, nil)
		}
		return bind(v, x), nil
	}
	switch d.kind {
	case "staticmethod":
		return d.fn, nil
	case "classmethod":
		return bind(d.fn, x.class), nil
	case "cached_property":
		return cacheProperty(d, x)
	}
	// the getter runs on the thread holding the lock (Attr gets none)
	return starlark.Call(x.callThread("property"), d.fn, starlark.Tuple{x}, nil)
}

// customDescriptor is v's bound __get__/__set__ when v is an instance of
// a script class defining it.
func customDescriptor(v starlark.Value, name string) (starlark.Value, bool) {
	inst, ok := v.(*Instance)
	if !ok {
		return nil, false
	}
	fn, _ := inst.class.find(name)
	if fn == nil {
		return nil, false
	}
	return bind(fn, inst), true
}

// setProperty runs a property's setter, if name is a property of x's class.
func setProperty(x *Instance, name string, v starlark.Value) (bool, error) {
	member := x.class.lookup(name)
	if set, ok := customDescriptor(member, "__set__"); ok {
		_, err := starlark.Call(x.callThread("__set__"), set, starlark.Tuple{x, v}, nil)
		return true, err
	}
	d, ok := member.(*descriptor)
	if !ok || d.kind != "property" {
		return false, nil
	}
	if d.set == nil || d.set == starlark.None {
		return true, exc.New("AttributeError", "property '%s' of '%s' object has no setter", name, x.class.name)
	}
	_, err := starlark.Call(x.callThread("property"), d.set, starlark.Tuple{x, v}, nil)
	return true, err
}

// delProperty runs a property's deleter or a descriptor's __delete__,
// if name is one of x's class; del obj.attr then goes no further.
func delProperty(x *Instance, name string) (bool, error) {
	member := x.class.lookup(name)
	if del, ok := customDescriptor(member, "__delete__"); ok {
		_, err := starlark.Call(x.callThread("__delete__"), del, starlark.Tuple{x}, nil)
		return true, err
	}
	d, ok := member.(*descriptor)
	if !ok || d.kind != "property" {
		return false, nil
	}
	if d.del == nil || d.del == starlark.None {
		return true, exc.New("AttributeError", "property '%s' of '%s' object has no deleter", name, x.class.name)
	}
	_, err := starlark.Call(x.callThread("property"), d.del, starlark.Tuple{x}, nil)
	return true, err
}
