package pylib

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// Bound methods (obj.m) and super().

// bind makes a method bound to self when v is a function (a script
// function, or a built-in class's method).
func bind(v starlark.Value, self starlark.Value) starlark.Value {
	switch fn := v.(type) {
	case *starlark.Function:
		return &boundMethod{fn: fn, self: self}
	case *starlark.Builtin:
		if methodBuiltins[fn] {
			return &boundMethod{fn: fn, self: self}
		}
	}
	return v
}

// boundMethod is obj.method: equal to another for the same function and
// object (so list.remove(obj.cb) finds it). Calling it records the
// caller's thread on an instance, for the dunders Starlark calls without
// one.
type boundMethod struct {
	fn   starlark.Callable
	self starlark.Value
}

var (
	_ starlark.Callable   = (*boundMethod)(nil)
	_ starlark.Comparable = (*boundMethod)(nil)
	_ starlark.HasAttrs   = (*boundMethod)(nil)
)

func (m *boundMethod) String() string       { return m.PyRepr() }
func (m *boundMethod) Type() string         { return "method" }
func (m *boundMethod) Freeze()              {}
func (m *boundMethod) Truth() starlark.Bool { return true }
func (m *boundMethod) Name() string         { return m.fn.Name() }
func (m *boundMethod) AttrNames() []string  { return []string{"__func__", "__self__", "__name__"} }

func (m *boundMethod) PyRepr() string {
	owner := typeName(m.self)
	if c, ok := m.self.(*Class); ok {
		owner = c.name
	} else if x, ok := m.self.(*Instance); ok {
		owner = x.class.name
	}
	return "<bound method " + owner + "." + pyrepr.FuncName(m.fn.Name()) + " of " + pyrepr.Repr(m.self) + ">"
}

func (m *boundMethod) Hash() (uint32, error) {
	h, err := m.self.Hash()
	if err != nil {
		h = 0
	}
	fh, _ := starlark.String(m.fn.Name()).Hash()
	return h ^ fh, nil
}

func (m *boundMethod) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__func__":
		return m.fn, nil
	case "__self__":
		return m.self, nil
	case "__name__":
		return starlark.String(pyrepr.FuncName(m.fn.Name())), nil
	}
	return nil, exc.New("AttributeError", "'method' object has no attribute '%s'", name)
}

func (m *boundMethod) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	o := y.(*boundMethod)
	same := m.fn == o.fn && m.self == o.self
	switch op {
	case syntax.EQL:
		return same, nil
	case syntax.NEQ:
		return !same, nil
	}
	return false, exc.TypeError("'%s' not supported between instances of 'method' and 'method'", op)
}

func (m *boundMethod) CallInternal(t *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	cls, _ := m.self.(*Class)
	if x, ok := m.self.(*Instance); ok {
		x.thread = t
		cls = x.class
	}
	v, err := starlark.Call(t, m.fn, append(starlark.Tuple{m.self}, args...), kwargs)
	if err != nil && cls != nil {
		return nil, callError(err, m.fn, cls)
	}
	return v, err
}

// superProxy is super(): attribute lookup that starts after cls in the
// MRO of self (an instance, or a class inside a classmethod or __new__).
type superProxy struct {
	cls  *Class
	self starlark.Value
}

func (s *superProxy) String() string        { return "<super: <class '" + s.cls.name + "'>, <object>>" }
func (s *superProxy) Type() string          { return "super" }
func (s *superProxy) Freeze()               {}
func (s *superProxy) Truth() starlark.Bool  { return true }
func (s *superProxy) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'super'") }
func (s *superProxy) AttrNames() []string   { return nil }

func (s *superProxy) Attr(name string) (starlark.Value, error) {
	name = Unmangle(name)
	inst, isInst := s.self.(*Instance)
	var start *Class
	if isInst {
		start = inst.class
	} else {
		start = s.self.(*Class)
	}
	after := false
	found := starlark.Value(nil)
	for _, k := range start.linearization() {
		if after {
			if v, ok := k.dict[name]; ok {
				found = v
				break
			}
		}
		if k == s.cls {
			after = true
		}
	}
	if found == nil {
		found = objectClass.dict[name]
	}
	if found == nil && isInst {
		found = objectDefault(inst, name) // super().__eq__(other), super().__hash__()
		if found != nil {
			return found, nil
		}
	}
	if found == nil {
		return nil, exc.New("AttributeError", "'super' object has no attribute '%s'", name)
	}
	if isInst {
		return onInstance(found, inst)
	}
	return onClass(found, start), nil
}

// _super(cls, self) is super() inside a method of cls.
func superBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var cls *Class
	var self starlark.Value
	if err := starlark.UnpackPositionalArgs("super", args, kwargs, 2, &cls, &self); err != nil {
		return nil, err
	}
	switch v := self.(type) {
	case *Instance:
		if !v.class.isSubclass(cls) {
			return nil, exc.TypeError("super(type, obj): obj must be an instance or subtype of type")
		}
	case *Class:
	default:
		return nil, exc.TypeError("super(type, obj): obj must be an instance or subtype of type")
	}
	return &superProxy{cls: cls, self: self}, nil
}
