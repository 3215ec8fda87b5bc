// Package pyobj builds the plain Python objects and classes vendor SDK
// modules hand to scripts (IoTHubModule, MethodRequest, ...): attributes
// a script can read and set, methods bound to a Go receiver.
package pyobj

import (
	"sort"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// Object is an instance: its type name, attributes and methods.
type Object struct {
	Class   string // qualified, e.g. "iothub_service_client.IoTHubModule"
	Attrs   starlark.StringDict
	Methods map[string]*starlark.Builtin
	Go      any // the Go value behind it, for methods
	// DictStr makes str(o) its attribute dict, as msrest models print.
	DictStr bool
}

// New returns an object of class with attrs.
func New(class string, attrs starlark.StringDict) *Object {
	if attrs == nil {
		attrs = starlark.StringDict{}
	}
	return &Object{Class: class, Attrs: attrs, Methods: map[string]*starlark.Builtin{}}
}

// Method adds a method; f receives the object as b.Receiver().
func (o *Object) Method(name string, f func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)) *Object {
	o.Methods[name] = starlark.NewBuiltin(name, f).BindReceiver(o)
	return o
}

var (
	_ starlark.HasAttrs    = (*Object)(nil)
	_ starlark.HasSetField = (*Object)(nil)
)

func (o *Object) String() string { return "<" + o.Class + " object>" }

// PyStr is str(o).
func (o *Object) PyStr() string {
	if !o.DictStr {
		return o.String()
	}
	d := starlark.NewDict(len(o.Attrs))
	for _, k := range o.Attrs.Keys() {
		d.SetKey(starlark.String(k), o.Attrs[k])
	}
	return pyrepr.Repr(d)
}
func (o *Object) Type() string          { return shortName(o.Class) }
func (o *Object) Freeze()               {}
func (o *Object) Truth() starlark.Bool  { return true }
func (o *Object) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: '%s'", o.Type()) }

func (o *Object) Attr(name string) (starlark.Value, error) {
	if m, ok := o.Methods[name]; ok {
		return m, nil
	}
	if v, ok := o.Attrs[name]; ok {
		return v, nil
	}
	if name == "__class__" {
		return starlark.String(o.Class), nil
	}
	return nil, nil
}

func (o *Object) AttrNames() []string {
	names := make([]string, 0, len(o.Attrs)+len(o.Methods))
	for k := range o.Attrs {
		names = append(names, k)
	}
	for k := range o.Methods {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func (o *Object) SetField(name string, v starlark.Value) error {
	if _, ok := o.Methods[name]; ok {
		return exc.New("AttributeError", "'%s' object attribute '%s' is read-only", o.Type(), name)
	}
	o.Attrs[name] = v
	return nil
}

func shortName(q string) string {
	for i := len(q) - 1; i >= 0; i-- {
		if q[i] == '.' {
			return q[i+1:]
		}
	}
	return q
}

// Class is a class a script calls to construct, with class attributes
// (nested enums, classmethods).
type Class struct {
	Qual  string // qualified name
	Ctor  func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)
	Attrs starlark.StringDict
}

var (
	_ starlark.Callable = (*Class)(nil)
	_ starlark.HasAttrs = (*Class)(nil)
)

func (c *Class) String() string        { return "<class '" + c.Qual + "'>" }
func (c *Class) Type() string          { return "type" }
func (c *Class) Freeze()               {}
func (c *Class) Truth() starlark.Bool  { return true }
func (c *Class) Hash() (uint32, error) { return starlark.String(c.Qual).Hash() }

// Name is the short class name, as starlark.Callable requires.
func (c *Class) Name() string { return shortName(c.Qual) }

func (c *Class) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if c.Ctor == nil {
		return nil, exc.TypeError("cannot create '%s' instances", c.Qual)
	}
	return c.Ctor(thread, args, kwargs)
}

func (c *Class) Attr(name string) (starlark.Value, error) {
	if name == "__name__" {
		return starlark.String(shortName(c.Qual)), nil
	}
	return c.Attrs[name], nil
}

func (c *Class) AttrNames() []string { return c.Attrs.Keys() }
