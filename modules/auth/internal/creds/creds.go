// Package creds builds what the auth modules' mqtt_credentials functions
// return: a dict that plugs into MQTTClient(**creds).
package creds

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// DefaultKeepalive is the keepalive when a script gives none.
const DefaultKeepalive = 60

// Keepalive reads fn's optional keepalive argument, which must be within
// the platform's range of seconds.
func Keepalive(fn string, v starlark.Value, min, max int64, platform string) (int64, error) {
	if pyargs.IsNone(v) {
		return DefaultKeepalive, nil
	}
	k, err := pyargs.Int64(fn, "keepalive", v)
	if err != nil {
		return 0, err
	}
	if k < min || k > max {
		return 0, exc.ValueError("%s: argument 'keepalive' must be %d..%d seconds for %s, got %d", fn, min, max, platform, k)
	}
	return k, nil
}

// Dict is the MQTTClient keyword dict; "ssl" appears only when true.
func Dict(clientID, server string, port int, user, password string, keepalive int64, tls bool) *starlark.Dict {
	d := pyargs.Dict("client_id", clientID, "server", server, "port", port, "user", user, "password", password, "keepalive", keepalive)
	if tls {
		_ = d.SetKey(starlark.String("ssl"), starlark.True)
	}
	return d
}
