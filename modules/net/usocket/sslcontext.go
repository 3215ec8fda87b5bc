package usocket

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// CPython's ssl protocol constants.
const (
	protocolTLS       = 2
	protocolTLSClient = 16
	protocolTLSServer = 17
)

// sslContext is CPython's ssl.SSLContext, as far as clients use it:
// wrap_socket, load_verify_locations, load_cert_chain, check_hostname
// and verify_mode.
type sslContext struct {
	env           *runtime.Env
	server        bool
	opts          netx.TLSOptions
	checkHostname bool
}

func contextMembers(env *runtime.Env) starlark.StringDict {
	newCtx := func(server bool) *sslContext {
		return &sslContext{env: env, server: server, opts: netx.TLSOptions{CertReqs: netx.CertRequired}, checkHostname: !server}
	}
	return starlark.StringDict{
		"create_default_context": starlark.NewBuiltin("create_default_context", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			a, err := pyargs.Bind(b.Name(), args, kwargs, "purpose?", "cafile?", "capath?", "cadata?")
			if err != nil {
				return nil, err
			}
			c := newCtx(false)
			return c, c.loadVerify(b.Name(), a)
		}),
		"SSLContext": starlark.NewBuiltin("SSLContext", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var p starlark.Value = starlark.MakeInt(protocolTLSClient)
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0, &p); err != nil {
				return nil, err
			}
			n, _ := starlark.AsInt32(p)
			c := newCtx(n == protocolTLSServer)
			if n == protocolTLS { // the old generic protocol did not verify by default
				c.opts.CertReqs, c.checkHostname = netx.CertNone, false
			}
			return c, nil
		}),
		"_create_unverified_context": starlark.NewBuiltin("_create_unverified_context", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			c := newCtx(false)
			c.opts.CertReqs, c.checkHostname = netx.CertNone, false
			return c, nil
		}),
		"PROTOCOL_TLS":        starlark.MakeInt(protocolTLS),
		"PROTOCOL_TLS_CLIENT": starlark.MakeInt(protocolTLSClient),
		"PROTOCOL_TLS_SERVER": starlark.MakeInt(protocolTLSServer),
		"Purpose":             purpose{},
		"SSLError":            netx.ExceptionClass("OSError"),
	}
}

func (c *sslContext) String() string        { return "<ssl.SSLContext object>" }
func (c *sslContext) Type() string          { return "SSLContext" }
func (c *sslContext) Freeze()               {}
func (c *sslContext) Truth() starlark.Bool  { return true }
func (c *sslContext) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'SSLContext'") }
func (c *sslContext) AttrNames() []string {
	return []string{"check_hostname", "load_cert_chain", "load_default_certs", "load_verify_locations", "set_ciphers", "verify_mode", "wrap_socket"}
}

func (c *sslContext) Attr(name string) (starlark.Value, error) {
	switch name {
	case "check_hostname":
		return starlark.Bool(c.checkHostname), nil
	case "verify_mode":
		return starlark.MakeInt(c.opts.CertReqs), nil
	}
	fns := map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
		"wrap_socket":           c.wrapSocket,
		"load_verify_locations": c.loadVerifyLocations,
		"load_cert_chain":       c.loadCertChain,
		"load_default_certs":    none,
		"set_ciphers":           none,
	}
	if f, ok := fns[name]; ok {
		return starlark.NewBuiltin(name, f), nil
	}
	return nil, nil
}

// SetField sets check_hostname and verify_mode; CPython refuses CERT_NONE
// while check_hostname is on, and so does this.
func (c *sslContext) SetField(name string, v starlark.Value) error {
	switch name {
	case "check_hostname":
		c.checkHostname = bool(v.Truth())
		if c.checkHostname && c.opts.CertReqs == netx.CertNone {
			c.opts.CertReqs = netx.CertRequired
		}
		return nil
	case "verify_mode":
		n, err := pyargs.Int("verify_mode", "value", v)
		if err != nil {
			return err
		}
		if n == netx.CertNone && c.checkHostname {
			return exc.ValueError("Cannot set verify_mode to CERT_NONE when check_hostname is enabled.")
		}
		c.opts.CertReqs = int(n)
		return nil
	}
	return exc.New("AttributeError", "'SSLContext' object has no attribute '%s'", name)
}

func none(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return starlark.None, nil
}

func (c *sslContext) loadVerify(fn string, a *pyargs.Args) error {
	for _, k := range []string{"cafile", "cadata", "capath"} {
		if !a.Has(k) {
			continue
		}
		o, err := netx.ParseTLS(fn, []starlark.Tuple{{starlark.String("ca"), a.Value(k)}})
		if err != nil {
			return err
		}
		c.opts.CA = append(c.opts.CA, o.CA...)
	}
	return nil
}

func (c *sslContext) loadVerifyLocations(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kwargs, "cafile?", "capath?", "cadata?")
	if err != nil {
		return nil, err
	}
	return starlark.None, c.loadVerify(b.Name(), a)
}

func (c *sslContext) loadCertChain(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kwargs, "certfile", "keyfile?", "password?")
	if err != nil {
		return nil, err
	}
	kv := []starlark.Tuple{{starlark.String("cert"), a.Value("certfile")}}
	if a.Has("keyfile") {
		kv = append(kv, starlark.Tuple{starlark.String("key"), a.Value("keyfile")})
	}
	o, err := netx.ParseTLS(b.Name(), kv)
	if err != nil {
		return nil, err
	}
	c.opts.Cert, c.opts.Key = o.Cert, o.Key
	return starlark.None, nil
}

func (c *sslContext) wrapSocket(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kwargs, "sock", "server_side?", "do_handshake_on_connect?", "suppress_ragged_eofs?", "server_hostname?", "session?")
	if err != nil {
		return nil, err
	}
	opts := c.opts
	if opts.ServerHostname, err = a.Str("server_hostname", ""); err != nil {
		return nil, err
	}
	if !c.server && c.checkHostname && opts.ServerHostname == "" {
		return nil, exc.ValueError("check_hostname requires server_hostname")
	}
	server := c.server || (a.Has("server_side") && a.Value("server_side").Truth() == starlark.True)
	return wrapSocket(thread, c.env, b.Name(), a.Value("sock"), &opts, server)
}

// purpose is ssl.Purpose: SERVER_AUTH and CLIENT_AUTH, passed back to
// create_default_context.
type purpose struct{}

func (purpose) String() string        { return "<enum 'Purpose'>" }
func (purpose) Type() string          { return "Purpose" }
func (purpose) Freeze()               {}
func (purpose) Truth() starlark.Bool  { return true }
func (purpose) Hash() (uint32, error) { return 0, nil }
func (purpose) AttrNames() []string   { return []string{"CLIENT_AUTH", "SERVER_AUTH"} }
func (purpose) Attr(name string) (starlark.Value, error) {
	switch name {
	case "SERVER_AUTH", "CLIENT_AUTH":
		return starlark.String("Purpose." + name), nil
	}
	return nil, nil
}
