package usocket

import (
	mbits "math/bits"
	"net"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// cpythonExtras are the socket-module functions CPython scripts use that
// QuecPython's usocket lacks.
func cpythonExtras(env *runtime.Env) starlark.StringDict {
	d := starlark.StringDict{
		"gethostname":   starlark.NewBuiltin("gethostname", hostname),
		"gethostbyname": starlark.NewBuiltin("gethostbyname", gethostbyname),
		"create_connection": starlark.NewBuiltin("create_connection", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return createConnection(env, thread, b, args, kwargs)
		}),
		"getdefaulttimeout": starlark.NewBuiltin("getdefaulttimeout", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return timeoutValue(defaultTimeout(env)), starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0)
		}),
		"setdefaulttimeout": starlark.NewBuiltin("setdefaulttimeout", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			v, err := oneArg(b.Name(), args, kwargs)
			if err != nil {
				return nil, err
			}
			t, err := netx.Seconds(b.Name(), v)
			if err != nil {
				return nil, err
			}
			if _, loaded := defaults.Swap(env, t); !loaded {
				env.OnClose(func() { defaults.Delete(env) })
			}
			return starlark.None, nil
		}),
		"inet_aton": starlark.NewBuiltin("inet_aton", inetAton),
		"inet_ntoa": starlark.NewBuiltin("inet_ntoa", inetNtoa),
		"htons":     starlark.NewBuiltin("htons", byteSwap(16)),
		"ntohs":     starlark.NewBuiltin("ntohs", byteSwap(16)),
		"htonl":     starlark.NewBuiltin("htonl", byteSwap(32)),
		"ntohl":     starlark.NewBuiltin("ntohl", byteSwap(32)),
	}
	for name, class := range map[string]string{"timeout": "TimeoutError", "error": "OSError", "gaierror": "OSError", "herror": "OSError"} {
		if c := netx.ExceptionClass(class); c != nil {
			d[name] = c
		}
	}
	return d
}

func gethostbyname(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg(b.Name(), args, kwargs)
	if err != nil {
		return nil, err
	}
	host, err := pyargs.Text(b.Name(), "hostname", v)
	if err != nil {
		return nil, err
	}
	ips, err := lookup(thread, bindHost(host))
	if err != nil {
		return nil, err
	}
	for _, ip := range ips {
		if ip.To4() != nil {
			namesOf(runtime.EnvOf(thread)).remember(ip.String(), host)
			return starlark.String(ip.String()), nil
		}
	}
	return nil, netx.ErrnoMsg(thread, netx.EAI_NONAME, netx.Strerror(netx.EAI_NONAME))
}

// create_connection((host, port), timeout=None) is socket() + connect().
func createConnection(env *runtime.Env, thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kwargs, "address", "timeout?", "source_address?")
	if err != nil {
		return nil, err
	}
	s := newSocket(env, AF_INET, SOCK_STREAM, 0)
	if a.Given("timeout") {
		if s.timeout, err = netx.Seconds(b.Name(), a.Value("timeout")); err != nil {
			return nil, err
		}
	}
	if _, err := s.connect(thread, "connect", starlark.Tuple{a.Value("address")}, nil); err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

func inetAton(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg(b.Name(), args, kwargs)
	if err != nil {
		return nil, err
	}
	s, err := pyargs.Text(b.Name(), "ip", v)
	if err != nil {
		return nil, err
	}
	ip := net.ParseIP(s).To4()
	if ip == nil {
		return nil, exc.OSError("illegal IP address string passed to inet_aton")
	}
	return starlark.Bytes(ip), nil
}

func inetNtoa(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg(b.Name(), args, kwargs)
	if err != nil {
		return nil, err
	}
	p, err := netx.Buffer(b.Name(), v)
	if err != nil {
		return nil, err
	}
	if len(p) != 4 {
		return nil, exc.OSError("packed IP wrong length for inet_ntoa")
	}
	return starlark.String(net.IP(p).String()), nil
}

// byteSwap is htons/ntohs (16 bits) or htonl/ntohl (32): a swap, as on
// the little-endian modules (and every target qstar releases for).
func byteSwap(bits int) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := oneArg(b.Name(), args, kwargs)
		if err != nil {
			return nil, err
		}
		n, err := pyargs.Int(b.Name(), "x", v)
		if err != nil {
			return nil, err
		}
		if bits == 16 {
			return starlark.MakeInt(int(mbits.ReverseBytes16(uint16(n)))), nil
		}
		return starlark.MakeInt64(int64(mbits.ReverseBytes32(uint32(n)))), nil
	}
}
