package usocket

import (
	"crypto/tls"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// ussl.wrap_socket(sock, server_hostname=None, cert=None, key=None) and
// the MicroPython/CPython keywords (keyfile, certfile, ca_certs, cadata,
// cert_reqs, server_side). The server's certificate is verified against
// Env.RootCAs or the system roots (plus any CA given), with SNI from
// server_hostname or the host the socket connected to;
// cert_reqs=CERT_NONE turns verification off, with a warning.
func init() {
	runtime.Register(runtime.Module{Name: "ussl", Doc: "TLS over a connected usocket (QuecPython ussl.wrap_socket)",
		New: func(env *runtime.Env) (starlark.StringDict, error) { return sslMembers(env, false), nil }})
	runtime.Register(runtime.Module{Name: "ssl", Doc: "ussl under CPython's name, with create_default_context and SSLContext",
		New: func(env *runtime.Env) (starlark.StringDict, error) { return sslMembers(env, true), nil }})
}

func sslMembers(env *runtime.Env, cpython bool) starlark.StringDict {
	d := starlark.StringDict{
		"wrap_socket": starlark.NewBuiltin("wrap_socket", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			// QuecPython documents wrap_socket(sock, server_hostname=None,
			// cert=None, key=None): those may come by position.
			positional := []string{"server_hostname", "cert", "key"}
			if len(args) == 0 || len(args) > 1+len(positional) {
				return nil, exc.TypeError("wrap_socket() takes from 1 to 4 positional arguments (%d given)", len(args))
			}
			for i, v := range args[1:] {
				kwargs = append(kwargs, starlark.Tuple{starlark.String(positional[i]), v})
			}
			opts, err := netx.ParseTLS(b.Name(), kwargs)
			if err != nil {
				return nil, err
			}
			return wrapSocket(thread, env, b.Name(), args[0], opts, serverSide(kwargs))
		}),
		"CERT_NONE":     starlark.MakeInt(netx.CertNone),
		"CERT_OPTIONAL": starlark.MakeInt(netx.CertOptional),
		"CERT_REQUIRED": starlark.MakeInt(netx.CertRequired),
	}
	if cpython {
		for k, v := range contextMembers(env) {
			d[k] = v
		}
	}
	return d
}

func serverSide(kwargs []starlark.Tuple) bool {
	for _, kv := range kwargs {
		if k, _ := starlark.AsString(kv[0]); k == "server_side" {
			return kv[1].Truth() == starlark.True
		}
	}
	return false
}

// wrapSocket runs the TLS handshake on sock's connection, with sock's
// timeout, and returns sock, now speaking TLS.
func wrapSocket(thread *starlark.Thread, env *runtime.Env, fn string, v starlark.Value, opts *netx.TLSOptions, server bool) (starlark.Value, error) {
	sock, ok := v.(*Socket)
	if !ok {
		return nil, exc.TypeError("%s() argument 'sock' must be a socket, not %s", fn, v.Type())
	}
	if err := sock.checkOpen(thread); err != nil {
		return nil, err
	}
	sock.mu.Lock()
	conn, host, t, already := sock.conn, sock.host, sock.timeout, sock.tls
	sock.mu.Unlock()
	if sock.kind != SOCK_STREAM || conn == nil {
		return nil, netx.Errno(thread, netx.ENOTCONN)
	}
	if already {
		return nil, exc.ValueError("%s(): the socket already speaks TLS", fn)
	}
	cfg, err := opts.Config(env, fn, host)
	if err != nil {
		return nil, err
	}
	var tc *tls.Conn
	if server {
		if len(cfg.Certificates) == 0 {
			return nil, exc.ValueError("%s(): server_side=True needs cert and key", fn)
		}
		tc = tls.Server(conn, cfg)
	} else {
		tc = tls.Client(conn, cfg)
	}
	err = netx.Wait(thread, t, conn.SetDeadline, tc.Handshake)
	if err != nil {
		if runtime.IsCancelled(err) {
			return nil, err
		}
		return nil, netx.FromGo(thread, err, false)
	}
	sock.mu.Lock()
	sock.conn, sock.tls = tc, true
	sock.mu.Unlock()
	return sock, nil
}
