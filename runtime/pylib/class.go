package pylib

import (
	"fmt"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// Class is a Python class: the built-in exception classes and the classes
// scripts define with `class`.
type Class struct {
	name  string
	bases []*Class
	dict  starlark.StringDict
	exc   bool // derives from BaseException
	// shared classes (built-ins) serve every interpreter and stay read-only
	shared bool
}

var (
	_ starlark.Callable    = (*Class)(nil)
	_ starlark.HasAttrs    = (*Class)(nil)
	_ starlark.HasSetField = (*Class)(nil)
)

// SetField assigns a class attribute (Counter.total += 1).
func (c *Class) SetField(name string, v starlark.Value) error {
	if c.shared {
		return exc.TypeError("cannot set '%s' attribute of built-in type '%s'", name, c.name)
	}
	c.dict[name] = v
	return nil
}

func (c *Class) String() string        { return "<class '" + c.name + "'>" }
func (c *Class) PyRepr() string        { return c.String() }
func (c *Class) Type() string          { return "type" }
func (c *Class) Freeze()               {}
func (c *Class) Truth() starlark.Bool  { return true }
func (c *Class) Hash() (uint32, error) { return starlark.String(c.name).Hash() }
func (c *Class) Name() string          { return c.name }

func (c *Class) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__name__":
		return starlark.String(shortName(c.name)), nil
	case "__bases__":
		t := make(starlark.Tuple, len(c.bases))
		for i, b := range c.bases {
			t[i] = b
		}
		return t, nil
	}
	if v := c.lookup(name); v != nil {
		return onClass(v, c), nil
	}
	return nil, exc.New("AttributeError", "type object '%s' has no attribute '%s'", c.name, name)
}

func (c *Class) AttrNames() []string {
	var names []string
	for _, k := range c.mro() {
		names = append(names, k.dict.Keys()...)
	}
	return names
}

// mro is the method resolution order: depth first, left to right.
func (c *Class) mro() []*Class {
	var out []*Class
	seen := map[*Class]bool{}
	var visit func(k *Class)
	visit = func(k *Class) {
		if seen[k] {
			return
		}
		seen[k] = true
		out = append(out, k)
		for _, b := range k.bases {
			visit(b)
		}
	}
	visit(c)
	return out
}

func (c *Class) lookup(name string) starlark.Value {
	for _, k := range c.mro() {
		if v, ok := k.dict[name]; ok {
			return v
		}
	}
	return nil
}

func (c *Class) isSubclass(base *Class) bool {
	for _, k := range c.mro() {
		if k == base {
			return true
		}
	}
	return false
}

// CallInternal creates an instance and runs __init__.
func (c *Class) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	inst := &Instance{class: c, attrs: starlark.StringDict{}}
	if init := c.lookup("__init__"); init != nil {
		res, err := starlark.Call(thread, init, append(starlark.Tuple{inst}, args...), kwargs)
		if err != nil {
			return nil, err
		}
		if res != starlark.None {
			return nil, exc.TypeError("__init__() should return None, not '%s'", typeName(res))
		}
	} else if len(args)+len(kwargs) > 0 {
		return nil, exc.TypeError("%s() takes no arguments", c.name)
	}
	return inst, nil
}

// Instance is an object of a Class. Exceptions keep their args and the Go
// error they were caught from, so re-raising keeps the original traceback.
type Instance struct {
	class *Class
	attrs starlark.StringDict
	args  starlark.Tuple
	err   error
}

var (
	_ starlark.HasAttrs    = (*Instance)(nil)
	_ starlark.HasSetField = (*Instance)(nil)
)

func (x *Instance) Type() string          { return x.class.name }
func (x *Instance) Freeze()               {} // instances stay mutable, as in Python
func (x *Instance) Truth() starlark.Bool  { return true }
func (x *Instance) Hash() (uint32, error) { return starlark.String(fmt.Sprintf("%p", x)).Hash() }
func (x *Instance) String() string        { return x.PyStr() }

// PyStr is str(x): the message for exceptions, __str__ if defined.
func (x *Instance) PyStr() string {
	if s, ok := x.callDunder("__str__"); ok {
		return s
	}
	if s, ok := osErrorStr(x); ok {
		return s
	}
	if x.class.exc {
		switch len(x.args) {
		case 0:
			return ""
		case 1:
			if x.class.isSubclass(builtinClass("KeyError")) {
				return pyrepr.Repr(x.args[0])
			}
			return pyrepr.Str(x.args[0])
		}
		return pyrepr.Repr(x.args)
	}
	return x.PyRepr()
}

// PyRepr is repr(x): ValueError('m') for exceptions, __repr__ if defined.
func (x *Instance) PyRepr() string {
	if s, ok := x.callDunder("__repr__"); ok {
		return s
	}
	if x.class.exc {
		if len(x.args) == 1 {
			return shortName(x.class.name) + "(" + pyrepr.Repr(x.args[0]) + ")"
		}
		return shortName(x.class.name) + pyrepr.Repr(x.args)
	}
	return fmt.Sprintf("<__main__.%s object at %p>", x.class.name, x)
}

// callDunder runs a script-defined __str__/__repr__ on a private thread:
// repr and print reach here without a thread of their own.
func (x *Instance) callDunder(name string) (string, bool) {
	fn, ok := x.class.lookup(name).(*starlark.Function)
	if !ok {
		return "", false
	}
	res, err := starlark.Call(&starlark.Thread{Name: name}, fn, starlark.Tuple{x}, nil)
	if err != nil {
		return "<" + name + " failed: " + err.Error() + ">", true
	}
	return pyrepr.Str(res), true
}

func (x *Instance) Attr(name string) (starlark.Value, error) {
	if v, ok := x.attrs[name]; ok {
		return v, nil
	}
	switch name {
	case "__class__":
		return x.class, nil
	case "args":
		if x.class.exc {
			return x.args, nil
		}
	}
	if v := x.class.lookup(name); v != nil {
		return onInstance(v, x)
	}
	if v, ok := osErrorAttr(x, name); ok {
		return v, nil
	}
	return nil, exc.New("AttributeError", "'%s' object has no attribute '%s'", x.class.name, name)
}

// Get makes x[k] work where the translator left a plain index (a string
// key): __getitem__ runs on a private thread, as Starlark gives none here.
func (x *Instance) Get(k starlark.Value) (starlark.Value, bool, error) {
	fn := x.class.lookup("__getitem__")
	if fn == nil {
		return nil, false, exc.TypeError("'%s' object is not subscriptable", x.class.name)
	}
	v, err := starlark.Call(&starlark.Thread{Name: "__getitem__"}, fn, starlark.Tuple{x, k}, nil)
	if err != nil {
		return nil, false, err
	}
	return v, true, nil
}

func (x *Instance) AttrNames() []string {
	names := x.attrs.Keys()
	return append(names, x.class.AttrNames()...)
}

func (x *Instance) SetField(name string, v starlark.Value) error {
	if isProp, err := setProperty(x, name, v); isProp {
		return err
	}
	if name == "args" && x.class.exc {
		if t, ok := v.(starlark.Tuple); ok {
			x.args = t
			return nil
		}
	}
	x.attrs[name] = v
	return nil
}

// CompareSameType gives instances Python's default identity equality and
// lets script classes define __eq__.
func (x *Instance) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	switch op {
	case syntax.EQL:
		return x == y.(*Instance), nil
	case syntax.NEQ:
		return x != y.(*Instance), nil
	}
	return false, exc.TypeError("'%s' not supported between instances of '%s'", op, x.class.name)
}

// bind makes a method bound to self when v is callable.
func bind(v starlark.Value, self starlark.Value) starlark.Value {
	switch fn := v.(type) {
	case *starlark.Function, *starlark.Builtin:
		c := fn.(starlark.Callable)
		return starlark.NewBuiltin(c.Name(), func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return starlark.Call(t, c, append(starlark.Tuple{self}, args...), kwargs)
		})
	}
	return v
}

// superProxy is super(): attribute lookup that starts after cls in self's MRO.
type superProxy struct {
	cls  *Class
	self *Instance
}

func (s *superProxy) String() string        { return "<super: " + s.cls.name + ">" }
func (s *superProxy) Type() string          { return "super" }
func (s *superProxy) Freeze()               {}
func (s *superProxy) Truth() starlark.Bool  { return true }
func (s *superProxy) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'super'") }
func (s *superProxy) AttrNames() []string   { return nil }

func (s *superProxy) Attr(name string) (starlark.Value, error) {
	mro := s.self.class.mro()
	after := false
	for _, k := range mro {
		if after {
			if v, ok := k.dict[name]; ok {
				return onInstance(v, s.self)
			}
		}
		if k == s.cls {
			after = true
		}
	}
	return nil, exc.New("AttributeError", "'super' object has no attribute '%s'", name)
}

// --- built-in exception classes ---

var (
	classMu  sync.Mutex
	classTab = map[string]*Class{}
)

// builtinClass returns the shared class for a built-in (or module-defined)
// exception name; unknown names derive from Exception.
func builtinClass(name string) *Class {
	classMu.Lock()
	defer classMu.Unlock()
	return builtinClassLocked(name)
}

func builtinClassLocked(name string) *Class {
	if c, ok := classTab[name]; ok {
		return c
	}
	c := &Class{name: name, exc: true, dict: starlark.StringDict{}, shared: true}
	if base := exc.Base(name); base != "" {
		c.bases = []*Class{builtinClassLocked(base)}
	} else {
		c.dict["__init__"] = starlark.NewBuiltin("__init__", excInit)
	}
	classTab[name] = c
	return c
}

// excInit is BaseException.__init__(self, *args).
func excInit(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, exc.TypeError("__init__ needs self")
	}
	self, ok := args[0].(*Instance)
	if !ok {
		return nil, exc.TypeError("__init__ needs an exception instance")
	}
	if len(kwargs) > 0 {
		return nil, exc.TypeError("%s() takes no keyword arguments", self.class.name)
	}
	self.args = append(starlark.Tuple(nil), args[1:]...)
	return starlark.None, nil
}

// _class(name, bases, dict) builds a script class.
func classBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	var bases starlark.Tuple
	var dict *starlark.Dict
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 3, &name, &bases, &dict); err != nil {
		return nil, err
	}
	c := &Class{name: name, dict: starlark.StringDict{}}
	for _, bv := range bases {
		bc, ok := bv.(*Class)
		if !ok {
			if bv == starlark.Universe["object"] || isBuiltinNamed(bv, "object") {
				continue
			}
			return nil, exc.TypeError("class %s: base %s is not a class", name, pyrepr.Repr(bv))
		}
		c.bases = append(c.bases, bc)
		c.exc = c.exc || bc.exc
	}
	for _, item := range dict.Items() {
		k, _ := starlark.AsString(item[0])
		c.dict[k] = item[1]
	}
	return c, nil
}

// _super(cls, self) is super() inside a method of cls.
func superBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var cls *Class
	var self *Instance
	if err := starlark.UnpackPositionalArgs("super", args, kwargs, 2, &cls, &self); err != nil {
		return nil, err
	}
	return &superProxy{cls: cls, self: self}, nil
}

func isBuiltinNamed(v starlark.Value, name string) bool {
	b, ok := v.(*starlark.Builtin)
	return ok && b.Name() == name
}
