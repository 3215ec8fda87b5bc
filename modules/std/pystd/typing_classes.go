package pystd

import (
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/ucollections"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// typing's class-making names: NamedTuple (the class form and the
// functional NamedTuple('P', [('x', int)])) and Generic / Protocol,
// subscriptable (Generic[T]) and usable as bases.

// namedTupleBase is typing.NamedTuple.
type namedTupleBase struct{}

var (
	_ pylib.ClassMaker  = namedTupleBase{}
	_ starlark.Callable = namedTupleBase{}
)

func (namedTupleBase) String() string        { return "<function NamedTuple>" }
func (namedTupleBase) Type() string          { return "function" }
func (namedTupleBase) Name() string          { return "NamedTuple" }
func (namedTupleBase) Freeze()               {}
func (namedTupleBase) Truth() starlark.Bool  { return true }
func (namedTupleBase) Hash() (uint32, error) { return starlark.String("typing.NamedTuple").Hash() }

// MakeClass builds the named tuple a class body describes: its annotated
// names are the fields (those assigned a value have it as default), the
// rest are methods and class attributes.
func (namedTupleBase) MakeClass(_ *starlark.Thread, name string, bases starlark.Tuple, body *starlark.Dict) (starlark.Value, error) {
	if len(bases) > 1 {
		return nil, exc.TypeError("can only inherit from a NamedTuple type and Generic")
	}
	var fields []string
	values := map[string]starlark.Value{}
	attrs := starlark.StringDict{}
	for _, kv := range body.Items() {
		k, _ := starlark.AsString(kv[0])
		if f, ok := strings.CutPrefix(k, pylib.AnnotationPrefix); ok {
			fields = append(fields, f)
			continue
		}
		values[k] = kv[1]
	}
	var defaults starlark.Tuple
	var withDefault []string
	for _, f := range fields {
		v, ok := values[f]
		if ok {
			defaults = append(defaults, v)
			withDefault = append(withDefault, f)
			delete(values, f)
			continue
		}
		if len(defaults) > 0 {
			s := ""
			if len(withDefault) > 1 {
				s = "s"
			}
			return nil, exc.TypeError("Non-default namedtuple field %s cannot follow default field%s %s", f, s, strings.Join(withDefault, ", "))
		}
	}
	for k, v := range values {
		if k != "__doc__" && k != "__module__" && k != "__qualname__" {
			attrs[k] = v
		}
	}
	return ucollections.NewTupleType(name, fields, defaults, attrs)
}

// CallInternal is NamedTuple('Name', [('field', type), ...]).
func (namedTupleBase) CallInternal(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	var fieldsv starlark.Value = starlark.NewList(nil)
	if err := starlark.UnpackPositionalArgs("NamedTuple", args, nil, 1, &name, &fieldsv); err != nil {
		return nil, err
	}
	pairs, err := pylib.Collect(nil, fieldsv)
	if err != nil {
		return nil, err
	}
	var fields []string
	for _, p := range pairs {
		t, ok := p.(starlark.Tuple)
		if !ok || len(t) != 2 {
			return nil, exc.TypeError("NamedTuple('Name', [(f0, t0), (f1, t1), ...]); each t must be a type")
		}
		f, ok := t[0].(starlark.String)
		if !ok {
			return nil, exc.TypeError("Type names and field names must be strings")
		}
		fields = append(fields, string(f))
	}
	for _, kv := range kwargs { // NamedTuple('P', x=int, y=int)
		fields = append(fields, string(kv[0].(starlark.String)))
	}
	return ucollections.NewTupleType(name, fields, nil, nil)
}

// genericBase is typing.Generic or typing.Protocol: Generic[T] is the
// same base again, and a class deriving from it is a plain class.
type genericBase struct {
	name  string
	class starlark.Value // the plain class put in its place among the bases
}

var (
	_ pylib.ClassMaker = (*genericBase)(nil)
	_ starlark.Mapping = (*genericBase)(nil)
)

func newGenericBase(name string) *genericBase {
	return &genericBase{name: name, class: pylib.NewGenericClass(name)}
}

func (g *genericBase) String() string        { return "<class 'typing." + g.name + "'>" }
func (g *genericBase) Type() string          { return "type" }
func (g *genericBase) Name() string          { return g.name }
func (g *genericBase) Freeze()               {}
func (g *genericBase) Truth() starlark.Bool  { return true }
func (g *genericBase) Hash() (uint32, error) { return starlark.String("typing." + g.name).Hash() }

// Get is Generic[T]: still the base (the parameters are not checked).
func (g *genericBase) Get(starlark.Value) (starlark.Value, bool, error) { return g, true, nil }

func (g *genericBase) MakeClass(t *starlark.Thread, name string, bases starlark.Tuple, body *starlark.Dict) (starlark.Value, error) {
	out := make(starlark.Tuple, len(bases))
	for i, b := range bases {
		if gb, ok := b.(*genericBase); ok {
			b = gb.class
		}
		out[i] = b
	}
	return pylib.NewClass(t, name, out, body)
}
