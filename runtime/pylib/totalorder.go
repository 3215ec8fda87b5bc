package pylib

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// orderRoots lists, for each comparison a class may define, how the other
// three follow from it and ==, as functools.total_ordering derives them:
// derived[name] = (negate root, combine with ==: 0 none, 1 "or ==", -1 "and !=").
var orderRoots = []struct {
	root    string
	derived map[string][2]int
}{
	{"__lt__", map[string][2]int{"__gt__": {1, -1}, "__le__": {0, 1}, "__ge__": {1, 0}}},
	{"__le__", map[string][2]int{"__ge__": {1, 1}, "__lt__": {0, -1}, "__gt__": {1, 0}}},
	{"__gt__", map[string][2]int{"__lt__": {1, -1}, "__ge__": {0, 1}, "__le__": {1, 0}}},
	{"__ge__", map[string][2]int{"__le__": {1, 1}, "__gt__": {0, -1}, "__lt__": {1, 0}}},
}

// TotalOrdering is functools.total_ordering: it gives class c the
// comparison methods it lacks, built from the one it defines and ==.
func TotalOrdering(v starlark.Value) (starlark.Value, error) {
	c, ok := v.(*Class)
	if !ok {
		return v, nil
	}
	for _, r := range orderRoots {
		root, owner := c.find(r.root)
		if root == nil || owner == objectClass {
			continue
		}
		for name, how := range r.derived {
			if m, o := c.find(name); m != nil && o != objectClass {
				continue
			}
			c.SetField(name, derivedCompare(name, root, how[0] == 1, how[1]))
		}
		return c, nil
	}
	return nil, exc.ValueError("must define at least one ordering operation: < > <= >=")
}

func derivedCompare(name string, root starlark.Value, negate bool, withEq int) *starlark.Builtin {
	return methodBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var self, other starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 2, &self, &other); err != nil {
			return nil, err
		}
		v, err := starlark.Call(t, bind(root, self), starlark.Tuple{other}, nil)
		if err != nil || v == NotImplemented {
			return v, err
		}
		r := bool(v.Truth()) != negate
		if withEq == 0 || (withEq == 1 && r) || (withEq == -1 && !r) {
			return starlark.Bool(r), nil
		}
		eq, err := richCompare(syntax.EQL, self, other)
		if withEq == 1 {
			return starlark.Bool(eq), err
		}
		return starlark.Bool(!eq), err
	})
}
