package netx

import (
	"crypto/tls"
	"crypto/x509"
	"os"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// cert_reqs values (ussl/ssl CERT_*).
const (
	CertNone     = 0
	CertOptional = 1
	CertRequired = 2
)

// TLSOptions are the keywords of ussl.wrap_socket and request's
// ssl_params: QuecPython's (server_hostname, cert, key), MicroPython's and
// CPython's (keyfile, certfile, ca_certs, cadata, cert_reqs), and
// qstar's insecure=True.
type TLSOptions struct {
	ServerHostname string
	Cert, Key      string   // PEM text, or a file holding it
	CA             []string // the same, each added to the roots
	CertReqs       int      // -1: not given (verify)
}

// HostPath maps a script's file name (/usr/ca.pem) to the host's, for
// certificate and key files. The identity until the device filesystem
// sets it (runtime/devfs: env.FS().Resolve).
var HostPath = func(env *runtime.Env, p string) (string, error) { return p, nil }

// tlsKeys maps every accepted keyword to its meaning.
var tlsKeys = map[string]string{
	"server_hostname": "server_hostname",
	"cert":            "cert", "certfile": "cert",
	"key": "key", "keyfile": "key",
	"ca": "ca", "ca_certs": "ca", "cadata": "ca",
	"cert_reqs": "cert_reqs",
	"insecure":  "insecure",
	// accepted and ignored: the handshake always runs at wrap time
	"server_side": "", "do_handshake": "", "ssl_version": "", "ciphers": "",
}

// ParseTLS reads TLS keywords (from **kwargs or a dict).
func ParseTLS(fn string, kv []starlark.Tuple) (*TLSOptions, error) {
	o := &TLSOptions{CertReqs: -1}
	for _, item := range kv {
		k, ok := starlark.AsString(item[0])
		if !ok {
			return nil, exc.TypeError("%s: keywords must be str", fn)
		}
		canon, known := tlsKeys[k]
		if !known {
			return nil, exc.TypeError("%s() got an unexpected keyword argument '%s'", fn, k)
		}
		v := item[1]
		if canon == "" || pyargs.IsNone(v) {
			continue
		}
		if err := o.set(fn, k, canon, v); err != nil {
			return nil, err
		}
	}
	return o, nil
}

func (o *TLSOptions) set(fn, k, canon string, v starlark.Value) error {
	switch canon {
	case "cert_reqs":
		n, err := pyargs.Int64(fn, k, v)
		o.CertReqs = int(n)
		return err
	case "insecure":
		if v.Truth() {
			o.CertReqs = CertNone
		}
		return nil
	}
	s, ok := pyargs.AsText(v)
	if !ok {
		return exc.TypeError("%s: argument '%s' must be str, not %s", fn, k, pyargs.TypeName(v))
	}
	switch canon {
	case "server_hostname":
		o.ServerHostname = s
	case "cert":
		o.Cert = s
	case "key":
		o.Key = s
	case "ca":
		o.CA = append(o.CA, s)
	}
	return nil
}

// pemOrFile returns s itself when it is PEM text, else the file it names.
func pemOrFile(env *runtime.Env, fn, key, s string) ([]byte, error) {
	if strings.Contains(s, "-----BEGIN") {
		return []byte(s), nil
	}
	p, err := HostPath(env, s)
	if err == nil {
		var b []byte
		if b, err = os.ReadFile(p); err == nil {
			return b, nil
		}
	}
	return nil, exc.OSError("%s: '%s' is neither PEM text nor a readable file: %v", fn, key, err)
}

// Config is the client TLS configuration: SNI and verification against
// host, the server's certificate checked against env.RootCAs (or the
// system roots) plus any CA given, unless cert_reqs=CERT_NONE.
func (o *TLSOptions) Config(env *runtime.Env, fn, host string) (*tls.Config, error) {
	name := host
	if o.ServerHostname != "" {
		name = o.ServerHostname
	}
	cfg := &tls.Config{ServerName: name, RootCAs: env.RootCAs, MinVersion: tls.VersionTLS12}
	if o.CertReqs == CertNone {
		cfg.InsecureSkipVerify = true
		env.Logf("%s: WARNING: cert_reqs=CERT_NONE: the certificate of %s is NOT verified", fn, name)
	}
	if len(o.CA) > 0 {
		pool := cfg.RootCAs
		if pool == nil {
			var err error
			if pool, err = x509.SystemCertPool(); err != nil || pool == nil {
				pool = x509.NewCertPool()
			}
		} else {
			pool = pool.Clone()
		}
		for _, src := range o.CA {
			pem, err := pemOrFile(env, fn, "ca", src)
			if err != nil {
				return nil, err
			}
			if !pool.AppendCertsFromPEM(pem) {
				return nil, exc.ValueError("%s: the CA holds no PEM certificate", fn)
			}
		}
		cfg.RootCAs = pool
	}
	if o.Cert != "" || o.Key != "" {
		if o.Cert == "" {
			return nil, exc.ValueError("%s: 'key' given without 'cert'", fn)
		}
		cert, err := pemOrFile(env, fn, "cert", o.Cert)
		if err != nil {
			return nil, err
		}
		key := cert // a certificate and its key may share one PEM
		if o.Key != "" {
			if key, err = pemOrFile(env, fn, "key", o.Key); err != nil {
				return nil, err
			}
		}
		pair, err := tls.X509KeyPair(cert, key)
		if err != nil {
			return nil, exc.ValueError("%s: cert/key: %v", fn, err)
		}
		cfg.Certificates = []tls.Certificate{pair}
	}
	return cfg, nil
}
