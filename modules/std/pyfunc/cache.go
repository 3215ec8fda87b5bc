package pyfunc

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// lru_cache(maxsize=128) / @lru_cache / @cache: results are kept by
// arguments (unbounded: a device script's cache is small, and CPython's
// LRU eviction changes no result).
func lruCache(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 {
		if _, ok := args[0].(starlark.Callable); ok { // @lru_cache without ()
			return cached(args[0]), nil
		}
	}
	var maxsize, typed starlark.Value
	if err := starlark.UnpackArgs("lru_cache", args, kwargs, "maxsize?", &maxsize, "typed?", &typed); err != nil {
		return nil, err
	}
	return starlark.NewBuiltin("lru_cache", func(_ *starlark.Thread, _ *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var fn starlark.Value
		if err := starlark.UnpackPositionalArgs("lru_cache", a, kw, 1, &fn); err != nil {
			return nil, err
		}
		return cached(fn), nil
	}), nil
}

func cacheDeco(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	if err := starlark.UnpackPositionalArgs("cache", args, kwargs, 1, &fn); err != nil {
		return nil, err
	}
	return cached(fn), nil
}

func cached(fn starlark.Value) starlark.Value {
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
			return v, nil
		}
		misses++
		v, err := starlark.Call(t, fn, a, kw)
		if err != nil {
			return nil, err
		}
		return v, memo.SetKey(key, v)
	})
	w.attrs["cache_clear"] = starlark.NewBuiltin("cache_clear", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		memo.Clear()
		hits, misses = 0, 0
		return starlark.None, nil
	})
	w.attrs["cache_info"] = starlark.NewBuiltin("cache_info", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return starlark.String(cacheInfo(hits, misses, memo.Len())), nil
	})
	return w
}

func cacheInfo(hits, misses, size int) string {
	return "CacheInfo(hits=" + itoa(hits) + ", misses=" + itoa(misses) + ", maxsize=None, currsize=" + itoa(size) + ")"
}

func itoa(n int) string { return starlark.MakeInt(n).String() }

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
