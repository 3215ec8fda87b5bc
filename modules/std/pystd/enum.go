package pystd

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{Name: "enum", Doc: "Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique", New: newEnum})
}

func newEnum(*runtime.Env) (starlark.StringDict, error) {
	d := starlark.StringDict{
		"auto": starlark.NewBuiltin("auto", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
				return nil, err
			}
			return pylib.AutoValue{}, nil
		}),
		"unique": starlark.NewBuiltin("unique", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return oneArg(b.Name(), args, kwargs)
		}),
	}
	for _, n := range []string{"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag"} {
		d[n] = pylib.EnumClass(n)
	}
	d["EnumMeta"] = pylib.EnumClass("Enum")
	return d, nil
}
