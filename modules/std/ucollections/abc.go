package ucollections

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

func init() {
	runtime.Register(runtime.Module{Name: "collections.abc", Doc: "abstract container classes for isinstance (Mapping, Sequence, Iterable, ...)", New: newABC})
}

// ABC is an abstract base class of collections.abc: isinstance asks what
// the value can do, as CPython's registrations do for the built-in types.
type ABC struct {
	name string
	test func(starlark.Value) bool
}

func (a *ABC) String() string        { return "<class 'collections.abc." + a.name + "'>" }
func (a *ABC) PyRepr() string        { return a.String() }
func (a *ABC) Type() string          { return "ABCMeta" }
func (a *ABC) Freeze()               {}
func (a *ABC) Truth() starlark.Bool  { return true }
func (a *ABC) Hash() (uint32, error) { return starlark.String(a.name).Hash() }
func (a *ABC) Name() string          { return a.name }

// IsInstance answers isinstance(v, a).
func (a *ABC) IsInstance(v starlark.Value) bool { return a.test(v) }

func (a *ABC) CallInternal(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return nil, exc.TypeError("Can't instantiate abstract class %s", a.name)
}

func isMapping(v starlark.Value) bool { _, ok := v.(starlark.Mapping); return ok }

func isSequence(v starlark.Value) bool {
	switch v.(type) {
	case starlark.String, starlark.Bytes:
		return true
	}
	_, ok := v.(starlark.Indexable)
	return ok && !isMapping(v)
}

func isIterable(v starlark.Value) bool {
	switch v.(type) {
	case starlark.String, starlark.Bytes:
		return true
	}
	_, ok := v.(starlark.Iterable)
	return ok
}

func isSized(v starlark.Value) bool { return starlark.Len(v) >= 0 }

func newABC(env *runtime.Env) (starlark.StringDict, error) {
	abcs := []*ABC{
		{"Iterable", isIterable},
		{"Container", func(v starlark.Value) bool {
			_, ok := v.(starlark.Container)
			return ok || isMapping(v) || isIterable(v)
		}},
		{"Sized", isSized},
		{"Collection", func(v starlark.Value) bool { return isSized(v) && isIterable(v) }},
		{"Hashable", func(v starlark.Value) bool { _, err := v.Hash(); return err == nil }},
		{"Callable", func(v starlark.Value) bool { _, ok := v.(starlark.Callable); return ok }},
		{"Mapping", isMapping},
		{"MutableMapping", func(v starlark.Value) bool { _, ok := v.(starlark.HasSetKey); return ok && isMapping(v) }},
		{"Sequence", isSequence},
		{"MutableSequence", func(v starlark.Value) bool { _, ok := v.(starlark.HasSetIndex); return ok }},
		{"Set", func(v starlark.Value) bool { _, ok := v.(*starlark.Set); return ok }},
		{"MutableSet", func(v starlark.Value) bool { _, ok := v.(*starlark.Set); return ok }},
		{"Iterator", func(v starlark.Value) bool { return false }},
	}
	d := starlark.StringDict{}
	for _, a := range abcs {
		d[a.name] = a
	}
	return d, nil
}
