package sys

import (
	"strconv"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/devfs"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// vfs is a storage volume object from uos.VfsLfs1/VfsFat/VfsSd/VfsEmmc: on
// a gateway every volume is a directory inside the data directory, made
// when the script mounts it.
type vfs struct{ kind string }

func (v *vfs) String() string        { return "<" + v.kind + ">" }
func (v *vfs) Type() string          { return v.kind }
func (v *vfs) Freeze()               {}
func (v *vfs) Truth() starlark.Bool  { return true }
func (v *vfs) Hash() (uint32, error) { return starlark.String(v.kind).Hash() }
func (v *vfs) AttrNames() []string   { return []string{"set_det"} }

// Attr gives set_det (card detection: accepted, answers 0) and the GPIOn
// pin constants QuecPython's SD examples pass to it.
func (v *vfs) Attr(name string) (starlark.Value, error) {
	if name == "set_det" {
		return starlark.NewBuiltin("set_det", answerZero(2)), nil
	}
	if n, ok := strings.CutPrefix(name, "GPIO"); ok {
		if i, err := strconv.Atoi(n); err == nil {
			return starlark.MakeInt(i), nil
		}
	}
	return nil, nil
}

// answerZero binds n positional arguments and answers 0: what the
// firmware's detection setters return.
func answerZero(n int) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		out := make([]any, n)
		for i := range out {
			out[i] = new(starlark.Value)
		}
		return starlark.MakeInt(0), starlark.UnpackPositionalArgs(b.Name(), args, kwargs, n, out...)
	}
}

// mountMembers are QuecPython's volume constructors, mount, umount and the
// SD hot-plug callback setter.
func (m *osMod) mountMembers() starlark.StringDict {
	d := starlark.StringDict{}
	for _, kind := range []string{"VfsLfs1", "VfsLfs2", "VfsFat", "VfsSd", "VfsEmmc"} {
		kind := kind
		d[kind] = starlark.NewBuiltin(kind, func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(kwargs) > 0 { // the firmware's constructors take positional arguments only
				return nil, exc.TypeError("%s() takes no keyword arguments", kind)
			}
			return &vfs{kind: kind}, nil
		})
	}
	d["mount"] = starlark.NewBuiltin("mount", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var vol, point starlark.Value
		var readonly, mkfs starlark.Value = starlark.False, starlark.False
		if err := starlark.UnpackArgs("mount", args, kwargs, "vfs", &vol, "mount_point", &point, "readonly?", &readonly, "mkfs?", &mkfs); err != nil {
			return nil, err
		}
		p, err := pathText("mount", point)
		if err != nil {
			return nil, err
		}
		return starlark.None, m.fs().Mount(p)
	})
	d["umount"] = starlark.NewBuiltin("umount", m.pathOp("umount", (*devfs.FS).Umount))
	d["set_callback"] = starlark.NewBuiltin("set_callback", answerZero(1))
	d["set_det"] = starlark.NewBuiltin("set_det", answerZero(2))
	return d
}
