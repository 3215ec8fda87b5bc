// Package pytype makes a module's constructor behave as its Python class:
// isinstance(x, deque) is true for deques, and print(deque) shows
// <class 'collections.deque'>.
package pytype

import "go.starlark.net/starlark"

// Type is a constructor builtin that also names the type it makes.
type Type struct {
	*starlark.Builtin
	qualname string   // shown by repr, e.g. "collections.deque"
	types    []string // Type() of the values it makes
	members  starlark.StringDict
}

// New wraps fn, which makes values whose Type() is one of types.
func New(qualname string, fn func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error), types ...string) *Type {
	name := qualname
	for i := len(qualname) - 1; i >= 0; i-- {
		if qualname[i] == '.' {
			name = qualname[i+1:]
			break
		}
	}
	if len(types) == 0 {
		types = []string{name}
	}
	return &Type{Builtin: starlark.NewBuiltin(name, fn), qualname: qualname, types: types}
}

func (t *Type) String() string { return "<class '" + t.qualname + "'>" }
func (t *Type) PyRepr() string { return t.String() }
func (t *Type) Type() string   { return "type" }

// IsInstance answers isinstance(v, t).
func (t *Type) IsInstance(v starlark.Value) bool {
	for _, name := range t.types {
		if v.Type() == name {
			return true
		}
	}
	return false
}

// With adds class attributes (such as OrderedDict.fromkeys) and returns t.
func (t *Type) With(members starlark.StringDict) *Type {
	t.members = members
	return t
}

// Attr gives the class attributes and __name__.
func (t *Type) Attr(name string) (starlark.Value, error) {
	if name == "__name__" {
		return starlark.String(t.Name()), nil
	}
	return t.members[name], nil
}

// AttrNames lists the class attributes.
func (t *Type) AttrNames() []string { return append(t.members.Keys(), "__name__") }
