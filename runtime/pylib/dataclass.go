package pylib

import (
	"strings"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// A dataclass's fields come from its class body's annotations (the
// translator keeps them in C.__annotations__), in order, after the
// fields of dataclass bases; the generated methods are Go builtins.

// Missing is dataclasses.MISSING: a field without a default.
var Missing starlark.Value = missingType{}

type missingType struct{}

func (missingType) String() string        { return "<dataclasses._MISSING_TYPE object>" }
func (missingType) Type() string          { return "_MISSING_TYPE" }
func (missingType) Freeze()               {}
func (missingType) Truth() starlark.Bool  { return true }
func (missingType) Hash() (uint32, error) { return 0x4d495353, nil }

// Field is what dataclasses.field() returns and fields() lists.
type Field struct {
	name, typ             string
	dflt, factory         starlark.Value // Missing when absent
	init, repr, compare   bool
	hash                  starlark.Value
	kwOnly                bool
	metadata              starlark.Value
	classVar, initVarOnly bool
}

// NewField is dataclasses.field(default=, default_factory=, init=, repr=, compare=, ...).
func NewField(dflt, factory starlark.Value, init, repr, compare bool, hash, metadata starlark.Value) *Field {
	return &Field{dflt: dflt, factory: factory, init: init, repr: repr, compare: compare, hash: hash, metadata: metadata}
}

func (f *Field) String() string {
	return "Field(name=" + pyrepr.Repr(starlark.String(f.name)) + ",type=" + f.typ + ",default=" + pyrepr.Repr(f.dflt) + ")"
}
func (f *Field) Type() string          { return "Field" }
func (f *Field) Freeze()               {}
func (f *Field) Truth() starlark.Bool  { return true }
func (f *Field) Hash() (uint32, error) { return starlark.String(f.name).Hash() }
func (f *Field) AttrNames() []string {
	return []string{"compare", "default", "default_factory", "hash", "init", "metadata", "name", "repr", "type"}
}
func (f *Field) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String(f.name), nil
	case "type":
		return starlark.String(f.typ), nil
	case "default":
		return f.dflt, nil
	case "default_factory":
		return f.factory, nil
	case "init":
		return starlark.Bool(f.init), nil
	case "repr":
		return starlark.Bool(f.repr), nil
	case "compare":
		return starlark.Bool(f.compare), nil
	case "hash":
		return f.hash, nil
	case "metadata":
		return f.metadata, nil
	}
	return nil, nil
}

// DataclassOptions are the keywords of @dataclass(...).
type DataclassOptions struct {
	Init, Repr, Eq, Order, Frozen, UnsafeHash bool
}

const dcFields = "__dataclass_fields__"

// frozenError is made on first use: at package initialisation the
// built-in exception classes' methods do not exist yet.
var frozenError = sync.OnceValue(func() *Class { return NewExceptionClass("FrozenInstanceError", "AttributeError") })

// FrozenInstanceError is dataclasses.FrozenInstanceError.
func FrozenInstanceError() *Class { return frozenError() }

// MakeDataclass turns class v into a dataclass, as @dataclass does.
func MakeDataclass(v starlark.Value, o DataclassOptions) (starlark.Value, error) {
	c, ok := v.(*Class)
	if !ok {
		return nil, exc.TypeError("dataclass() should be called on a class, not %s", pyTypeName(v))
	}
	var fields []*Field
	index := map[string]int{}
	add := func(f *Field) {
		if i, ok := index[f.name]; ok {
			fields[i] = f
			return
		}
		index[f.name] = len(fields)
		fields = append(fields, f)
	}
	mro := c.linearization()
	for i := len(mro) - 1; i > 0; i-- {
		if d, ok := mro[i].dict[dcFields].(*starlark.Dict); ok {
			for _, it := range d.Items() {
				if f, ok := it[1].(*Field); ok {
					add(f)
				}
			}
		}
	}
	if annots, ok := c.dict["__annotations__"].(*starlark.Dict); ok {
		for _, it := range annots.Items() {
			name, _ := starlark.AsString(it[0])
			typ, _ := starlark.AsString(it[1])
			f := &Field{dflt: Missing, factory: Missing, init: true, repr: true, compare: true, hash: starlark.None, metadata: new(starlark.Dict)}
			if given, ok := c.dict[name].(*Field); ok {
				*f = *given
			} else if dv, ok := c.dict[name]; ok {
				f.dflt = dv
			}
			f.name, f.typ = name, typ
			if strings.HasPrefix(typ, "ClassVar") || strings.Contains(typ, ".ClassVar") {
				continue
			}
			if f.dflt != Missing {
				c.dict[name] = f.dflt
			} else if _, ok := c.dict[name].(*Field); ok {
				delete(c.dict, name)
			}
			add(f)
		}
	}
	seenDefault := false
	for _, f := range fields {
		if !f.init {
			continue
		}
		if f.dflt != Missing || f.factory != Missing {
			seenDefault = true
		} else if seenDefault {
			return nil, exc.TypeError("non-default argument '%s' follows default argument", f.name)
		}
	}
	fd := new(starlark.Dict)
	for _, f := range fields {
		fd.SetKey(starlark.String(f.name), f)
	}
	c.SetField(dcFields, fd)
	if _, own := c.dict["__match_args__"]; !own { // case Point(x, y): the __init__ fields
		var names starlark.Tuple
		for _, f := range fields {
			if f.init && !f.kwOnly {
				names = append(names, starlark.String(f.name))
			}
		}
		c.SetField("__match_args__", names)
	}
	set := func(name string, fn func(*starlark.Thread, *Instance, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)) {
		if _, own := c.dict[name]; own && name != "__setattr__" {
			return // a method the class defines itself wins
		}
		c.SetField(name, methodBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if len(args) == 0 {
				return nil, exc.TypeError("%s() needs self", name)
			}
			self, ok := args[0].(*Instance)
			if !ok {
				return nil, exc.TypeError("%s() needs an instance", name)
			}
			return fn(t, self, args[1:], kw)
		}))
	}
	if o.Init {
		set("__init__", func(t *starlark.Thread, x *Instance, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return starlark.None, dataclassInit(t, x, fields, o.Frozen, args, kw)
		})
	}
	if o.Repr {
		set("__repr__", func(_ *starlark.Thread, x *Instance, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			var b strings.Builder
			b.WriteString(x.class.name + "(")
			n := 0
			for _, f := range fields {
				if !f.repr {
					continue
				}
				v, err := x.Attr(f.name)
				if err != nil {
					return nil, err
				}
				s, err := pyrepr.ReprErr(v)
				if err != nil {
					return nil, err
				}
				if n > 0 {
					b.WriteString(", ")
				}
				n++
				b.WriteString(f.name + "=" + s)
			}
			b.WriteString(")")
			return starlark.String(b.String()), nil
		})
	}
	values := func(x *Instance) (starlark.Tuple, error) {
		var t starlark.Tuple
		for _, f := range fields {
			if f.compare {
				v, err := x.Attr(f.name)
				if err != nil {
					return nil, err
				}
				t = append(t, v)
			}
		}
		return t, nil
	}
	compare := func(name string, op syntax.Token) {
		set(name, func(_ *starlark.Thread, x *Instance, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			if len(args) != 1 {
				return nil, exc.TypeError("%s() takes exactly one argument", name)
			}
			y, ok := args[0].(*Instance)
			if !ok || y.class != x.class {
				return NotImplemented, nil
			}
			a, err := values(x)
			if err != nil {
				return nil, err
			}
			b, err := values(y)
			if err != nil {
				return nil, err
			}
			r, err := starlark.Compare(op, a, b)
			return starlark.Bool(r), err
		})
	}
	if o.Eq {
		compare("__eq__", syntax.EQL)
	}
	if o.Order {
		compare("__lt__", syntax.LT)
		compare("__le__", syntax.LE)
		compare("__gt__", syntax.GT)
		compare("__ge__", syntax.GE)
	}
	if o.Frozen {
		set("__setattr__", func(_ *starlark.Thread, x *Instance, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			name := ""
			if len(args) > 0 {
				name, _ = starlark.AsString(args[0])
			}
			return nil, frozenError().Raise("cannot assign to field '" + name + "'")
		})
		set("__delattr__", func(_ *starlark.Thread, x *Instance, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			name := ""
			if len(args) > 0 {
				name, _ = starlark.AsString(args[0])
			}
			return nil, frozenError().Raise("cannot delete field '" + name + "'")
		})
	}
	if o.Frozen && o.Eq || o.UnsafeHash {
		set("__hash__", func(_ *starlark.Thread, x *Instance, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			t, err := values(x)
			if err != nil {
				return nil, err
			}
			h, err := t.Hash()
			return starlark.MakeUint(uint(h)), err
		})
	}
	return c, nil
}

// dataclassInit binds the generated __init__'s arguments to the fields.
func dataclassInit(t *starlark.Thread, x *Instance, fields []*Field, frozen bool, args starlark.Tuple, kw []starlark.Tuple) error {
	name := x.class.name + ".__init__"
	var params []*Field
	for _, f := range fields {
		if f.init {
			params = append(params, f)
		}
	}
	if len(args) > len(params) {
		required := 1
		for _, f := range params {
			if f.dflt == Missing && f.factory == Missing {
				required++
			}
		}
		if required <= len(params) {
			return exc.TypeError("%s() takes from %d to %d positional arguments but %d were given", name, required, len(params)+1, len(args)+1)
		}
		return exc.TypeError("%s() takes %d positional argument%s but %d were given", name, len(params)+1, plural(len(params)+1), len(args)+1)
	}
	got := map[string]starlark.Value{}
	for i, a := range args {
		got[params[i].name] = a
	}
	for _, p := range kw {
		k, _ := starlark.AsString(p[0])
		known := false
		for _, f := range params {
			known = known || f.name == k
		}
		if !known {
			return exc.TypeError("%s() got an unexpected keyword argument '%s'", name, k)
		}
		if _, dup := got[k]; dup {
			return exc.TypeError("%s() got multiple values for argument '%s'", name, k)
		}
		got[k] = p[1]
	}
	var missing []string
	for _, f := range fields {
		v, ok := got[f.name]
		if !ok || !f.init {
			switch {
			case f.factory != Missing:
				var err error
				if v, err = starlark.Call(t, f.factory, nil, nil); err != nil {
					return err
				}
			case f.dflt != Missing:
				v = f.dflt
			case f.init:
				missing = append(missing, "'"+f.name+"'")
				continue
			default:
				continue
			}
		}
		var err error
		if frozen {
			err = x.setAttrDirect(f.name, v)
		} else {
			err = x.SetField(f.name, v)
		}
		if err != nil {
			return err
		}
	}
	if len(missing) > 0 {
		return exc.TypeError("%s() missing %d required positional argument%s: %s", name, len(missing), plural(len(missing)), joinAnd(missing))
	}
	if post, _ := x.class.find("__post_init__"); post != nil {
		_, err := starlark.Call(t, bind(post, x), nil, nil)
		return err
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func joinAnd(q []string) string {
	switch len(q) {
	case 1:
		return q[0]
	case 2:
		return q[0] + " and " + q[1]
	}
	return strings.Join(q[:len(q)-1], ", ") + ", and " + q[len(q)-1]
}

// DataclassFields is dataclasses.fields(x) for a dataclass or its instance.
func DataclassFields(v starlark.Value) (starlark.Tuple, error) {
	c, ok := v.(*Class)
	if x, isInst := v.(*Instance); isInst {
		c, ok = x.class, true
	}
	var d *starlark.Dict
	if ok {
		d, _ = c.lookup(dcFields).(*starlark.Dict)
	}
	if d == nil {
		return nil, exc.TypeError("must be called with a dataclass type or instance")
	}
	var out starlark.Tuple
	for _, it := range d.Items() {
		out = append(out, it[1])
	}
	return out, nil
}

// IsDataclass is dataclasses.is_dataclass.
func IsDataclass(v starlark.Value) bool {
	_, err := DataclassFields(v)
	return err == nil
}

// FieldName is f.name of a Field.
func FieldName(f starlark.Value) string {
	if f, ok := f.(*Field); ok {
		return f.name
	}
	return ""
}

// FieldInit reports whether field f is an __init__ parameter.
func FieldInit(f starlark.Value) bool {
	ff, ok := f.(*Field)
	return ok && ff.init
}
