package ucollections

import (
	"fmt"
	"strings"
	"unicode"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// TupleType is the class namedtuple() returns: calling it makes a NamedTuple.
type TupleType struct {
	name     string
	fields   []string
	defaults starlark.Tuple      // for the last len(defaults) fields
	attrs    starlark.StringDict // methods and class attributes (typing.NamedTuple's class body)
}

// NewTupleType is a named tuple class with methods and class attributes
// besides its fields: the class statement deriving from typing.NamedTuple.
func NewTupleType(name string, fields []string, defaults starlark.Tuple, attrs starlark.StringDict) (*TupleType, error) {
	if err := validate(name, fields, false); err != nil {
		return nil, err
	}
	return &TupleType{name: name, fields: fields, defaults: defaults, attrs: attrs}, nil
}

var (
	_ starlark.Callable = (*TupleType)(nil)
	_ starlark.HasAttrs = (*TupleType)(nil)
)

var keywords = map[string]bool{"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true, "def": true, "del": true,
	"elif": true, "else": true, "except": true, "finally": true, "for": true, "from": true, "global": true,
	"if": true, "import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true,
	"or": true, "pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true}

func isIdentifier(s string) bool {
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
			return false
		}
	}
	return s != ""
}

// namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)
func newNamedTupleType(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name, fieldsv, rename, defaults, module starlark.Value
	if err := pyargs.Unpack("namedtuple", args, kwargs, []string{"typename", "field_names", "rename?", "defaults?", "module?"},
		&name, &fieldsv, &rename, &defaults, &module); err != nil {
		return nil, err
	}
	typ := &TupleType{}
	var ok bool
	if typ.name, ok = pyargs.AsText(name); !ok {
		return nil, typeErr("namedtuple() argument 'typename' must be str, not %s", pyargs.TypeName(name))
	}
	fields, err := fieldNames(fieldsv)
	if err != nil {
		return nil, err
	}
	renamed := rename != nil && bool(rename.Truth())
	if renamed {
		renameInvalid(fields)
	}
	if err := validate(typ.name, fields, renamed); err != nil {
		return nil, err
	}
	typ.fields = fields
	if !pyargs.IsNone(defaults) {
		vals, err := iterate(defaults)
		if err != nil {
			return nil, err
		}
		if len(vals) > len(fields) {
			return nil, typeErr("Got more default values than field names")
		}
		typ.defaults = vals
	}
	return typ, nil
}

func fieldNames(v starlark.Value) ([]string, error) {
	if s, ok := v.(starlark.String); ok {
		return strings.Fields(strings.ReplaceAll(string(s), ",", " ")), nil
	}
	vals, err := iterate(v)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(vals))
	for i, x := range vals {
		s, ok := x.(starlark.String)
		if !ok {
			return nil, typeErr("Type names and field names must be strings")
		}
		out[i] = string(s)
	}
	return out, nil
}

func renameInvalid(fields []string) {
	seen := map[string]bool{}
	for i, f := range fields {
		if !isIdentifier(f) || keywords[f] || strings.HasPrefix(f, "_") || seen[f] {
			fields[i] = fmt.Sprintf("_%d", i)
		}
		seen[fields[i]] = true
	}
}

func validate(name string, fields []string, renamed bool) error {
	for _, n := range append([]string{name}, fields...) {
		if !isIdentifier(n) {
			return exc.ValueError("Type names and field names must be valid identifiers: %s", pyrepr.Repr(starlark.String(n)))
		}
		if keywords[n] {
			return exc.ValueError("Type names and field names cannot be a keyword: %s", pyrepr.Repr(starlark.String(n)))
		}
	}
	seen := map[string]bool{}
	for _, f := range fields {
		if strings.HasPrefix(f, "_") && !renamed {
			return exc.ValueError("Field names cannot start with an underscore: %s", pyrepr.Repr(starlark.String(f)))
		}
		if seen[f] {
			return exc.ValueError("Encountered duplicate field name: %s", pyrepr.Repr(starlark.String(f)))
		}
		seen[f] = true
	}
	return nil
}

func (c *TupleType) String() string        { return "<class '__main__." + c.name + "'>" }
func (c *TupleType) PyRepr() string        { return c.String() }
func (c *TupleType) Type() string          { return "type" }
func (c *TupleType) Freeze()               {}
func (c *TupleType) Truth() starlark.Bool  { return true }
func (c *TupleType) Hash() (uint32, error) { return starlark.String(c.name).Hash() }
func (c *TupleType) Name() string          { return c.name }

// IsInstance answers isinstance(v, c).
func (c *TupleType) IsInstance(v starlark.Value) bool {
	p, ok := v.(*NamedTuple)
	return ok && p.typ == c
}

func (c *TupleType) fieldTuple() starlark.Tuple {
	t := make(starlark.Tuple, len(c.fields))
	for i, f := range c.fields {
		t[i] = starlark.String(f)
	}
	return t
}

func (c *TupleType) AttrNames() []string {
	return append([]string{"__match_args__", "__name__", "_field_defaults", "_fields", "_make"}, c.attrs.Keys()...)
}

func (c *TupleType) Attr(name string) (starlark.Value, error) {
	if v, ok := c.attrs[name]; ok {
		return v, nil
	}
	switch name {
	case "__name__":
		return starlark.String(c.name), nil
	case "_fields", "__match_args__": // case Point(x, y): matches by field
		return c.fieldTuple(), nil
	case "_field_defaults":
		d := starlark.NewDict(len(c.defaults))
		off := len(c.fields) - len(c.defaults)
		for i, v := range c.defaults {
			_ = d.SetKey(starlark.String(c.fields[off+i]), v)
		}
		return d, nil
	case "_make":
		return starlark.NewBuiltin("_make", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var it starlark.Value
			if err := starlark.UnpackPositionalArgs("_make", args, kwargs, 1, &it); err != nil {
				return nil, err
			}
			vals, err := iterate(it)
			if err != nil {
				return nil, err
			}
			if len(vals) != len(c.fields) {
				return nil, typeErr("Expected %d arguments, got %d", len(c.fields), len(vals))
			}
			return &NamedTuple{typ: c, items: vals}, nil
		}), nil
	}
	return nil, nil
}

// CallInternal binds arguments as Point.__new__(cls, x, y) would.
func (c *TupleType) CallInternal(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n := len(c.fields)
	fn := c.name + ".__new__()"
	if len(args) > n {
		return nil, typeErr("%s takes %d positional arguments but %d were given", fn, n+1, len(args)+1)
	}
	items := make(starlark.Tuple, n)
	copy(items, args)
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		i := indexOf(c.fields, k)
		if i < 0 {
			return nil, typeErr("%s got an unexpected keyword argument '%s'", fn, k)
		}
		if items[i] != nil {
			return nil, typeErr("%s got multiple values for argument '%s'", fn, k)
		}
		items[i] = kv[1]
	}
	off := n - len(c.defaults)
	var missing []string
	for i := range items {
		if items[i] == nil {
			if i >= off {
				items[i] = c.defaults[i-off]
				continue
			}
			missing = append(missing, "'"+c.fields[i]+"'")
		}
	}
	if len(missing) > 0 {
		return nil, typeErr("%s missing %d required positional argument%s: %s", fn, len(missing), plurals(len(missing)), joinNames(missing))
	}
	return &NamedTuple{typ: c, items: items}, nil
}

func plurals(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// joinNames is CPython's list of names: 'a', 'b' and 'c'.
func joinNames(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// NamedTuple is one instance: a tuple whose items are also attributes.
type NamedTuple struct {
	typ   *TupleType
	items starlark.Tuple
}

var (
	_ starlark.Indexable  = (*NamedTuple)(nil)
	_ starlark.Sliceable  = (*NamedTuple)(nil)
	_ starlark.HasAttrs   = (*NamedTuple)(nil)
	_ starlark.Comparable = (*NamedTuple)(nil)
	_ starlark.Container  = (*NamedTuple)(nil)
)

func (p *NamedTuple) String() string {
	var b strings.Builder
	b.WriteString(p.typ.name + "(")
	for i, f := range p.typ.fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(f + "=" + pyrepr.Repr(p.items[i]))
	}
	b.WriteString(")")
	return b.String()
}
func (p *NamedTuple) PyRepr() string             { return p.String() }
func (p *NamedTuple) Type() string               { return p.typ.name }
func (p *NamedTuple) Freeze()                    { p.items.Freeze() }
func (p *NamedTuple) Truth() starlark.Bool       { return len(p.items) > 0 }
func (p *NamedTuple) Hash() (uint32, error)      { return p.items.Hash() }
func (p *NamedTuple) Len() int                   { return len(p.items) }
func (p *NamedTuple) Index(i int) starlark.Value { return p.items[i] }
func (p *NamedTuple) Iterate() starlark.Iterator { return p.items.Iterate() }
func (p *NamedTuple) Slice(start, end, step int) starlark.Value {
	return p.items.Slice(start, end, step)
}
func (p *NamedTuple) Has(x starlark.Value) (bool, error) { return p.items.Has(x) }

func (p *NamedTuple) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	other, ok := y.(*NamedTuple)
	if !ok {
		return unlike(op, p, y)
	}
	return starlark.CompareDepth(op, p.items, other.items, depth)
}

func (p *NamedTuple) AttrNames() []string {
	return append(append([]string{"_asdict", "_fields", "_replace", "count", "index"}, p.typ.fields...), p.typ.attrs.Keys()...)
}

func (p *NamedTuple) Attr(name string) (starlark.Value, error) {
	if i := indexOf(p.typ.fields, name); i >= 0 {
		return p.items[i], nil
	}
	if v, ok := p.typ.attrs[name]; ok {
		return pylib.Bind(v, p), nil
	}
	switch name {
	case "_fields":
		return p.typ.fieldTuple(), nil
	case "_asdict":
		return starlark.NewBuiltin(name, p.asdict), nil
	case "_replace":
		return starlark.NewBuiltin(name, p.replace), nil
	case "count", "index":
		return starlark.NewBuiltin(name, p.countOrIndex), nil
	}
	return nil, nil
}

func (p *NamedTuple) asdict(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("_asdict", args, kwargs, 0); err != nil {
		return nil, err
	}
	d := starlark.NewDict(len(p.items))
	for i, f := range p.typ.fields {
		_ = d.SetKey(starlark.String(f), p.items[i])
	}
	return d, nil
}

func (p *NamedTuple) replace(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 0 {
		return nil, typeErr("%s._replace() takes 1 positional argument but %d were given", p.typ.name, len(args)+1)
	}
	items := append(starlark.Tuple(nil), p.items...)
	var unknown []string
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		if i := indexOf(p.typ.fields, k); i >= 0 {
			items[i] = kv[1]
		} else {
			unknown = append(unknown, pyrepr.Repr(kv[0]))
		}
	}
	if len(unknown) > 0 {
		return nil, exc.ValueError("Got unexpected field names: [%s]", strings.Join(unknown, ", "))
	}
	return &NamedTuple{typ: p.typ, items: items}, nil
}

func (p *NamedTuple) countOrIndex(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	n := 0
	for i, v := range p.items {
		eq, err := starlark.Equal(v, x)
		if err != nil {
			return nil, err
		}
		if eq && b.Name() == "index" {
			return starlark.MakeInt(i), nil
		}
		if eq {
			n++
		}
	}
	if b.Name() == "index" {
		return nil, exc.ValueError("tuple.index(x): x not in tuple")
	}
	return starlark.MakeInt(n), nil
}

// PySubclassOf makes isinstance(p, tuple) true.
func (p *NamedTuple) PySubclassOf(name string) bool { return name == "tuple" }
