package pyfunc

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// merge(*iterables, key=None, reverse=False) lazily merges sorted inputs;
// of equal keys the earlier input's item comes first, as in CPython.
func merge(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var key starlark.Value = starlark.None
	reverse := false
	for _, kv := range kwargs {
		switch k, _ := starlark.AsString(kv[0]); k {
		case "key":
			key = kv[1]
		case "reverse":
			reverse = bool(kv[1].Truth())
		default:
			return nil, exc.TypeError("merge() got an unexpected keyword argument '%s'", k)
		}
	}
	type head struct {
		next     pylib.NextFunc
		val, key starlark.Value
		live     bool
	}
	heads := make([]*head, len(args))
	for i, a := range args {
		next, err := pylib.Iter(t, a)
		if err != nil {
			return nil, err
		}
		heads[i] = &head{next: next}
	}
	advance := func(t *starlark.Thread, h *head) error {
		v, ok, err := h.next(t)
		if err != nil || !ok {
			h.live = false
			return err
		}
		h.val, h.key, h.live = v, v, true
		if key != starlark.None {
			h.key, err = starlark.Call(t, key, starlark.Tuple{v}, nil)
		}
		return err
	}
	started := false
	return pylib.NewIterator(t, "generator", func(t *starlark.Thread) (starlark.Value, bool, error) {
		if !started {
			started = true
			for _, h := range heads {
				if err := advance(t, h); err != nil {
					return nil, false, err
				}
			}
		}
		var best *head
		for _, h := range heads {
			if !h.live {
				continue
			}
			if best == nil {
				best = h
				continue
			}
			a, b := h.key, best.key
			if reverse {
				a, b = b, a
			}
			if lt, err := starlark.Compare(syntax.LT, a, b); err != nil {
				return nil, false, err
			} else if lt {
				best = h
			}
		}
		if best == nil {
			return nil, false, nil
		}
		v := best.val
		return v, true, advance(t, best)
	}), nil
}
