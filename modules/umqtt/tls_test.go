package umqtt

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/runtime"
)

// pki is a throwaway CA with a server and a client certificate.
type pki struct {
	caPEM      string
	pool       *x509.CertPool
	server     tls.Certificate
	clientCert string // PEM file paths
	clientKey  string
}

func newPKI(t *testing.T, serverName string) *pki {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "qstar test CA"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IsCA:                  true,
		KeyUsage:              x509.KeyUsageCertSign,
		BasicConstraintsValid: true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	issue := func(serial int64, cn string, usage x509.ExtKeyUsage, dns []string) ([]byte, []byte) {
		key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(serial),
			Subject:      pkix.Name{CommonName: cn},
			NotBefore:    time.Now().Add(-time.Hour),
			NotAfter:     time.Now().Add(time.Hour),
			KeyUsage:     x509.KeyUsageDigitalSignature,
			ExtKeyUsage:  []x509.ExtKeyUsage{usage},
			DNSNames:     dns,
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
		if err != nil {
			t.Fatal(err)
		}
		kder, _ := x509.MarshalECPrivateKey(key)
		return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
			pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder})
	}
	p := &pki{caPEM: string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER})), pool: x509.NewCertPool()}
	p.pool.AddCert(ca)
	sc, sk := issue(2, serverName, x509.ExtKeyUsageServerAuth, []string{serverName})
	if p.server, err = tls.X509KeyPair(sc, sk); err != nil {
		t.Fatal(err)
	}
	cc, ck := issue(3, "device-1", x509.ExtKeyUsageClientAuth, nil)
	dir := t.TempDir()
	p.clientCert, p.clientKey = filepath.Join(dir, "client.pem"), filepath.Join(dir, "client.key")
	os.WriteFile(p.clientCert, cc, 0o600)
	os.WriteFile(p.clientKey, ck, 0o600)
	return p
}

const tlsRoundTrip = `load("umqtt", "MQTTClient")
got = []
def cb(topic, msg):
    got.append(msg)
c = MQTTClient("tls", "broker.test", $PORT, ssl=True, ssl_params=$PARAMS)
c.set_callback(cb)
print(c.connect())
c.subscribe("secure", 1)
c.publish("secure", "over tls", qos=1)
c.wait_msg()
print(got)
c.disconnect()
`

func testTLS(t *testing.T) {
	p := newPKI(t, "broker.test")
	b := startBroker(t, brokerOpts{tls: &tls.Config{Certificates: []tls.Certificate{p.server}}})
	run := func(params string, roots *x509.CertPool) (*script, error) {
		s := newScript(t)
		s.env.RootCAs = roots
		dials := s.routeAll(b.addr)
		err := s.run(subst(tlsRoundTrip, "$PORT", b.port(), "$PARAMS", params))
		if d := dials.list(); len(d) == 0 || d[0] != "broker.test:"+b.port() {
			t.Errorf("dials %v: TLS did not go through env.Dial with the script's host", d)
		}
		return s, err
	}
	ok := func(name, params string, roots *x509.CertPool) *script {
		s, err := run(params, roots)
		if err != nil {
			t.Errorf("%s: %s\n%s", name, s.in.FormatError(err), s.err.String())
		} else if want := "0\n[b'over tls']\n"; s.out.String() != want {
			t.Errorf("%s: stdout %q", name, s.out.String())
		}
		return s
	}
	fails := func(name, params string, roots *x509.CertPool, want string) {
		s, err := run(params, roots)
		if err == nil {
			t.Errorf("%s: connected, want failure", name)
			return
		}
		if line := runtime.ErrorLine(err); !strings.Contains(line, want) {
			t.Errorf("%s: %s\nwant it to contain %q", name, line, want)
		}
		if strings.Contains(s.out.String(), "over tls") {
			t.Errorf("%s: data went over an unverified link", name)
		}
	}

	ok("env.RootCAs", "{}", p.pool)
	ok("cadata PEM", "{'cadata': '''"+p.caPEM+"'''}", nil)
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	os.WriteFile(caFile, []byte(p.caPEM), 0o600)
	ok("ca file", "{'ca': '"+caFile+"'}", nil)
	s := ok("insecure", "{'insecure': True}", nil)
	if !strings.Contains(s.err.String(), "WARNING") || !strings.Contains(s.err.String(), "NOT verified") {
		t.Errorf("insecure gave no warning: %q", s.err.String())
	}
	fails("system roots", "{}", nil, "MQTT Connect error='tls' FAIL: TLS handshake with broker.test:")
	fails("wrong SNI", "{'cadata': '''"+p.caPEM+"''', 'server_hostname': 'other.test'}", nil, "other.test")
}

// A broker that demands a client certificate accepts the one given by
// file path in ssl_params and refuses a client without one.
func testTLSClientCertificate(t *testing.T) {
	p := newPKI(t, "broker.test")
	b := startBroker(t, brokerOpts{tls: &tls.Config{
		Certificates: []tls.Certificate{p.server},
		ClientCAs:    p.pool,
		ClientAuth:   tls.RequireAndVerifyClientCert,
	}})
	s := newScript(t)
	s.env.RootCAs = p.pool
	s.routeAll(b.addr)
	params := "{'cert': '" + p.clientCert + "', 'key': '" + p.clientKey + "'}"
	out := s.runOK(t, subst(tlsRoundTrip, "$PORT", b.port(), "$PARAMS", params))
	if want := "0\n[b'over tls']\n"; out != want {
		t.Errorf("stdout %q", out)
	}

	s = newScript(t)
	s.env.RootCAs = p.pool
	s.routeAll(b.addr)
	if err := s.run(subst(tlsRoundTrip, "$PORT", b.port(), "$PARAMS", "{}")); err == nil {
		t.Error("connected without a client certificate")
	}
}
