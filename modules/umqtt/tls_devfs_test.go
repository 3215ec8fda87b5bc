package umqtt

import (
	"crypto/tls"
	"path/filepath"
	"testing"
)

// Device scripts name their certificates by device path ('/usr/client.pem');
// the files come from the data directory, and a path outside every grant
// is refused before any connection.
func TestTLSCertificateByDevicePath(t *testing.T) {
	p := newPKI(t, "broker.test")
	b := startBroker(t, brokerOpts{tls: &tls.Config{
		Certificates: []tls.Certificate{p.server},
		ClientCAs:    p.pool,
		ClientAuth:   tls.RequireAndVerifyClientCert,
	}})
	s := newScript(t)
	s.env.RootCAs = p.pool
	s.env.DataDir = filepath.Dir(p.clientCert)
	s.routeAll(b.addr)
	params := "{'cert': '/usr/client.pem', 'key': 'client.key'}"
	if out := s.runOK(t, subst(tlsRoundTrip, "$PORT", b.port(), "$PARAMS", params)); out != "0\n[b'over tls']\n" {
		t.Errorf("stdout %q", out)
	}

	s = newScript(t)
	s.env.Grants.FS = nil
	s.env.RootCAs = p.pool
	dials := s.routeAll(b.addr)
	err := s.run(subst(tlsRoundTrip, "$PORT", b.port(), "$PARAMS", "{'cert': '"+p.clientCert+"', 'key': '"+p.clientKey+"'}"))
	if err == nil || len(dials.list()) != 0 {
		t.Errorf("a certificate outside the grants: err %v, dials %v", err, dials.list())
	}
}
