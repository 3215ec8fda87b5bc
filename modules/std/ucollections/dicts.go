package ucollections

import (
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

type dictKind int

const (
	ordered dictKind = iota
	defaulting
	counter
)

var dictKindNames = [...]string{"OrderedDict", "defaultdict", "Counter"}

// Dict is OrderedDict, defaultdict or Counter: a Starlark dict (which keeps
// insertion order) with the kind's extra behaviour and methods.
type Dict struct {
	kind    dictKind
	d       *starlark.Dict
	factory starlark.Value // defaultdict's default_factory, or None
}

var (
	_ starlark.IterableMapping = (*Dict)(nil)
	_ starlark.HasSetKey       = (*Dict)(nil)
	_ starlark.Sequence        = (*Dict)(nil)
	_ starlark.Container       = (*Dict)(nil)
	_ starlark.HasAttrs        = (*Dict)(nil)
	_ starlark.Comparable      = (*Dict)(nil)
	_ starlark.HasBinary       = (*Dict)(nil)
)

// Unwrap is the underlying dict, for encoders (json.dumps) and dict(x).
func (x *Dict) Unwrap() *starlark.Dict { return x.d }

func dictConstructor(k dictKind) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		x := &Dict{kind: k, d: starlark.NewDict(0), factory: starlark.None}
		if k == defaulting && len(args) > 0 {
			if _, ok := args[0].(starlark.Callable); !ok && args[0] != starlark.None {
				return nil, typeErr("first argument must be callable or None")
			}
			x.factory, args = args[0], args[1:]
		}
		if len(args) > 1 {
			return nil, typeErr("expected at most 1 argument, got %d", len(args))
		}
		if err := x.update(t, args, kwargs); err != nil {
			return nil, err
		}
		return x, nil
	}
}

// update is dict.update, or Counter.update, which adds counts.
func (x *Dict) update(t *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) error {
	if x.kind != counter {
		upd, _ := x.d.Attr("update")
		if len(args) > 0 {
			if m, ok := args[0].(*Dict); ok {
				args = starlark.Tuple{m.d}
			}
		}
		_, err := starlark.Call(t, upd, args, kwargs)
		return err
	}
	return x.addCounts(args, kwargs, 1)
}

func (x *Dict) addCounts(args starlark.Tuple, kwargs []starlark.Tuple, sign int) error {
	add := func(k, n starlark.Value) error {
		old, found, err := x.d.Get(k)
		if err != nil {
			return err
		}
		if !found {
			old = starlark.MakeInt(0)
		}
		if sign < 0 {
			n, err = starlark.Binary(syntax.MINUS, starlark.MakeInt(0), n)
			if err != nil {
				return err
			}
		}
		v, err := starlark.Binary(syntax.PLUS, old, n)
		if err != nil {
			return err
		}
		return x.d.SetKey(k, v)
	}
	if len(args) > 0 {
		var items []starlark.Tuple
		switch m := args[0].(type) {
		case *Dict:
			items = m.d.Items()
		case starlark.IterableMapping:
			items = m.Items()
		}
		if items != nil {
			for _, kv := range items {
				if err := add(kv[0], kv[1]); err != nil {
					return err
				}
			}
		} else {
			vals, err := iterate(args[0])
			if err != nil {
				return err
			}
			for _, v := range vals {
				if err := add(v, starlark.MakeInt(1)); err != nil {
					return err
				}
			}
		}
	}
	for _, kv := range kwargs {
		if err := add(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

func (x *Dict) Type() string          { return dictKindNames[x.kind] }
func (x *Dict) Freeze()               {}
func (x *Dict) Truth() starlark.Bool  { return x.d.Len() > 0 }
func (x *Dict) Hash() (uint32, error) { return 0, typeErr("unhashable type: '%s'", x.Type()) }
func (x *Dict) Len() int              { return x.d.Len() }
func (x *Dict) Iterate() starlark.Iterator {
	return starlark.Tuple(x.d.Keys()).Iterate() // a snapshot: deleting while iterating is allowed
}
func (x *Dict) Items() []starlark.Tuple            { return x.d.Items() }
func (x *Dict) SetKey(k, v starlark.Value) error   { return x.d.SetKey(k, v) }
func (x *Dict) Has(k starlark.Value) (bool, error) { _, found, err := x.d.Get(k); return found, err }

// Delete is `del x[k]`.
func (x *Dict) Delete(k starlark.Value) (starlark.Value, bool, error) { return x.d.Delete(k) }

// Get is x[k]: a defaultdict inserts factory() for a missing key, a
// Counter answers 0.
func (x *Dict) Get(k starlark.Value) (starlark.Value, bool, error) {
	v, found, err := x.d.Get(k)
	if err != nil || found {
		return v, found, err
	}
	switch {
	case x.kind == counter:
		return starlark.MakeInt(0), true, nil
	case x.kind == defaulting && x.factory != starlark.None:
		v, err := callFactory(x.factory)
		if err != nil {
			return nil, false, err
		}
		return v, true, x.d.SetKey(k, v)
	}
	return nil, false, exc.KeyError("%s", pyrepr.Repr(k))
}

func (x *Dict) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	other, ok := y.(*Dict)
	if !ok {
		return unlike(op, x, y)
	}
	return starlark.CompareDepth(op, x.d, other.d, depth)
}

func (x *Dict) String() string { return x.PyRepr() }

// PyRepr prints as CPython 3.11: OrderedDict([('a', 1)]),
// defaultdict(<class 'list'>, {...}), Counter({'a': 2}) by count.
func (x *Dict) PyRepr() string {
	var b strings.Builder
	b.WriteString(x.Type() + "(")
	switch x.kind {
	case ordered:
		if x.d.Len() > 0 {
			items := make(starlark.Tuple, 0, x.d.Len())
			for _, kv := range x.d.Items() {
				items = append(items, kv)
			}
			b.WriteString(pyrepr.Repr(starlark.NewList(items)))
		}
	case defaulting:
		b.WriteString(factoryRepr(x.factory) + ", " + pyrepr.Repr(x.d))
	case counter:
		if x.d.Len() > 0 {
			d := starlark.NewDict(x.d.Len())
			for _, kv := range x.mostCommon(-1) {
				_ = d.SetKey(kv[0], kv[1])
			}
			b.WriteString(pyrepr.Repr(d))
		}
	}
	b.WriteString(")")
	return b.String()
}

var builtinTypes = map[string]bool{"list": true, "dict": true, "int": true, "float": true, "str": true,
	"set": true, "tuple": true, "bool": true, "bytes": true, "bytearray": true}

func factoryRepr(f starlark.Value) string {
	switch f := f.(type) {
	case starlark.NoneType:
		return "None"
	case *starlark.Builtin:
		if builtinTypes[f.Name()] {
			return "<class '" + f.Name() + "'>"
		}
		return "<built-in function " + f.Name() + ">"
	case *starlark.Function:
		return "<function " + f.Name() + ">"
	}
	return pyrepr.Repr(f)
}

// Binary gives Counter's + and - (keeping positive counts), & and | (the
// smaller and larger count), and dict's |.
func (x *Dict) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	other, ok := y.(*Dict)
	if !ok || x.kind != counter || other.kind != counter || (op != syntax.PLUS && op != syntax.MINUS && op != syntax.AMP && op != syntax.PIPE) {
		return nil, nil
	}
	l, r := x, other
	if side == starlark.Right {
		l, r = other, x
	}
	if op == syntax.AMP || op == syntax.PIPE {
		return minMaxCounts(l, r, op == syntax.AMP)
	}
	sum := &Dict{kind: counter, d: starlark.NewDict(0), factory: starlark.None}
	_ = sum.addCounts(starlark.Tuple{l}, nil, 1)
	sign := 1
	if op == syntax.MINUS {
		sign = -1
	}
	if err := sum.addCounts(starlark.Tuple{r}, nil, sign); err != nil {
		return nil, err
	}
	out := &Dict{kind: counter, d: starlark.NewDict(0), factory: starlark.None}
	for _, kv := range sum.d.Items() {
		if pos, _ := starlark.Compare(syntax.GT, kv[1], starlark.MakeInt(0)); pos {
			_ = out.d.SetKey(kv[0], kv[1])
		}
	}
	return out, nil
}

func (x *Dict) copy() *Dict {
	c := &Dict{kind: x.kind, d: starlark.NewDict(x.d.Len()), factory: x.factory}
	for _, kv := range x.d.Items() {
		_ = c.d.SetKey(kv[0], kv[1])
	}
	return c
}

// zeroValues are what Python's int(), float(), ... return with no
// argument, which Starlark's versions do not accept.
var zeroValues = map[string]starlark.Value{"int": starlark.MakeInt(0), "float": starlark.Float(0),
	"str": starlark.String(""), "bool": starlark.False, "bytes": starlark.Bytes("")}

func callFactory(f starlark.Value) (starlark.Value, error) {
	if b, ok := f.(*starlark.Builtin); ok {
		if z, ok := zeroValues[b.Name()]; ok {
			return z, nil
		}
	}
	if t, ok := f.(interface{ Name() string }); ok { // pylib's int, list, ... types
		if z, ok := zeroValues[t.Name()]; ok && f.Type() == "type" {
			return z, nil
		}
	}
	return starlark.Call(&starlark.Thread{Name: "default_factory"}, f, nil, nil)
}

// PySubclassOf makes isinstance(x, dict) true, as these are dict subclasses.
func (x *Dict) PySubclassOf(name string) bool { return name == "dict" }

// fromkeys is OrderedDict.fromkeys(iterable, value=None).
func fromkeys(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var keys starlark.Value
	var value starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &keys, &value); err != nil {
		return nil, err
	}
	vals, err := iterate(keys)
	if err != nil {
		return nil, err
	}
	x := &Dict{kind: ordered, d: starlark.NewDict(len(vals)), factory: starlark.None}
	for _, k := range vals {
		if err := x.d.SetKey(k, value); err != nil {
			return nil, err
		}
	}
	return x, nil
}

// minMaxCounts is l & r (min counts, keys of l in order) or l | r (max
// counts, l's keys then r's new ones); only positive counts stay.
func minMaxCounts(l, r *Dict, isMin bool) (starlark.Value, error) {
	out := &Dict{kind: counter, d: starlark.NewDict(0), factory: starlark.None}
	zero := starlark.MakeInt(0)
	keep := func(k, v starlark.Value) {
		if pos, _ := starlark.Compare(syntax.GT, v, zero); pos {
			_ = out.d.SetKey(k, v)
		}
	}
	for _, kv := range l.d.Items() {
		rv, found, _ := r.d.Get(kv[0])
		if !found {
			rv = zero
		}
		v := kv[1]
		if less, _ := starlark.Compare(syntax.LT, rv, v); less == isMin {
			v = rv
		}
		keep(kv[0], v)
	}
	if !isMin {
		for _, kv := range r.d.Items() {
			if _, found, _ := l.d.Get(kv[0]); !found {
				keep(kv[0], kv[1])
			}
		}
	}
	return out, nil
}
