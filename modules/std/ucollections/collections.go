// Package ucollections provides QuecPython's ucollections and CPython's
// collections: deque (with QuecPython's maxlen and overflow flag),
// namedtuple, OrderedDict, defaultdict and Counter, printed as CPython
// prints them.
package ucollections

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/pytype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	for _, name := range []string{"ucollections", "collections"} {
		micro := name == "ucollections"
		runtime.Register(runtime.Module{Name: name, Doc: "deque, namedtuple, OrderedDict, defaultdict, Counter", New: func(env *runtime.Env) (starlark.StringDict, error) {
			return newModule(env, micro)
		}})
	}
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

// newModule builds collections, or with micro QuecPython's ucollections,
// whose deque errors carry MicroPython's short messages.
func newModule(env *runtime.Env, micro bool) (starlark.StringDict, error) {
	deque := newDeque
	if micro {
		deque = newMicroDeque
	}
	return starlark.StringDict{
		"deque":      pytype.New("collections.deque", deque),
		"namedtuple": starlark.NewBuiltin("namedtuple", newNamedTupleType),
		"OrderedDict": pytype.New("collections.OrderedDict", dictConstructor(ordered)).With(starlark.StringDict{
			"fromkeys": starlark.NewBuiltin("fromkeys", fromkeys),
		}),
		"defaultdict": pytype.New("collections.defaultdict", dictConstructor(defaulting)),
		"Counter":     pytype.New("collections.Counter", dictConstructor(counter)),
	}, nil
}

// iterate collects the items of any iterable (bytes give ints).
func iterate(v starlark.Value) ([]starlark.Value, error) {
	switch x := v.(type) {
	case starlark.String:
		var out []starlark.Value
		for _, r := range string(x) {
			out = append(out, starlark.String(string(r)))
		}
		return out, nil
	case starlark.Bytes:
		out := make([]starlark.Value, len(x))
		for i := range out {
			out[i] = starlark.MakeInt(int(x[i]))
		}
		return out, nil
	case starlark.Iterable:
		it := x.Iterate()
		defer it.Done()
		var out []starlark.Value
		var e starlark.Value
		for it.Next(&e) {
			out = append(out, e)
		}
		return out, nil
	}
	return nil, typeErr("'%s' object is not iterable", pyargs.TypeName(v))
}
