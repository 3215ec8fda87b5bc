package usocket

import (
	"context"
	"hash/fnv"
	"net"
	"strconv"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// hostNames remembers which host name each address from getaddrinfo came
// from, so connect((ip, port)) dials the name through Env.Dial: the
// emulator routes by name, and TLS gets its SNI. One per interpreter.
type hostNames struct {
	mu     sync.Mutex
	byAddr map[string]string
}

var namesByEnv sync.Map // *runtime.Env -> *hostNames

func namesOf(env *runtime.Env) *hostNames {
	if v, ok := namesByEnv.Load(env); ok {
		return v.(*hostNames)
	}
	v, loaded := namesByEnv.LoadOrStore(env, &hostNames{byAddr: map[string]string{}})
	if !loaded {
		env.OnClose(func() { namesByEnv.Delete(env) })
	}
	return v.(*hostNames)
}

func (h *hostNames) remember(ip, host string) {
	h.mu.Lock()
	h.byAddr[ip] = host
	h.mu.Unlock()
}

// name is the host ip was resolved from, or ip itself.
func (h *hostNames) name(ip string) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if n, ok := h.byAddr[ip]; ok {
		return n
	}
	return ip
}

// sockAddr reads an (host, port) address argument.
func sockAddr(fn string, v starlark.Value) (host string, port int, err error) {
	seq, ok := v.(starlark.Indexable)
	if !ok || seq.Len() < 2 || v.Type() == "string" || v.Type() == "bytes" {
		return "", 0, exc.TypeError("%s(): AF_INET address must be tuple, not %s", fn, pyargs.TypeName(v))
	}
	host, ok = pyargs.AsText(seq.Index(0))
	if !ok {
		return "", 0, exc.TypeError("%s(): host must be str, not %s", fn, pyargs.TypeName(seq.Index(0)))
	}
	port, err = portArg(fn, seq.Index(1))
	return host, port, err
}

// portArg takes an int or a decimal str port, as lwIP's getaddrinfo does.
func portArg(fn string, v starlark.Value) (int, error) {
	if s, ok := pyargs.AsText(v); ok {
		n, err := strconv.Atoi(s)
		if err != nil {
			if p, lerr := net.LookupPort("tcp", s); lerr == nil {
				return p, nil
			}
			return 0, exc.OSError("[Errno -8] Servname not supported for ai_socktype")
		}
		v = starlark.MakeInt(n)
	}
	n, err := pyargs.Int(fn, "port", v)
	if err != nil {
		return 0, err
	}
	if n < 0 || n > 65535 {
		return 0, exc.New("OverflowError", "%s(): port must be 0-65535.", fn)
	}
	return int(n), nil
}

// bindHost is the address to bind: "" means every local address.
func bindHost(host string) string {
	if host == "" {
		return "0.0.0.0"
	}
	return host
}

// addrTuple is Python's (ip, port) for a Go address.
func addrTuple(a net.Addr) starlark.Value {
	if a == nil {
		return starlark.None
	}
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return starlark.Tuple{starlark.String(a.String()), starlark.MakeInt(0)}
	}
	n, _ := strconv.Atoi(port)
	return starlark.Tuple{starlark.String(host), starlark.MakeInt(n)}
}

// resolver answers getaddrinfo; tests swap in one that never leaves the
// host.
var resolver = net.DefaultResolver

// lookup resolves host with the interpreter lock released; an IP literal
// is returned as is.
func lookup(thread *starlark.Thread, host string) ([]net.IP, error) {
	if ip := net.ParseIP(host); ip != nil {
		return []net.IP{ip}, nil
	}
	var addrs []net.IPAddr
	err := runtime.Block(thread, func(ctx context.Context) error {
		var err error
		addrs, err = resolver.LookupIPAddr(ctx, host)
		return err
	})
	if err != nil {
		if runtime.IsCancelled(err) {
			return nil, err
		}
		if runtime.EnvOf(thread).Routed {
			return []net.IP{routedIP(host)}, nil
		}
		return nil, netx.ErrnoMsg(thread, netx.EAI_NONAME, netx.Strerror(netx.EAI_NONAME))
	}
	// IPv4 first, as the module's lwIP answers.
	var v4, v6 []net.IP
	for _, a := range addrs {
		if a.IP.To4() != nil {
			v4 = append(v4, a.IP)
		} else {
			v6 = append(v6, a.IP)
		}
	}
	return append(v4, v6...), nil
}

// routedIP stands for a name this host cannot resolve when every
// connection is routed by name: a stable address in 198.18.0.0/15 (RFC
// 2544, never a real host), which connect turns back into the name.
func routedIP(host string) net.IP {
	h := fnv.New32a()
	h.Write([]byte(host))
	n := h.Sum32()
	return net.IPv4(198, 18+byte(n>>16&1), byte(n>>8), byte(n)|1)
}

// getaddrinfo(host, port, af=0, type=0, proto=0, flags=0) returns
// [(family, type, proto, canonname, (ip, port)), ...], IPv4 first, as
// QuecPython's lwIP does: type defaults to SOCK_STREAM, proto to 0, and
// canonname is ”. A name that does not resolve is OSError -2.
func getaddrinfo(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kwargs, "host", "port", "family?", "type?", "proto?", "flags?")
	if err != nil {
		return nil, err
	}
	host, err := a.Str("host", "")
	if err != nil {
		return nil, err
	}
	port := 0
	if a.Has("port") {
		if port, err = portArg(b.Name(), a.Value("port")); err != nil {
			return nil, err
		}
	}
	family, err := a.Int("family", 0)
	if err != nil {
		return nil, err
	}
	typ, err := a.Int("type", 0)
	if err != nil {
		return nil, err
	}
	proto, err := a.Int("proto", 0)
	if err != nil {
		return nil, err
	}
	if typ == 0 {
		typ = SOCK_STREAM
	}
	ips, err := lookup(thread, bindHost(host))
	if err != nil {
		return nil, err
	}
	names := namesOf(runtime.EnvOf(thread))
	var out []starlark.Value
	for _, ip := range ips {
		fam := AF_INET
		if ip.To4() == nil {
			fam = AF_INET6
		}
		if family != 0 && family != fam {
			continue
		}
		if net.ParseIP(host) == nil && host != "" {
			names.remember(ip.String(), host)
		}
		out = append(out, starlark.Tuple{
			starlark.MakeInt(fam), starlark.MakeInt(typ), starlark.MakeInt(proto), starlark.String(""),
			starlark.Tuple{starlark.String(ip.String()), starlark.MakeInt(port)},
		})
	}
	if len(out) == 0 {
		return nil, netx.ErrnoMsg(thread, netx.EAI_NONAME, netx.Strerror(netx.EAI_NONAME))
	}
	return starlark.NewList(out), nil
}
