package pylib

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// frozenSet is Python's frozenset: an immutable set that is hashable
// (a dict key, a set member) and prints as frozenset({...}).
type frozenSet struct{ s *starlark.Set }

var (
	_ starlark.HasBinary  = frozenSet{}
	_ starlark.Comparable = frozenSet{}
	_ starlark.HasAttrs   = frozenSet{}
	_ starlark.Container  = frozenSet{}
	_ starlark.Sequence   = frozenSet{}
)

func newFrozenSet(s *starlark.Set) frozenSet {
	s.Freeze()
	return frozenSet{s}
}

func (f frozenSet) String() string { return f.PyRepr() }
func (f frozenSet) PyRepr() string {
	if f.s.Len() == 0 {
		return "frozenset()"
	}
	return "frozenset(" + pyrepr.Repr(f.s) + ")"
}
func (f frozenSet) Type() string         { return "frozenset" }
func (f frozenSet) Freeze()              {}
func (f frozenSet) Truth() starlark.Bool { return f.s.Len() > 0 }
func (f frozenSet) Len() int             { return f.s.Len() }
func (f frozenSet) Iterate() starlark.Iterator {
	return starlark.Tuple(pyrepr.SetElems(f.s)).Iterate() // CPython's order
}
func (f frozenSet) Has(x starlark.Value) (bool, error) { return f.s.Has(x) }

// Hash does not depend on the order of the elements.
func (f frozenSet) Hash() (uint32, error) {
	h := uint32(1927868237) * uint32(f.s.Len()+1)
	for x := range f.s.Elements() {
		eh, err := x.Hash()
		if err != nil {
			return 0, err
		}
		h ^= (eh ^ (eh << 16) ^ 89869747) * 3644798167
	}
	return h*69069 + 907133923, nil
}

func (f frozenSet) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, f.s, y.(frozenSet).s, depth)
}

// innerSet is the set inside a set or frozenset.
func innerSet(v starlark.Value) (*starlark.Set, bool) {
	switch v := v.(type) {
	case *starlark.Set:
		return v, true
	case frozenSet:
		return v.s, true
	}
	return nil, false
}

// Binary is |, &, - and ^: the left operand's type is the result's.
func (f frozenSet) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	other, ok := innerSet(y)
	if !ok {
		return nil, nil
	}
	a, b := f.s, other
	if side == starlark.Right {
		a, b = b, a
	}
	r, err := starlark.Binary(op, a, b)
	if err != nil {
		return nil, err
	}
	if rs, ok := r.(*starlark.Set); ok && side == starlark.Left {
		return newFrozenSet(rs), nil
	}
	return r, nil
}

var setCompareDunders = map[string]syntax.Token{
	"__eq__": syntax.EQL, "__ne__": syntax.NEQ, "__lt__": syntax.LT, "__le__": syntax.LE, "__gt__": syntax.GT, "__ge__": syntax.GE,
}

var frozenSetMethods = []string{"copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset", "symmetric_difference", "union"}

func (f frozenSet) AttrNames() []string { return frozenSetMethods }

func (f frozenSet) Attr(name string) (starlark.Value, error) {
	if op, ok := setCompareDunders[name]; ok { // frozenset({1}) == {1}, through _richcmp
		return method(name, func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			if len(args) != 1 {
				return nil, exc.TypeError("expected 1 argument, got %d", len(args))
			}
			other, ok := innerSet(args[0])
			if !ok {
				if op == syntax.EQL || op == syntax.NEQ {
					return starlark.Bool(op == syntax.NEQ), nil
				}
				return NotImplemented, nil
			}
			r, err := starlark.Compare(op, f.s, other)
			return starlark.Bool(r), err
		}), nil
	}
	found := false
	for _, m := range frozenSetMethods {
		found = found || m == name
	}
	if !found {
		return nil, exc.New("AttributeError", "'frozenset' object has no attribute '%s'", name)
	}
	if name == "copy" {
		return method(name, func(*starlark.Thread, starlark.Tuple) (starlark.Value, error) { return f, nil }), nil
	}
	inner, err := f.s.Attr(name)
	if err != nil {
		return nil, err
	}
	return starlark.NewBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		for i, a := range args {
			if fs, ok := a.(frozenSet); ok {
				args[i] = fs.s
			}
		}
		var r starlark.Value
		if inner != nil {
			r, err = starlark.Call(t, inner, args, kwargs)
		} else { // the methods pylib adds to sets (isdisjoint)
			r, _, err = setCorpusMethod(name, f.s, args, kwargs)
		}
		if rs, ok := r.(*starlark.Set); ok && err == nil {
			return newFrozenSet(rs), nil
		}
		return r, err
	}), nil
}
