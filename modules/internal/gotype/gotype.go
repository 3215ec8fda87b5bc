// Package gotype gives Go-implemented script types the shape QuecPython
// code expects: a class that is called to construct (Pin(...)) and carries
// constants (Pin.OUT), and objects with methods that also see those
// constants (t.PERIODIC).
package gotype

import (
	"fmt"
	"sort"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Method is a builtin's Go signature.
type Method = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error)

// Class is a callable type with constant attributes.
type Class struct {
	name   string
	Consts starlark.StringDict
	New    Method
	// Statics are class-level functions (misc.Power.getVbatt()).
	Statics map[string]Method
}

var (
	_ starlark.Callable = (*Class)(nil)
	_ starlark.HasAttrs = (*Class)(nil)
)

// NewClass returns a class called name.
func NewClass(name string, consts starlark.StringDict, ctor Method) *Class {
	if consts == nil {
		consts = starlark.StringDict{}
	}
	return &Class{name: name, Consts: consts, New: ctor}
}

func (c *Class) Name() string          { return c.name }
func (c *Class) String() string        { return fmt.Sprintf("<class '%s'>", c.name) }
func (c *Class) Type() string          { return "type" }
func (c *Class) Freeze()               {}
func (c *Class) Truth() starlark.Bool  { return true }
func (c *Class) Hash() (uint32, error) { return starlark.String(c.name).Hash() }

func (c *Class) CallInternal(t *starlark.Thread, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if c.New == nil {
		return nil, exc.TypeError("cannot create '%s' instances", c.name)
	}
	return c.New(t, starlark.NewBuiltin(c.name, c.New), args, kw)
}

func (c *Class) Attr(name string) (starlark.Value, error) {
	if v, ok := c.Consts[name]; ok {
		return v, nil
	}
	if m, ok := c.Statics[name]; ok {
		return starlark.NewBuiltin(c.name+"."+name, m), nil
	}
	return nil, nil
}

func (c *Class) AttrNames() []string {
	names := c.Consts.Keys()
	for k := range c.Statics {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// Object is an instance: methods by name, and the class's constants.
type Object struct {
	class   *Class
	methods map[string]Method
	repr    func() string
}

var _ starlark.HasAttrs = (*Object)(nil)

// NewObject returns an instance of c with the given methods; repr (may be
// nil) gives its printed form.
func NewObject(c *Class, methods map[string]Method, repr func() string) *Object {
	return &Object{class: c, methods: methods, repr: repr}
}

func (o *Object) String() string {
	if o.repr != nil {
		return o.repr()
	}
	return fmt.Sprintf("<%s object at %p>", o.class.name, o)
}
func (o *Object) Type() string          { return o.class.name }
func (o *Object) Freeze()               {}
func (o *Object) Truth() starlark.Bool  { return true }
func (o *Object) Hash() (uint32, error) { return starlark.String(fmt.Sprintf("%p", o)).Hash() }

func (o *Object) Attr(name string) (starlark.Value, error) {
	if m, ok := o.methods[name]; ok {
		return starlark.NewBuiltin(name, m).BindReceiver(o), nil // help(obj.m) finds "Type.m" docs
	}
	return o.class.Attr(name)
}

func (o *Object) AttrNames() []string {
	names := o.class.AttrNames()
	for k := range o.methods {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
