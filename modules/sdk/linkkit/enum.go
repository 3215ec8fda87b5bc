package linkkit

import (
	"fmt"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// enumType is a Python Enum class as LinkKit nests them (LinkKitState,
// ErrorCode): members by attribute, iteration in definition order.
type enumType struct {
	name    string
	members []*enumMember
}

// enumMember is one Enum member: LinkKitState.CONNECTED, with .name and
// .value, equal only to itself, as Python's Enum.
type enumMember struct {
	typ   *enumType
	name  string
	value int
}

func newEnum(name string, pairs ...any) *enumType {
	e := &enumType{name: name}
	for i := 0; i+1 < len(pairs); i += 2 {
		e.members = append(e.members, &enumMember{typ: e, name: pairs[i].(string), value: pairs[i+1].(int)})
	}
	return e
}

// member returns the member called name; it panics on a typo in Go code.
func (e *enumType) member(name string) *enumMember {
	for _, m := range e.members {
		if m.name == name {
			return m
		}
	}
	panic("linkkit: no enum member " + e.name + "." + name)
}

var (
	_ starlark.HasAttrs = (*enumType)(nil)
	_ starlark.Iterable = (*enumType)(nil)
	_ starlark.Callable = (*enumType)(nil)
	_ starlark.HasAttrs = (*enumMember)(nil)
)

func (e *enumType) String() string        { return "<enum '" + e.name + "'>" }
func (e *enumType) PyRepr() string        { return e.String() }
func (e *enumType) Type() string          { return "EnumMeta" }
func (e *enumType) Freeze()               {}
func (e *enumType) Truth() starlark.Bool  { return true }
func (e *enumType) Hash() (uint32, error) { return starlark.String(e.name).Hash() }
func (e *enumType) Name() string          { return e.name }

func (e *enumType) Attr(name string) (starlark.Value, error) {
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

func (e *enumType) AttrNames() []string {
	names := make([]string, len(e.members))
	for i, m := range e.members {
		names[i] = m.name
	}
	return names
}

func (e *enumType) Iterate() starlark.Iterator {
	vals := make([]starlark.Value, len(e.members))
	for i, m := range e.members {
		vals[i] = m
	}
	return starlark.NewList(vals).Iterate()
}

// CallInternal is lookup by value: LinkKitState(3) is CONNECTED.
func (e *enumType) CallInternal(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
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

func (m *enumMember) String() string        { return m.typ.name + "." + m.name }
func (m *enumMember) PyStr() string         { return m.String() }
func (m *enumMember) PyRepr() string        { return fmt.Sprintf("<%s.%s: %d>", m.typ.name, m.name, m.value) }
func (m *enumMember) Type() string          { return m.typ.name }
func (m *enumMember) Freeze()               {}
func (m *enumMember) Truth() starlark.Bool  { return true }
func (m *enumMember) Hash() (uint32, error) { return starlark.MakeInt(m.value).Hash() }

func (m *enumMember) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String(m.name), nil
	case "value":
		return starlark.MakeInt(m.value), nil
	}
	return nil, nil
}

func (m *enumMember) AttrNames() []string { return []string{"name", "value"} }

// CompareSameType: members are equal only to themselves, as Enum's are.
func (m *enumMember) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	switch op {
	case syntax.EQL:
		return m == y, nil
	case syntax.NEQ:
		return m != y, nil
	}
	return false, exc.TypeError("'%s' not supported between instances of '%s' and '%s'", op, m.typ.name, m.typ.name)
}
