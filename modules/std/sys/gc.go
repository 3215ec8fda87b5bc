package sys

import (
	goruntime "runtime"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func newGC(env *runtime.Env) (starlark.StringDict, error) {
	enabled := true
	noArgs := func(name string, f func() starlark.Value) builtinFn {
		return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs(name, args, kwargs, 0); err != nil {
				return nil, err
			}
			return f(), nil
		}
	}
	return pyargs.Builtins(map[string]builtinFn{
		"collect":   noArgs("collect", func() starlark.Value { goruntime.GC(); return starlark.None }),
		"mem_alloc": noArgs("mem_alloc", func() starlark.Value { a, _ := heap(); return starlark.MakeUint64(a) }),
		"mem_free":  noArgs("mem_free", func() starlark.Value { _, f := heap(); return starlark.MakeUint64(f) }),
		// Go's collector cannot be switched off per script; the flag is kept for isenabled().
		"enable":    noArgs("enable", func() starlark.Value { enabled = true; return starlark.None }),
		"disable":   noArgs("disable", func() starlark.Value { enabled = false; return starlark.None }),
		"isenabled": noArgs("isenabled", func() starlark.Value { return starlark.Bool(enabled) }),
		"threshold": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value = starlark.None
			if err := starlark.UnpackPositionalArgs("threshold", args, kwargs, 0, &v); err != nil {
				return nil, err
			}
			return starlark.MakeInt(-1), nil
		},
	}), nil
}

// heap reports the Go heap in use and what it holds but does not use.
func heap() (alloc, free uint64) {
	var m goruntime.MemStats
	goruntime.ReadMemStats(&m)
	return m.HeapAlloc, m.HeapSys - m.HeapAlloc
}
