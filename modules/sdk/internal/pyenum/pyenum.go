// Package pyenum gives Go modules the enum classes vendor SDKs expose:
// Python's Enum (LinkKit: members equal only to themselves, str
// "Type.NAME") and Boost.Python's int enums (Azure's legacy SDK: members
// are ints, str is the bare name, repr "module.Type.NAME").
package pyenum

import (
	"fmt"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Type is an enum class: members by attribute, iteration in definition
// order, lookup by value when called.
type Type struct {
	name    string
	module  string // set for int enums: the repr's prefix
	members []*Member
}

// Member is one enum member, with .name and .value.
type Member struct {
	typ   *Type
	name  string
	value int
}

// New is a Python Enum called name; pairs are NAME, value, NAME, value...
func New(name string, pairs ...any) *Type {
	e := &Type{name: name}
	for i := 0; i+1 < len(pairs); i += 2 {
		e.members = append(e.members, &Member{typ: e, name: pairs[i].(string), value: pairs[i+1].(int)})
	}
	return e
}

// NewInt is a Boost.Python int enum of module: members compare equal to
// their int value, str(m) is the bare name.
func NewInt(module, name string, pairs ...any) *Type {
	e := New(name, pairs...)
	e.module = module
	return e
}

// Names lists the members, NAME, value, ... from 0: a helper for enums
// numbered in order.
func Names(names ...string) []any {
	out := make([]any, 0, 2*len(names))
	for i, n := range names {
		out = append(out, n, i)
	}
	return out
}

// Name is the member's name.
func (m *Member) Name() string { return m.name }

// Value is the member's value.
func (m *Member) Value() int { return m.value }

// Member returns the member called name; it panics on a typo in Go code.
func (e *Type) Member(name string) *Member {
	for _, m := range e.members {
		if m.name == name {
			return m
		}
	}
	panic("linkkit: no enum member " + e.name + "." + name)
}

var (
	_ starlark.HasAttrs = (*Type)(nil)
	_ starlark.Iterable = (*Type)(nil)
	_ starlark.Callable = (*Type)(nil)
	_ starlark.HasAttrs = (*Member)(nil)
)

func (e *Type) String() string        { return "<enum '" + e.name + "'>" }
func (e *Type) PyRepr() string        { return e.String() }
func (e *Type) Type() string          { return "EnumMeta" }
func (e *Type) Freeze()               {}
func (e *Type) Truth() starlark.Bool  { return true }
func (e *Type) Hash() (uint32, error) { return starlark.String(e.name).Hash() }
func (e *Type) Name() string          { return e.name }

func (e *Type) Attr(name string) (starlark.Value, error) {
	if name == "__name__" {
		return starlark.String(e.name), nil
	}
	for _, m := range e.members {
		if m.name == name {
			return m, nil
		}
	}
	return nil, nil
}

func (e *Type) AttrNames() []string {
	names := make([]string, len(e.members))
	for i, m := range e.members {
		names[i] = m.name
	}
	return names
}

func (e *Type) Iterate() starlark.Iterator {
	vals := make([]starlark.Value, len(e.members))
	for i, m := range e.members {
		vals[i] = m
	}
	return starlark.NewList(vals).Iterate()
}

// CallInternal is lookup by value: LinkKitState(3) is CONNECTED.
func (e *Type) CallInternal(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) != 0 {
		return nil, exc.TypeError("%s() takes exactly one argument", e.name)
	}
	for _, m := range e.members {
		if ok, _ := starlark.Equal(starlark.MakeInt(m.value), args[0]); ok {
			return m, nil
		}
	}
	return nil, exc.ValueError("%s is not a valid %s", starlark.String(args[0].String()).GoString(), e.name)
}

func (m *Member) String() string {
	if m.typ.module != "" {
		return m.name
	}
	return m.typ.name + "." + m.name
}
func (m *Member) PyStr() string { return m.String() }
func (m *Member) PyRepr() string {
	if m.typ.module != "" {
		return m.typ.module + "." + m.typ.name + "." + m.name
	}
	return fmt.Sprintf("<%s.%s: %d>", m.typ.name, m.name, m.value)
}
func (m *Member) Type() string          { return m.typ.name }
func (m *Member) Freeze()               {}
func (m *Member) Truth() starlark.Bool  { return true }
func (m *Member) Hash() (uint32, error) { return starlark.MakeInt(m.value).Hash() }

func (m *Member) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String(m.name), nil
	case "value":
		return starlark.MakeInt(m.value), nil
	}
	return nil, nil
}

func (m *Member) AttrNames() []string { return []string{"name", "value"} }

// CompareSameType: members are equal only to themselves, as Enum's are.
func (m *Member) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	o, ok := y.(*Member)
	if !ok {
		return false, nil
	}
	if m.typ.module != "" {
		return starlark.CompareDepth(op, starlark.MakeInt(m.value), starlark.MakeInt(o.value), 1)
	}
	switch op {
	case syntax.EQL:
		return m == o, nil
	case syntax.NEQ:
		return m != o, nil
	}
	return false, exc.TypeError("'%s' not supported between instances of '%s' and '%s'", op, m.typ.name, m.typ.name)
}
