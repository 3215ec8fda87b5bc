package emulator

import (
	"container/list"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"slices"
	"sync"
	"time"
)

// authority is the emulator's own CA. It signs a leaf certificate for
// whatever host name a client asks for (SNI), so a script that dials
// "xyz.iot-as-mqtt.cn-shanghai.aliyuncs.com:8883" verifies against it
// exactly as it would against the cloud, once it trusts the CA. A client
// that sends no SNI (one dialling an IP address) gets a leaf for
// localhost, 127.0.0.1, ::1 and the addresses the emulator listens on.
type authority struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	der  []byte

	mu     sync.Mutex
	local  []string // the no-SNI leaf's names and addresses
	leaves map[string]*list.Element
	lru    *list.List // of *leafEntry, most recently used first
}

// maxLeaves bounds the leaf cache: every SNI name gets a certificate, and
// a client may send any number of names.
const maxLeaves = 256

type leafEntry struct {
	name string
	cert *tls.Certificate
}

// noSNI is the cache key of the leaf for clients that send no SNI.
const noSNI = ""

func newAuthority() (*authority, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "qstar emulator CA", Organization: []string{"qstar"}},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(10 * 365 * 24 * time.Hour),
		IsCA:                  true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	return &authority{cert: cert, key: key, der: der, local: []string{"localhost", "127.0.0.1", "::1"},
		leaves: map[string]*list.Element{}, lru: list.New()}, nil
}

// addLocal adds the hosts of a listen address to the no-SNI leaf: an
// unspecified address (0.0.0.0, ::) stands for every interface address.
func (a *authority) addLocal(addr string) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return
	}
	hosts := []string{host}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		hosts = nil
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, a := range addrs {
				if n, ok := a.(*net.IPNet); ok {
					hosts = append(hosts, n.IP.String())
				}
			}
		}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, h := range hosts {
		if !slices.Contains(a.local, h) {
			a.local = append(a.local, h)
		}
	}
	if el, ok := a.leaves[noSNI]; ok { // made before: remake with the new names
		a.lru.Remove(el)
		delete(a.leaves, noSNI)
	}
}

// Pool returns a pool holding the CA, for clients to trust.
func (a *authority) Pool() *x509.CertPool {
	p := x509.NewCertPool()
	p.AddCert(a.cert)
	return p
}

// PEM returns the CA certificate in PEM form (for external clients).
func (a *authority) PEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: a.der})
}

// serverConfig answers every SNI name with a leaf signed by the CA.
func (a *authority) serverConfig() *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetCertificate: func(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
			return a.leaf(hello.ServerName)
		},
	}
}

// leaf returns the certificate for an SNI name (noSNI: the local one),
// from the cache or newly signed.
func (a *authority) leaf(name string) (*tls.Certificate, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if el, ok := a.leaves[name]; ok {
		a.lru.MoveToFront(el)
		return el.Value.(*leafEntry).cert, nil
	}
	hosts := []string{name}
	if name == noSNI {
		hosts = a.local
	}
	c, err := a.sign(hosts)
	if err != nil {
		return nil, err
	}
	a.leaves[name] = a.lru.PushFront(&leafEntry{name: name, cert: c})
	if a.lru.Len() > maxLeaves {
		oldest := a.lru.Back()
		a.lru.Remove(oldest)
		delete(a.leaves, oldest.Value.(*leafEntry).name)
	}
	return c, nil
}

// sign makes a leaf for host names and IP addresses; the first is its
// common name.
func (a *authority) sign(hosts []string) (*tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: hosts[0]},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(365 * 24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, a.cert, &key.PublicKey, a.key)
	if err != nil {
		return nil, err
	}
	return &tls.Certificate{Certificate: [][]byte{der, a.der}, PrivateKey: key}, nil
}
