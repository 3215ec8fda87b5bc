// Package typing provides CPython's typing module for scripts whose
// annotations import from it. The front end drops annotations, so the
// names only need to exist: List[int], Optional[str] and friends index to
// themselves, TypeVar makes a name, cast returns its value, overload and
// final are identity decorators, TYPE_CHECKING is False.
package typing

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

func init() {
	runtime.Register(runtime.Module{Name: "typing", Doc: "type hint names (List, Dict, Optional, ...) for annotations", New: newModule})
}

var formNames = []string{
	"Any", "AnyStr", "BinaryIO", "Callable", "ClassVar", "Deque", "Dict", "Final", "FrozenSet",
	"Generator", "Generic", "IO", "Iterable", "Iterator", "List", "Literal", "Mapping", "MutableMapping",
	"MutableSequence", "NoReturn", "Optional", "Protocol", "Sequence", "Set", "TextIO", "Tuple", "Type",
	"Union", "DefaultDict", "OrderedDict", "Awaitable", "Coroutine", "Hashable", "Sized", "Container",
}

func newModule(_ *runtime.Env) (starlark.StringDict, error) {
	d := starlark.StringDict{
		"TYPE_CHECKING":     starlark.False,
		"TypeVar":           starlark.NewBuiltin("TypeVar", typeVar),
		"NewType":           starlark.NewBuiltin("NewType", newType),
		"cast":              starlark.NewBuiltin("cast", cast),
		"overload":          starlark.NewBuiltin("overload", identity),
		"final":             starlark.NewBuiltin("final", identity),
		"runtime_checkable": starlark.NewBuiltin("runtime_checkable", identity),
		"no_type_check":     starlark.NewBuiltin("no_type_check", identity),
	}
	for _, n := range formNames {
		d[n] = &form{name: n}
	}
	return d, nil
}

// form is a typing name such as List (or a TypeVar); subscripting it
// gives it back.
type form struct {
	name    string
	typeVar bool
}

var _ starlark.Mapping = (*form)(nil)

func (f *form) String() string {
	if f.typeVar {
		return "~" + f.name // as CPython shows a TypeVar
	}
	return "typing." + f.name
}
func (f *form) PyRepr() string        { return f.String() }
func (f *form) Type() string          { return "typing._SpecialForm" }
func (f *form) Freeze()               {}
func (f *form) Truth() starlark.Bool  { return true }
func (f *form) Hash() (uint32, error) { return starlark.String(f.name).Hash() }

// Get makes List[int] and Dict[str, int] work (the value is the form).
func (f *form) Get(starlark.Value) (starlark.Value, bool, error) { return f, true, nil }

func typeVar(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 1 {
		return nil, exc.TypeError("TypeVar() missing required argument: 'name'")
	}
	name, ok := starlark.AsString(args[0])
	if !ok {
		return nil, exc.TypeError("TypeVar name must be a string")
	}
	return &form{name: name, typeVar: true}, nil
}

func newType(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	var tp starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &name, &tp); err != nil {
		return nil, err
	}
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &v); err != nil {
			return nil, err
		}
		return v, nil
	}), nil
}

func cast(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var tp, v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &tp, &v); err != nil {
		return nil, err
	}
	return v, nil
}

func identity(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	return v, nil
}
