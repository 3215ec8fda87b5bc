package pylib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// _spread_list(a, [1], b) and friends build the displays [*a, 1, *b],
// (*a, 1), {*a, *b} and {**a, 'k': 1}, which Starlark lacks.

func spreadValues(args starlark.Tuple) ([]starlark.Value, error) {
	var out []starlark.Value
	for _, a := range args {
		vals, err := iterValues(a)
		if err != nil {
			return nil, err
		}
		out = append(out, vals...)
	}
	return out, nil
}

func spreadListBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	vals, err := spreadValues(args)
	if err != nil {
		return nil, err
	}
	return starlark.NewList(vals), nil
}

func spreadTupleBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	vals, err := spreadValues(args)
	if err != nil {
		return nil, err
	}
	return starlark.Tuple(vals), nil
}

func spreadSetBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	vals, err := spreadValues(args)
	if err != nil {
		return nil, err
	}
	s := starlark.NewSet(len(vals))
	for _, v := range vals {
		if err := s.Insert(v); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func spreadDictBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	d := starlark.NewDict(0)
	for _, a := range args {
		m, ok := a.(starlark.IterableMapping)
		if !ok {
			return nil, exc.TypeError("'%s' object is not a mapping", typeName(a))
		}
		for _, kv := range m.Items() {
			if err := d.SetKey(kv[0], kv[1]); err != nil {
				return nil, err
			}
		}
	}
	return d, nil
}
