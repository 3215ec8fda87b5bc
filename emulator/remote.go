package emulator

import (
	"context"
	"crypto/x509"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// Remote is a client's view of a `qstar emulate` in another process: every
// connection goes to its one port (which serves MQTT, TLS and the HTTP
// APIs), and TLS trusts its CA, fetched from it at start. Several
// programs so share one cloud: seed 000's three programs meet in one
// identity registry.
type Remote struct {
	addr  string
	roots *x509.CertPool
}

// ConnectRemote fetches the emulator's CA from addr and returns the route.
func ConnectRemote(ctx context.Context, addr string) (*Remote, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", "http://"+addr+"/ca.pem", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("emulator at %s: %w (is `qstar emulate --listen %s` running?)", addr, err, addr)
	}
	defer resp.Body.Close()
	pem, err := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	if err != nil || resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("emulator at %s: no CA certificate (HTTP %d)", addr, resp.StatusCode)
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("emulator at %s: its /ca.pem is not a PEM certificate", addr)
	}
	return &Remote{addr: addr, roots: roots}, nil
}

// Dial connects to the emulator whatever address was asked for (TLS still
// names the real host, so the certificate matches); Env.Dial's signature.
func (r *Remote) Dial(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, "tcp", r.addr)
}

// RootCAs is the emulator's CA.
func (r *Remote) RootCAs() *x509.CertPool { return r.roots }

// caHandler serves the CA certificate, for ConnectRemote and for curl.
func (e *Emulator) caHandler(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/x-pem-file")
	w.Write(e.CAPEM())
}
