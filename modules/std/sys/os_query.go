package sys

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/devfs"
)

type infoQuery struct {
	info devfs.Info
	ok   bool
}

// query answers exists/isfile/isdir: never an error, as in CPython (a path
// the script may not reach does not exist for it).
func (m *osMod) query(name string, f func(infoQuery) starlark.Value) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &v); err != nil {
			return nil, err
		}
		p, err := pathText(name, v)
		if err != nil {
			return nil, err
		}
		info, err := m.fs().Stat(p, name == "lexists")
		return f(infoQuery{info: info, ok: err == nil && p != ""}), nil
	}
}

// sizeOrTime is getsize/getmtime/getatime/getctime, which raise OSError
// for a missing path.
func (m *osMod) sizeOrTime(name string) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		p, err := pathArg(name, args, kwargs, "")
		if err != nil {
			return nil, err
		}
		info, err := m.fs().Stat(p, false)
		if err != nil {
			return nil, err
		}
		switch name {
		case "getsize":
			return starlark.MakeInt64(info.Size), nil
		case "getatime":
			return starlark.Float(float64(info.Atime.UnixNano()) / 1e9), nil
		case "getctime":
			return starlark.Float(float64(info.Ctime.UnixNano()) / 1e9), nil
		}
		return starlark.Float(float64(info.Mtime.UnixNano()) / 1e9), nil
	}
}
