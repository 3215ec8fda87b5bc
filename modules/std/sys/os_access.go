package sys

import (
	goruntime "runtime"

	"go.starlark.net/starlark"
)

// access(path, mode) answers whether the path exists (F_OK) and, for
// R_OK/W_OK/X_OK, whether its permission bits allow it.
func (m *osMod) access(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var p starlark.Value
	var mode int
	if err := starlark.UnpackPositionalArgs("access", args, kwargs, 2, &p, &mode); err != nil {
		return nil, err
	}
	path, err := pathText("access", p)
	if err != nil {
		return nil, err
	}
	info, err := m.fs().Stat(path, false)
	if err != nil {
		return starlark.False, nil
	}
	perm := info.Mode >> 6 & 7 // the owner's bits: scripts run as the file's owner here
	return starlark.Bool(uint32(mode)&7&^perm == 0), nil
}

func cpuCount(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return starlark.MakeInt(goruntime.NumCPU()), starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0)
}

// noop is sync(): files are written through, so nothing is pending.
func noop(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return starlark.None, starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0)
}
