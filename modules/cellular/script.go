package cellular

import (
	"context"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// fail is QuecPython's failure value.
var fail = starlark.MakeInt(-1)

type builtinFn = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error)

// members turns a name->function table into a module's members.
func members(fns map[string]builtinFn) starlark.StringDict {
	d := make(starlark.StringDict, len(fns))
	for name, f := range fns {
		d[name] = starlark.NewBuiltin(name, f)
	}
	return d
}

// ints unpacks positional int arguments; the last `optional` may be omitted
// (they keep the values already in dst).
func ints(b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple, optional int, dst ...*int) error {
	if len(kw) > 0 {
		return exc.TypeError("%s() takes no keyword arguments", b.Name())
	}
	if len(args) > len(dst) || len(args) < len(dst)-optional {
		if optional == 0 {
			return exc.TypeError("%s() takes %d arguments (%d given)", b.Name(), len(dst), len(args))
		}
		return exc.TypeError("%s() takes %d to %d arguments (%d given)", b.Name(), len(dst)-optional, len(dst), len(args))
	}
	for i, a := range args {
		n, err := starlark.AsInt32(a)
		if err != nil {
			return exc.TypeError("%s() argument %d: want an int, not %s", b.Name(), i+1, a.Type())
		}
		*dst[i] = n
	}
	return nil
}

// inRange raises ValueError for an out-of-range argument.
func inRange(fn, what string, v, lo, hi int) error {
	if v < lo || v > hi {
		return exc.ValueError("%s: %s %d out of range [%d, %d]", fn, what, v, lo, hi)
	}
	return nil
}

// simID checks the optional trailing simId (0 or 1; qstar drives slot 0).
func simID(fn string, id int) error { return inRange(fn, "simId", id, 0, 1) }

// str returns a string argument.
func str(fn string, v starlark.Value, what string) (string, error) {
	s, ok := starlark.AsString(v)
	if !ok {
		return "", exc.TypeError("%s: %s must be a str, not %s", fn, what, v.Type())
	}
	return s, nil
}

// query runs f and returns its value, or -1 when the modem failed.
func query(t *starlark.Thread, env *runtime.Env, f func(ctx context.Context, m Modem) (starlark.Value, error)) (starlark.Value, error) {
	var v starlark.Value
	ok, err := call(t, env, func(ctx context.Context, m Modem) error {
		var err error
		v, err = f(ctx, m)
		return err
	})
	if err != nil {
		return nil, err
	}
	if !ok {
		return fail, nil
	}
	return v, nil
}

// action runs f and returns 0, or -1 when the modem refused.
func action(t *starlark.Thread, env *runtime.Env, f func(ctx context.Context, m Modem) error) (starlark.Value, error) {
	ok, err := call(t, env, f)
	if err != nil {
		return nil, err
	}
	if !ok {
		return fail, nil
	}
	return starlark.MakeInt(0), nil
}

func list(vs ...starlark.Value) *starlark.List { return starlark.NewList(vs) }

func ival(n int) starlark.Value { return starlark.MakeInt(n) }

func sval(s string) starlark.Value { return starlark.String(s) }

func or(s, dflt string) string {
	if s == "" {
		return dflt
	}
	return s
}
