package ucollections

import (
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

var typeErr = exc.TypeError

// Deque is collections.deque. maxlen < 0 means unbounded; with raiseFull
// (QuecPython's flag=1) an append to a full deque raises IndexError('full')
// instead of dropping the item at the other end.
type Deque struct {
	items     []starlark.Value
	maxlen    int
	raiseFull bool
	micro     bool // made by ucollections: MicroPython's error messages
}

// newMicroDeque is ucollections.deque: popping an empty one raises
// IndexError('empty'), as the firmware does (scripts compare str(e)).
func newMicroDeque(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := newDeque(t, b, args, kwargs)
	if d, ok := v.(*Deque); ok {
		d.micro = true
	}
	return v, err
}

var (
	_ starlark.Indexable   = (*Deque)(nil)
	_ starlark.HasSetIndex = (*Deque)(nil)
	_ starlark.Iterable    = (*Deque)(nil)
	_ starlark.Container   = (*Deque)(nil)
	_ starlark.HasAttrs    = (*Deque)(nil)
	_ starlark.Comparable  = (*Deque)(nil)
)

// deque(iterable=(), maxlen=None, flag=0): QuecPython passes maxlen
// positionally and requires it; CPython does not.
func newDeque(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var iterable, maxlen, flag starlark.Value
	if err := pyargs.Unpack("deque", args, kwargs, []string{"iterable?", "maxlen?", "flag?"}, &iterable, &maxlen, &flag); err != nil {
		return nil, err
	}
	d := &Deque{maxlen: -1}
	if !pyargs.IsNone(maxlen) {
		n, ok := maxlen.(starlark.Int)
		if !ok {
			return nil, typeErr("an integer is required")
		}
		m, ok := n.Int64()
		if !ok || m < 0 {
			return nil, exc.ValueError("maxlen must be non-negative")
		}
		d.maxlen = int(m)
	}
	if flag != nil {
		d.raiseFull = bool(flag.Truth())
	}
	if !pyargs.IsNone(iterable) {
		vals, err := iterate(iterable)
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			if err := d.push(v, false); err != nil {
				return nil, err
			}
		}
	}
	return d, nil
}

func (d *Deque) String() string {
	var b strings.Builder
	b.WriteString("deque([")
	for i, v := range d.items {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(pyrepr.Repr(v))
	}
	b.WriteString("]")
	if d.maxlen >= 0 {
		b.WriteString(", maxlen=")
		b.WriteString(starlark.MakeInt(d.maxlen).String())
	}
	b.WriteString(")")
	return b.String()
}
func (d *Deque) PyRepr() string             { return d.String() }
func (d *Deque) Type() string               { return "deque" }
func (d *Deque) Freeze()                    {}
func (d *Deque) Truth() starlark.Bool       { return len(d.items) > 0 }
func (d *Deque) Hash() (uint32, error)      { return 0, typeErr("unhashable type: 'deque'") }
func (d *Deque) Len() int                   { return len(d.items) }
func (d *Deque) Index(i int) starlark.Value { return d.items[i] }
func (d *Deque) SetIndex(i int, v starlark.Value) error {
	d.items[i] = v
	return nil
}

// Iterate walks a snapshot, so appending inside the loop cannot loop forever.
func (d *Deque) Iterate() starlark.Iterator {
	return starlark.Tuple(append([]starlark.Value(nil), d.items...)).Iterate()
}

func (d *Deque) Has(x starlark.Value) (bool, error) {
	for _, v := range d.items {
		if eq, err := starlark.Equal(v, x); err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

func (d *Deque) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	other, ok := y.(*Deque) // a script class named deque has the same Type()
	if !ok {
		return unlike(op, d, y)
	}
	return starlark.CompareDepth(op, starlark.Tuple(d.items), starlark.Tuple(other.items), depth)
}

// push adds v at the right (or left), dropping from the other end when full.
func (d *Deque) push(v starlark.Value, left bool) error {
	if d.maxlen == 0 {
		return nil
	}
	if d.maxlen > 0 && len(d.items) >= d.maxlen {
		if d.raiseFull {
			return exc.New("IndexError", "full")
		}
		if left {
			d.items = d.items[:len(d.items)-1]
		} else {
			d.items = d.items[1:]
		}
	}
	if left {
		d.items = append([]starlark.Value{v}, d.items...)
	} else {
		d.items = append(d.items, v)
	}
	return nil
}

// Delete is `del d[i]`.
func (d *Deque) Delete(k starlark.Value) (starlark.Value, bool, error) {
	n, ok := k.(starlark.Int)
	if !ok {
		return nil, false, typeErr("sequence index must be integer, not '%s'", pyargs.TypeName(k))
	}
	i64, _ := n.Int64()
	i := int(i64)
	if i < 0 {
		i += len(d.items)
	}
	if i < 0 || i >= len(d.items) {
		return nil, false, exc.New("IndexError", "deque index out of range")
	}
	v := d.items[i]
	d.items = append(d.items[:i:i], d.items[i+1:]...)
	return v, true, nil
}

// unlike compares values of different Go types that share a type name:
// unequal, and not ordered.
func unlike(op syntax.Token, x, y starlark.Value) (bool, error) {
	switch op {
	case syntax.EQL:
		return false, nil
	case syntax.NEQ:
		return true, nil
	}
	return false, typeErr("'%s' not supported between these '%s' values", op, x.Type())
}
