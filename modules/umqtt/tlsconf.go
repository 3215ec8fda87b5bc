package umqtt

import (
	"crypto/tls"
	"crypto/x509"
	"os"
	"sort"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// sslParams are the ssl_params keys qstar understands: QuecPython's ussl
// names (cert, key), CPython/MicroPython's (certfile, keyfile, ca_certs,
// cadata), SNI, and an explicit opt-out of verification.
var sslKeys = map[string]string{
	"cert":            "cert",
	"certfile":        "cert",
	"key":             "key",
	"keyfile":         "key",
	"ca":              "ca",
	"ca_certs":        "ca",
	"cadata":          "ca",
	"server_hostname": "server_hostname",
	"insecure":        "insecure",
}

// tlsConfig builds the TLS settings for ssl=True: verification against
// env.RootCAs (or the system roots), SNI = server unless server_hostname
// says otherwise, optional client certificate and extra CA.
func tlsConfig(env *runtime.Env, server string, params *starlark.Dict) (*tls.Config, error) {
	const fn = "MQTTClient"
	cfg := &tls.Config{ServerName: server, RootCAs: env.RootCAs, MinVersion: tls.VersionTLS12}
	var certPEM, keyPEM []byte
	if params != nil {
		for _, item := range params.Items() {
			k, ok := starlark.AsString(item[0])
			if !ok {
				return nil, exc.TypeError("%s: ssl_params keys must be str, not %s", fn, pyType(item[0]))
			}
			canon, known := sslKeys[k]
			if !known {
				return nil, exc.TypeError("%s: ssl_params: unknown key '%s' (known: %s)", fn, k, knownSSLKeys())
			}
			v := item[1]
			if v == starlark.None {
				continue
			}
			switch canon {
			case "insecure":
				b, err := flag(fn, "ssl_params['insecure']", v)
				if err != nil {
					return nil, err
				}
				if b {
					cfg.InsecureSkipVerify = true
					env.Logf("umqtt: WARNING: ssl_params insecure=True: the server certificate of %s is NOT verified", server)
				}
			case "server_hostname":
				s, err := text(fn, "ssl_params['server_hostname']", v)
				if err != nil {
					return nil, err
				}
				cfg.ServerName = s
			default:
				s, err := text(fn, "ssl_params['"+k+"']", v)
				if err != nil {
					return nil, err
				}
				pem, err := pemOrFile(env, k, s)
				if err != nil {
					return nil, err
				}
				switch canon {
				case "cert":
					certPEM = pem
				case "key":
					keyPEM = pem
				case "ca":
					pool := cfg.RootCAs
					if pool == nil {
						if pool, err = x509.SystemCertPool(); err != nil || pool == nil {
							pool = x509.NewCertPool()
						}
					} else {
						pool = pool.Clone()
					}
					if !pool.AppendCertsFromPEM(pem) {
						return nil, exc.ValueError("%s: ssl_params['%s'] holds no PEM certificate", fn, k)
					}
					cfg.RootCAs = pool
				}
			}
		}
	}
	switch {
	case certPEM != nil && keyPEM != nil:
		pair, err := tls.X509KeyPair(certPEM, keyPEM)
		if err != nil {
			return nil, exc.ValueError("%s: ssl_params cert/key: %v", fn, err)
		}
		cfg.Certificates = []tls.Certificate{pair}
	case certPEM != nil:
		// a cert and its key may share one PEM file
		pair, err := tls.X509KeyPair(certPEM, certPEM)
		if err != nil {
			return nil, exc.ValueError("%s: ssl_params has 'cert' but no 'key'", fn)
		}
		cfg.Certificates = []tls.Certificate{pair}
	case keyPEM != nil:
		return nil, exc.ValueError("%s: ssl_params has 'key' but no 'cert'", fn)
	}
	return cfg, nil
}

// pemOrFile returns s itself when it is PEM text, else the file it names
// on the device filesystem ('/usr/cert.pem'), within the script's grants.
func pemOrFile(env *runtime.Env, key, s string) ([]byte, error) {
	if strings.Contains(s, "-----BEGIN") {
		return []byte(s), nil
	}
	host, err := env.FS().Resolve(s)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(host)
	if err != nil {
		return nil, exc.OSError("MQTTClient: ssl_params['%s'] is neither PEM text nor a readable file: %v", key, err)
	}
	return b, nil
}

func knownSSLKeys() string {
	ks := make([]string, 0, len(sslKeys))
	for k := range sslKeys {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}
