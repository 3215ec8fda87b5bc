package pylib

import (
	"testing"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// next() works on any value with a __next__ attribute, such as a module
// object, and its default replaces StopIteration.
func TestNextOnGoValueWithDunderNext(t *testing.T) {
	n := 0
	obj := &starlarkstruct.Module{Name: "counter", Members: starlark.StringDict{
		"__next__": starlark.NewBuiltin("__next__", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			n++
			if n > 2 {
				return nil, stopIteration(nil)
			}
			return starlark.MakeInt(n), nil
		}),
	}}
	th := &starlark.Thread{}
	next := Builtins()["next"]
	for _, want := range []string{"1", "2", "'end'"} {
		v, err := starlark.Call(th, next, starlark.Tuple{obj, starlark.String("end")}, nil)
		if err != nil || v.String() != want && !(want == "'end'" && v == starlark.String("end")) {
			t.Fatalf("next = %v, %v; want %s", v, err, want)
		}
	}
	if _, err := starlark.Call(th, next, starlark.Tuple{obj}, nil); !isExc(err, "StopIteration") {
		t.Fatalf("err = %v, want StopIteration", err)
	}
}
