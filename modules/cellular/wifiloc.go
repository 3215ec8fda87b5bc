package cellular

import (
	"context"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "wifilocator", Doc: "positioning by the module's location service: wifilocator(token).getwifilocator() -> (longitude, latitude, accuracy)", New: newWifiLocator})
	runtime.RegisterSigs("wifilocator", wifiLocSigs)
}

var wifiLocSigs = map[string]*pyargs.Sig{
	"wifilocator":                pyargs.NewSig("wifilocator(token=None)", "A locator using the 16-character service key token."),
	"wifilocator.getwifilocator": pyargs.NewSig("getwifilocator()", "(longitude, latitude, accuracy in m) from the modem's location service (AT+QCELLLOC: the simulated cell's position, or the real modem's answer); -1 no data call, -2 the token is not 16 characters, -3 no position."),
}

// getwifilocator's error codes, as the firmware's docs number them.
const (
	wlocNoNetwork = -1
	wlocBadToken  = -2
	wlocFailed    = -3
)

func newWifiLocator(env *runtime.Env) (starlark.StringDict, error) {
	c := gotype.NewClass("wifilocator", nil, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var token starlark.Value = starlark.None
		if err := wifiLocSigs["wifilocator"].UnpackArgs(args, kw, &token); err != nil {
			return nil, err
		}
		tok, _ := starlark.AsString(token)
		methods := map[string]gotype.Method{
			"getwifilocator": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
				if err := wifiLocSigs["wifilocator.getwifilocator"].UnpackArgs(args, kw); err != nil {
					return nil, err
				}
				if len(tok) != 16 {
					return ival(wlocBadToken), nil
				}
				var out starlark.Value = ival(wlocFailed)
				_, err := call(t, env, func(ctx context.Context, m Modem) error {
					if info, err := m.PDPInfo(ctx, 1); err != nil || !info.Active {
						out = ival(wlocNoNetwork)
						return nil
					}
					p, ok := m.(ATPort)
					if !ok {
						return ErrUnsupported
					}
					lines, final, err := p.AT(ctx, "AT+QCELLLOC=1", 60*time.Second)
					if err != nil || final != "OK" {
						return err
					}
					for _, l := range lines {
						if v, ok := parseCellLoc(l); ok {
							out = v
						}
					}
					return nil
				})
				return out, err
			},
		}
		return gotype.NewObject(c, methods, func() string { return "<wifilocator>" }), nil
	}
	return starlark.StringDict{"wifilocator": c}, nil
}
