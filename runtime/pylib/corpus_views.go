package pylib

import (
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// d.keys(), d.values() and d.items() are live views, as in Python: they
// print as dict_keys([...]), see later changes to d, and keys/items views
// do set algebra (d.keys() & other).

func init() {
	for _, n := range []string{"keys", "values", "items"} {
		MethodShims[n] = true
	}
}

type dictView struct {
	d    *starlark.Dict
	kind string // "keys", "values" or "items"
}

var (
	_ starlark.Iterable  = (*dictView)(nil)
	_ starlark.Sequence  = (*dictView)(nil)
	_ starlark.HasBinary = (*dictView)(nil)
)

func (v *dictView) Type() string          { return "dict_" + v.kind }
func (v *dictView) Freeze()               {}
func (v *dictView) Truth() starlark.Bool  { return v.d.Len() > 0 }
func (v *dictView) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: '%s'", v.Type()) }
func (v *dictView) Len() int              { return v.d.Len() }
func (v *dictView) Iterate() starlark.Iterator {
	return starlark.NewList(v.values()).Iterate()
}

func (v *dictView) values() []starlark.Value {
	items := v.d.Items()
	out := make([]starlark.Value, len(items))
	for i, kv := range items {
		switch v.kind {
		case "keys":
			out[i] = kv[0]
		case "values":
			out[i] = kv[1]
		default:
			out[i] = kv
		}
	}
	return out
}

func (v *dictView) String() string {
	parts := make([]string, 0, v.d.Len())
	for _, x := range v.values() {
		parts = append(parts, pyrepr.Repr(x))
	}
	return v.Type() + "([" + strings.Join(parts, ", ") + "])"
}

func (v *dictView) has(x starlark.Value) (bool, error) {
	for _, e := range v.values() {
		if eq, err := starlark.Equal(e, x); err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

// Binary is `x in view` and the set operators of keys and items views.
func (v *dictView) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	if op == syntax.IN && side == starlark.Right {
		if v.kind == "keys" {
			_, found, _ := v.d.Get(y)
			return starlark.Bool(found), nil
		}
		ok, err := v.has(y)
		return starlark.Bool(ok), err
	}
	switch op {
	case syntax.PIPE, syntax.AMP, syntax.MINUS, syntax.CIRCUMFLEX:
	default:
		return nil, nil
	}
	if v.kind == "values" {
		return nil, nil
	}
	mine, err := setOf(v)
	if err != nil {
		return nil, err
	}
	other, err := setOf(y)
	if err != nil {
		return nil, nil
	}
	if side == starlark.Right {
		mine, other = other, mine
	}
	return starlark.Binary(op, mine, other)
}

func setOf(x starlark.Value) (*starlark.Set, error) {
	if s, ok := x.(*starlark.Set); ok {
		return s, nil
	}
	vals, err := collectPy(x)
	if err != nil {
		return nil, err
	}
	s := starlark.NewSet(len(vals))
	for _, e := range vals {
		if err := s.Insert(e); err != nil {
			return nil, err
		}
	}
	return s, nil
}
