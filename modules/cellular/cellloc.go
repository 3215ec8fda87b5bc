package cellular

import (
	"context"
	"strconv"
	"strings"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/cellular/at"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "cellLocator", Doc: "cell-based positioning: getLocation(server, port, token, timeout[, profileIdx]) -> (longitude, latitude, accuracy)", New: newCellLocator})
}

// getLocation's error codes, as the firmware numbers them.
const (
	locBadServer  = -2 // server address longer than 255 bytes
	locBadToken   = -3 // the key is not 16 characters
	locBadTimeout = -4 // timeout outside 1..300 s
	locNoPDP      = -5 // the PDP context is not connected
	locFailed     = -6 // no position
)

func newCellLocator(env *runtime.Env) (starlark.StringDict, error) {
	return members(map[string]builtinFn{"getLocation": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		return getLocation(t, env, args, kw)
	}}), nil
}

// getLocation(serverAddr, port, token, timeout, profileIdx=None) asks the
// modem where its serving cell is (AT+QCELLLOC): (longitude, latitude,
// accuracy in metres), or a negative error code.
func getLocation(t *starlark.Thread, env *runtime.Env, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind("getLocation", args, kw, "serverAddr", "port", "token", "timeout", "profileIdx?")
	if err != nil {
		return nil, err
	}
	server, err := a.Need("serverAddr")
	if err != nil {
		return nil, err
	}
	if _, err := a.Int("port", 80); err != nil {
		return nil, err
	}
	token, err := a.Need("token")
	if err != nil {
		return nil, err
	}
	timeout, err := a.Int("timeout", 300)
	if err != nil {
		return nil, err
	}
	cid, err := a.Int("profileIdx", 0)
	if err != nil {
		return nil, err
	}
	switch {
	case len(server) > 255:
		return ival(locBadServer), nil
	case len(token) != 16:
		return ival(locBadToken), nil
	case timeout < 1 || timeout > 300:
		return ival(locBadTimeout), nil
	}
	var out starlark.Value = ival(locFailed)
	_, err = call(t, env, func(ctx context.Context, m Modem) error {
		if cid != 0 {
			if info, err := m.PDPInfo(ctx, cid); err != nil || !info.Active {
				out = ival(locNoPDP)
				return nil
			}
		}
		p, ok := m.(ATPort)
		if !ok {
			return ErrUnsupported
		}
		lines, final, err := p.AT(ctx, "AT+QCELLLOC=1", time.Duration(timeout)*time.Second)
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
}

// parseCellLoc reads "+QCELLLOC: 117.113800,31.822790[,550]"; a modem that
// gives no accuracy reports 0.
func parseCellLoc(line string) (starlark.Value, bool) {
	rest, ok := strings.CutPrefix(line, "+QCELLLOC:")
	if !ok {
		return nil, false
	}
	f := at.Fields(strings.TrimSpace(rest))
	if len(f) < 2 {
		return nil, false
	}
	lon, err1 := strconv.ParseFloat(f[0], 64)
	lat, err2 := strconv.ParseFloat(f[1], 64)
	if err1 != nil || err2 != nil {
		return nil, false
	}
	acc := 0
	if len(f) > 2 {
		acc, _ = strconv.Atoi(f[2])
	}
	return starlark.Tuple{starlark.Float(lon), starlark.Float(lat), ival(acc)}, true
}
