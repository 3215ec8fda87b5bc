// Package nettest gives the net modules' tests a loopback-only network:
// an Env whose Dial refuses anything but loopback (and records every
// dial), Python scripts run on a real interpreter, and a throwaway CA for
// TLS servers.
package nettest

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// Dials records the dials a script made, as "network addr".
type Dials struct {
	mu   sync.Mutex
	list []string
}

func (d *Dials) add(s string) {
	d.mu.Lock()
	d.list = append(d.list, s)
	d.mu.Unlock()
}

// List returns the dials so far.
func (d *Dials) List() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.list...)
}

// Loopback makes env dial only loopback addresses ("localhost" counts);
// anything else fails with "connection refused" before leaving the host.
// Route, if set, rewrites an address before dialling (a cloud host to a
// test server).
func Loopback(env *runtime.Env, route func(network, addr string) string) *Dials {
	d := &Dials{}
	var dialer net.Dialer
	env.Dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
		d.add(network + " " + addr)
		if route != nil {
			addr = route(network, addr)
		}
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		ip := net.ParseIP(host)
		if host != "localhost" && (ip == nil || !ip.IsLoopback()) {
			return nil, fmt.Errorf("nettest: refusing to dial %s %s off the loopback: %w", network, addr, errRefused)
		}
		return dialer.DialContext(ctx, network, addr)
	}
	return d
}

var errRefused = &net.OpError{Op: "dial", Err: refusedErr{}}

type refusedErr struct{}

func (refusedErr) Error() string { return "connection refused" }

// Interp is a fresh interpreter on a loopback-only Env; setup may adjust
// the Env further.
func Interp(t testing.TB, setup func(*runtime.Env)) (*runtime.Interp, *runtimetest.Output, *Dials) {
	var dials *Dials
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) {
		dials = Loopback(env, nil)
		if setup != nil {
			setup(env)
		}
	})
	return in, out, dials
}

// Py runs src as a .py script (through the Python front end) and returns
// what it printed; it fails the test on a script error.
func Py(t testing.TB, in *runtime.Interp, out *runtimetest.Output, src string) string {
	t.Helper()
	if err := runtimetest.Exec(in, "test.py", Dedent(src)); err != nil {
		t.Fatalf("script failed: %v\noutput:\n%s\nscript:\n%s", err, out.String(), src)
	}
	return out.String()
}

// Dedent strips the common leading tabs of a raw-string script.
func Dedent(src string) string {
	lines := strings.Split(strings.TrimPrefix(src, "\n"), "\n")
	prefix := ""
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		prefix = l[:len(l)-len(strings.TrimLeft(l, "\t"))]
		break
	}
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			lines[i] = ""
			continue
		}
		lines[i] = strings.ReplaceAll(strings.TrimPrefix(l, prefix), "\t", "    ")
	}
	return strings.Join(lines, "\n")
}

// WaitFor polls out until it contains want.
func WaitFor(t testing.TB, out *runtimetest.Output, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("script never printed %q; output:\n%s", want, out.String())
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// CA is a throwaway certificate authority for TLS tests.
type CA struct {
	Pool *x509.CertPool
	PEM  string
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
}

// NewCA makes a CA.
func NewCA(t testing.TB) *CA {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "qstar test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &CA{Pool: pool, PEM: string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})), cert: cert, key: key}
}

// ServerConfig is a TLS server configuration for names (DNS names or
// IPs), signed by the CA; sni receives each ServerName clients sent.
func (ca *CA) ServerConfig(t testing.TB, sni chan<- string, names ...string) *tls.Config {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: names[0]},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	for _, n := range names {
		if ip := net.ParseIP(n); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, n)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
	if sni != nil {
		cfg.GetConfigForClient = func(h *tls.ClientHelloInfo) (*tls.Config, error) {
			select {
			case sni <- h.ServerName:
			default:
			}
			return nil, nil
		}
	}
	return cfg
}
