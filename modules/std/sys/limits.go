package sys

import (
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// limitBuiltins are CPython's sys.getrecursionlimit/setrecursionlimit and
// sys.getswitchinterval/setswitchinterval, read from the interpreter.
func limitBuiltins() map[string]builtinFn {
	return map[string]builtinFn{
		"getrecursionlimit": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
				return nil, err
			}
			in := runtime.FromThread(t)
			if in == nil {
				return starlark.MakeInt(runtime.DefaultRecursionLimit), nil
			}
			return starlark.MakeInt(in.RecursionLimit()), nil
		},
		"setrecursionlimit": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
				return nil, err
			}
			n, err := pyargs.Int(b.Name(), "limit", v)
			if err != nil {
				return nil, err
			}
			if n < 1 {
				return nil, exc.ValueError("recursion limit must be greater or equal than 1")
			}
			if in := runtime.FromThread(t); in != nil {
				in.SetRecursionLimit(t, int(min(n, 1<<30)))
			}
			return starlark.None, nil
		},
		"getswitchinterval": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
				return nil, err
			}
			d := runtime.DefaultSwitchInterval
			if in := runtime.FromThread(t); in != nil {
				d = in.SwitchInterval()
			}
			return starlark.Float(d.Seconds()), nil
		},
		"setswitchinterval": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
				return nil, err
			}
			f, ok := starlark.AsFloat(v)
			if !ok {
				return nil, exc.TypeError("must be real number, not %s", pyargs.TypeName(v))
			}
			if f <= 0 {
				return nil, exc.ValueError("switch interval must be strictly positive")
			}
			if in := runtime.FromThread(t); in != nil {
				in.SetSwitchInterval(time.Duration(f * float64(time.Second)))
			}
			return starlark.None, nil
		},
	}
}
