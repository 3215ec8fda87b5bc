// Package ntuple is a named tuple: a tuple whose items are also attributes,
// like CPython's time.struct_time or urllib's ParseResult.
package ntuple

import (
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// Tuple is an immutable named tuple.
type Tuple struct {
	TypeName string   // shown by repr, e.g. "time.struct_time"
	Fields   []string // attribute names, one per item
	Items    starlark.Tuple
	Extra    starlark.StringDict // attributes that are not items
	// Lazy attributes are computed on access and may fail (ParseResult.port).
	Lazy map[string]func() (starlark.Value, error)
}

var (
	_ starlark.Indexable  = (*Tuple)(nil)
	_ starlark.Sequence   = (*Tuple)(nil)
	_ starlark.HasAttrs   = (*Tuple)(nil)
	_ starlark.Comparable = (*Tuple)(nil)
)

// New returns a named tuple; len(fields) must equal len(items).
func New(typeName string, fields []string, items ...starlark.Value) *Tuple {
	return &Tuple{TypeName: typeName, Fields: fields, Items: items}
}

func (t *Tuple) String() string        { return t.PyRepr() }
func (t *Tuple) Type() string          { return t.TypeName }
func (t *Tuple) Freeze()               { t.Items.Freeze() }
func (t *Tuple) Truth() starlark.Bool  { return len(t.Items) > 0 }
func (t *Tuple) Hash() (uint32, error) { return t.Items.Hash() }
func (t *Tuple) Len() int              { return len(t.Items) }
func (t *Tuple) Index(i int) starlark.Value {
	return t.Items[i]
}
func (t *Tuple) Iterate() starlark.Iterator { return t.Items.Iterate() }

// Slice lets t[a:b] work as on a tuple.
func (t *Tuple) Slice(start, end, step int) starlark.Value { return t.Items.Slice(start, end, step) }

func (t *Tuple) Attr(name string) (starlark.Value, error) {
	for i, f := range t.Fields {
		if f == name {
			return t.Items[i], nil
		}
	}
	if v, ok := t.Extra[name]; ok {
		return v, nil
	}
	if f, ok := t.Lazy[name]; ok {
		return f()
	}
	return nil, nil
}

func (t *Tuple) AttrNames() []string {
	names := append([]string(nil), t.Fields...)
	for k := range t.Extra {
		names = append(names, k)
	}
	for k := range t.Lazy {
		names = append(names, k)
	}
	return names
}

// CompareSameType compares as plain tuples do.
func (t *Tuple) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, t.Items, y.(*Tuple).Items, depth)
}

// PyRepr prints like CPython: name(field=value, ...).
func (t *Tuple) PyRepr() string {
	var b strings.Builder
	b.WriteString(t.TypeName)
	b.WriteByte('(')
	for i, f := range t.Fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(f)
		b.WriteByte('=')
		b.WriteString(pyrepr.Repr(t.Items[i]))
	}
	b.WriteByte(')')
	return b.String()
}
