package ucollections

import (
	"sort"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

var extraMethods = map[dictKind][]string{
	ordered:    {"copy", "move_to_end", "popitem", "update"},
	defaulting: {"copy", "update"},
	counter:    {"copy", "elements", "most_common", "subtract", "total", "update"},
}

func (x *Dict) AttrNames() []string {
	names := append([]string(nil), x.d.AttrNames()...)
	names = append(names, extraMethods[x.kind]...)
	if x.kind == defaulting {
		names = append(names, "default_factory")
	}
	return names
}

func (x *Dict) Attr(name string) (starlark.Value, error) {
	if name == "default_factory" && x.kind == defaulting {
		return x.factory, nil
	}
	for _, m := range extraMethods[x.kind] {
		if m == name {
			return starlark.NewBuiltin(name, func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				return x.method(t, name, args, kwargs)
			}), nil
		}
	}
	return x.d.Attr(name) // get, keys, items, pop, setdefault, ... of the dict itself
}

func (x *Dict) method(t *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	switch name {
	case "copy":
		return x.copy(), starlark.UnpackPositionalArgs(name, args, kwargs, 0)
	case "update":
		if len(args) > 1 {
			return nil, typeErr("update expected at most 1 argument, got %d", len(args))
		}
		return starlark.None, x.update(t, args, kwargs)
	case "subtract":
		return starlark.None, x.addCounts(args, kwargs, -1)
	case "move_to_end":
		return x.moveToEnd(args, kwargs)
	case "popitem":
		return x.popitem(args, kwargs)
	case "most_common":
		return x.mostCommonFn(args, kwargs)
	case "elements":
		return x.elements(args, kwargs)
	case "total":
		var sum starlark.Value = starlark.MakeInt(0)
		for _, kv := range x.d.Items() {
			var err error
			if sum, err = starlark.Binary(syntax.PLUS, sum, kv[1]); err != nil {
				return nil, err
			}
		}
		return sum, nil
	}
	return nil, exc.New("AttributeError", "'%s' object has no attribute '%s'", x.Type(), name)
}

func (x *Dict) moveToEnd(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var key, last starlark.Value
	if err := pyargs.Unpack("move_to_end", args, kwargs, []string{"key", "last?"}, &key, &last); err != nil {
		return nil, err
	}
	v, found, err := x.d.Get(key)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, exc.KeyError("%s", pyrepr.Repr(key))
	}
	if last == nil || last.Truth() {
		_, _, _ = x.d.Delete(key)
		return starlark.None, x.d.SetKey(key, v)
	}
	items := x.d.Items()
	x.d.Clear()
	_ = x.d.SetKey(key, v)
	for _, kv := range items {
		if eq, _ := starlark.Equal(kv[0], key); !eq {
			_ = x.d.SetKey(kv[0], kv[1])
		}
	}
	return starlark.None, nil
}

// popitem(last=True) takes from the end (OrderedDict may take the front).
func (x *Dict) popitem(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var last starlark.Value
	if err := pyargs.Unpack("popitem", args, kwargs, []string{"last?"}, &last); err != nil {
		return nil, err
	}
	items := x.d.Items()
	if len(items) == 0 {
		return nil, exc.KeyError("dictionary is empty")
	}
	kv := items[len(items)-1]
	if last != nil && !last.Truth() {
		kv = items[0]
	}
	_, _, _ = x.d.Delete(kv[0])
	return starlark.Tuple{kv[0], kv[1]}, nil
}

// mostCommon orders by count, highest first, ties in insertion order; n < 0 is all.
func (x *Dict) mostCommon(n int) []starlark.Tuple {
	items := x.d.Items()
	sort.SliceStable(items, func(i, j int) bool {
		gt, _ := starlark.Compare(syntax.GT, items[i][1], items[j][1])
		return gt
	})
	if n >= 0 && n < len(items) {
		items = items[:n]
	}
	return items
}

func (x *Dict) mostCommonFn(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var nv starlark.Value
	if err := pyargs.Unpack("most_common", args, kwargs, []string{"n?"}, &nv); err != nil {
		return nil, err
	}
	n := -1
	if !pyargs.IsNone(nv) {
		i, err := pyargs.Int("most_common", "n", nv)
		if err != nil {
			return nil, err
		}
		n = max(int(i), 0)
	}
	var out []starlark.Value
	for _, kv := range x.mostCommon(n) {
		out = append(out, starlark.Tuple{kv[0], kv[1]})
	}
	return starlark.NewList(out), nil
}

func (x *Dict) elements(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("elements", args, kwargs, 0); err != nil {
		return nil, err
	}
	var out []starlark.Value
	for _, kv := range x.d.Items() {
		n, ok := kv[1].(starlark.Int)
		if !ok {
			continue
		}
		c, _ := n.Int64()
		for ; c > 0; c-- {
			out = append(out, kv[0])
		}
	}
	return starlark.NewList(out), nil
}
