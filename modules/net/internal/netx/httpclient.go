package netx

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"time"

	"github.com/qstar-dev/qstar/runtime"
)

// HTTPClient is a client for module downloads (app_fota, fota): it dials
// through Env.Dial, so --emulate and the grants apply, and verifies HTTPS
// against the Env's roots; who names the module in TLS errors.
func HTTPClient(env *runtime.Env, who string, timeout time.Duration) *http.Client {
	dial := env.Dial
	if dial == nil {
		dial = (&net.Dialer{}).DialContext
	}
	opts := &TLSOptions{}
	return &http.Client{Timeout: timeout, Transport: &http.Transport{
		DialContext: dial,
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := dial(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			host, _, _ := net.SplitHostPort(addr)
			cfg, err := opts.Config(env, who, host)
			if err != nil {
				conn.Close()
				return nil, err
			}
			tc := tls.Client(conn, cfg)
			if err := tc.HandshakeContext(ctx); err != nil {
				conn.Close()
				return nil, err
			}
			return tc, nil
		},
	}}
}
