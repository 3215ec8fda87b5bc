package pyfunc

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/ntuple"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// lru_cache(maxsize=128) / @lru_cache / @cache: results are kept by
// arguments, the least recently used dropped beyond maxsize (None:
// unbounded), so cache_info() reads as in CPython.
func lruCache(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 {
		if _, ok := args[0].(starlark.Callable); ok { // @lru_cache without ()
			return cached(args[0], 128), nil
		}
	}
	var maxsize, typed starlark.Value
	if err := starlark.UnpackArgs("lru_cache", args, kwargs, "maxsize?", &maxsize, "typed?", &typed); err != nil {
		return nil, err
	}
	size := 128
	if maxsize != nil && maxsize != starlark.None {
		n, err := starlark.AsInt32(maxsize)
		if err != nil {
			return nil, exc.TypeError("Expected first argument to be an integer, a callable, or None")
		}
		size = max(n, 0)
	} else if maxsize == starlark.None {
		size = -1
	}
	return starlark.NewBuiltin("lru_cache", func(_ *starlark.Thread, _ *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var fn starlark.Value
		if err := starlark.UnpackPositionalArgs("lru_cache", a, kw, 1, &fn); err != nil {
			return nil, err
		}
		return cached(fn, size), nil
	}), nil
}

func cacheDeco(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	if err := starlark.UnpackPositionalArgs("cache", args, kwargs, 1, &fn); err != nil {
		return nil, err
	}
	return cached(fn, -1), nil
}

// cached wraps fn with a cache of at most maxsize results (-1: no bound).
func cached(fn starlark.Value, maxsize int) starlark.Value {
	memo := starlark.NewDict(16)
	hits, misses := 0, 0
	name := nameOf(fn)
	w := &wrapped{name: name, attrs: starlark.StringDict{"__wrapped__": fn}}
	w.Builtin = starlark.NewBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		key := append(starlark.Tuple(nil), a...)
		for _, p := range kw {
			key = append(key, p)
		}
		if v, found, err := memo.Get(key); err != nil {
			return nil, exc.TypeError("unhashable type: %s", err)
		} else if found {
			hits++
			if maxsize > 0 { // most recently used goes last
				_, _, _ = memo.Delete(key)
				_ = memo.SetKey(key, v)
			}
			return v, nil
		}
		misses++
		v, err := starlark.Call(t, fn, a, kw)
		if err != nil || maxsize == 0 {
			return v, err
		}
		if maxsize > 0 && memo.Len() >= maxsize {
			it := memo.Iterate()
			var oldest starlark.Value
			it.Next(&oldest)
			it.Done()
			_, _, _ = memo.Delete(oldest)
		}
		return v, memo.SetKey(key, v)
	})
	w.attrs["cache_clear"] = starlark.NewBuiltin("cache_clear", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		memo.Clear()
		hits, misses = 0, 0
		return starlark.None, nil
	})
	w.attrs["cache_info"] = starlark.NewBuiltin("cache_info", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		var size starlark.Value = starlark.None
		if maxsize >= 0 {
			size = starlark.MakeInt(maxsize)
		}
		return ntuple.New("CacheInfo", []string{"hits", "misses", "maxsize", "currsize"},
			starlark.MakeInt(hits), starlark.MakeInt(misses), size, starlark.MakeInt(memo.Len())), nil
	})
	return w
}

// cmp_to_key(cmp) gives sort a key whose order is cmp's sign.
func cmpToKey(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var cmp starlark.Value
	if err := starlark.UnpackPositionalArgs("cmp_to_key", args, kwargs, 1, &cmp); err != nil {
		return nil, err
	}
	return starlark.NewBuiltin("K", func(t *starlark.Thread, _ *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs("K", a, kw, 1, &x); err != nil {
			return nil, err
		}
		return &cmpKey{x: x, cmp: cmp, thread: t}, nil
	}), nil
}
