package cellular

import (
	"context"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
)

func init() {
	runtime.Register(runtime.Module{Name: "modem", Doc: "module identities: IMEI, model, SN, firmware", New: newModemModule})
}

func newModemModule(env *runtime.Env) (starlark.StringDict, error) {
	ident := func(id Identity) builtinFn {
		return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := ints(b, args, kw, 0); err != nil {
				return nil, err
			}
			return query(t, env, func(ctx context.Context, m Modem) (starlark.Value, error) {
				s, err := m.Identity(ctx, id)
				return sval(s), err
			})
		}
	}
	return members(map[string]builtinFn{
		"getDevImei":      ident(IMEI),
		"getDevModel":     ident(Model),
		"getDevSN":        ident(SerialNumber),
		"getDevFwVersion": ident(Firmware),
		"getDevProductId": ident(Manufacturer),
	}), nil
}
