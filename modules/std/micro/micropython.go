package micro

import (
	"fmt"
	goruntime "runtime"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "micropython", Doc: "const(), opt_level, mem_info and the other MicroPython internals drivers call", New: newMicroPython})
}

func newMicroPython(env *runtime.Env) (starlark.StringDict, error) {
	optLevel := 0
	return pyargs.Builtins(map[string]builtinFn{
		// const(x) is x: the compile-time constant marker of MicroPython.
		"const": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
				return nil, err
			}
			return v, nil
		},
		"opt_level": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			level := -1
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0, &level); err != nil {
				return nil, err
			}
			if len(args) == 0 {
				return starlark.MakeInt(optLevel), nil
			}
			optLevel = level
			return starlark.None, nil
		},
		"mem_info": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var verbose starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0, &verbose); err != nil {
				return nil, err
			}
			var m goruntime.MemStats
			goruntime.ReadMemStats(&m)
			_, err := fmt.Fprintf(env, "stack: %d\nGC: total: %d, used: %d, free: %d\n", 0, m.HeapSys, m.HeapAlloc, m.HeapSys-m.HeapAlloc)
			return starlark.None, err
		},
		"qstr_info":                     takes(0, 1, starlark.None),
		"stack_use":                     takes(0, 0, starlark.MakeInt(0)),
		"heap_lock":                     takes(0, 0, starlark.None),
		"heap_unlock":                   takes(0, 0, starlark.MakeInt(0)),
		"alloc_emergency_exception_buf": takes(1, 1, starlark.None),
		"kbd_intr":                      takes(1, 1, starlark.None),
		// schedule(func, arg) runs func(arg) soon, on a script thread of its
		// own (MicroPython runs it between the main code's bytecodes).
		"schedule": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var fn, arg starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &fn, &arg); err != nil {
				return nil, err
			}
			if _, ok := fn.(starlark.Callable); !ok {
				return nil, exc.TypeError("schedule(): 'func' must be callable, not %s", pyargs.TypeName(fn))
			}
			in := runtime.FromThread(t)
			if in == nil {
				return nil, exc.RuntimeError("schedule() needs a script thread")
			}
			in.Go("schedule", fn, starlark.Tuple{arg}, nil)
			return starlark.None, nil
		},
	}), nil
}

// takes binds min to max positional arguments and returns result: the
// call only tunes MicroPython's own allocator or REPL, which qstar does not
// have.
func takes(min, max int, result starlark.Value) builtinFn {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		out := make([]any, max)
		for i := range out {
			out[i] = new(starlark.Value)
		}
		return result, starlark.UnpackPositionalArgs(b.Name(), args, kwargs, min, out...)
	}
}
