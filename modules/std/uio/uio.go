// Package uio provides QuecPython's uio and CPython's io: StringIO and
// BytesIO in-memory streams (with `with` support), and open(), which is
// the builtin open.
package uio

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/pytype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

func init() {
	for _, name := range []string{"uio", "io"} {
		runtime.Register(runtime.Module{Name: name, Doc: "in-memory streams StringIO and BytesIO; open()", New: newModule})
	}
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	d := starlark.StringDict{
		"StringIO": pytype.New("_io.StringIO", newStream(true)),
		"BytesIO":  pytype.New("_io.BytesIO", newStream(false)),
		"open":     starlark.NewBuiltin("open", openFn),
	}
	for name, v := range ioTypes() {
		d[name] = v
	}
	return d, nil
}

// openFn is uio.open: the builtin open, where the runtime provides one.
func openFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if in := runtime.FromThread(t); in != nil {
		if open, ok := in.Predeclared()["open"]; ok {
			return starlark.Call(t, open, args, kwargs)
		}
	}
	return nil, exc.OSError("open() is not available here")
}
