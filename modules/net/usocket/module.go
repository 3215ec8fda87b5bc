// Package usocket is QuecPython's usocket (and CPython's socket under
// that name) over Go's net package, plus ussl/ssl's wrap_socket.
//
// Every outgoing connection, TCP or UDP, is dialled through Env.Dial, so
// --emulate and tests can route it; an address that came from
// getaddrinfo is dialled by its host name. Servers (bind/listen/accept,
// bound UDP) listen on the gateway's own interfaces, and the script's
// connections to its own servers are dialled directly (local.go, which
// also serves a bind to an address this host does not have on loopback).
//
// Blocking calls release the interpreter lock and wake on Ctrl-C. A
// timeout raises TimeoutError (an OSError) with errno 110, a
// non-blocking call with nothing ready errno 11 (EAGAIN), as QuecPython
// raises OSError(110) and OSError(11). At the end of a TCP stream recv()
// returns b” once and then raises ENOTCONN (107), as on the module.
//
// Constants have QuecPython's (lwIP's) values in both modules.
package usocket

import (
	"os"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
)

// QuecPython's constants (lwIP values, FW21 and recent firmware).
const (
	AF_UNSPEC          = 0
	AF_INET            = 2
	AF_INET6           = 10
	SOCK_STREAM        = 1
	SOCK_DGRAM         = 2
	SOCK_RAW           = 3
	IPPROTO_IP         = 0
	IPPROTO_ICMP       = 1
	IPPROTO_TCP        = 6
	IPPROTO_TCP_SER    = 7 // QuecPython: a TCP server socket
	TCP_CUSTOMIZE_PORT = 8 // QuecPython: a TCP client whose bind() picks the local port
	IPPROTO_UDP        = 17
	IPPROTO_IPV6       = 41
	SOL_SOCKET         = 0xfff
	SO_REUSEADDR       = 0x0004
	SO_KEEPALIVE       = 0x0008
	SO_BROADCAST       = 0x0020
	SO_ACCEPTCONN      = 0x0002
	SO_SNDBUF          = 0x1001
	SO_RCVBUF          = 0x1002
	TCP_NODELAY        = 0x01
	TCP_KEEPALIVE      = 0x02
	IP_ADD_MEMBERSHIP  = 3
	SHUT_RD            = 0
	SHUT_WR            = 1
	SHUT_RDWR          = 2
)

func init() {
	runtime.Register(runtime.Module{Name: "usocket", Doc: "BSD sockets: TCP/UDP clients and servers (QuecPython usocket)",
		New: func(env *runtime.Env) (starlark.StringDict, error) { return members(env, false), nil }})
	runtime.Register(runtime.Module{Name: "socket", Doc: "usocket under CPython's name, with gethostbyname, create_connection, timeout",
		New: func(env *runtime.Env) (starlark.StringDict, error) { return members(env, true), nil }})
}

func members(env *runtime.Env, cpython bool) starlark.StringDict {
	d := starlark.StringDict{
		"socket":      newSocketBuiltin(env),
		"getaddrinfo": starlark.NewBuiltin("getaddrinfo", getaddrinfo),
	}
	ints := map[string]int{
		"AF_INET": AF_INET, "AF_INET6": AF_INET6,
		"SOCK_STREAM": SOCK_STREAM, "SOCK_DGRAM": SOCK_DGRAM, "SOCK_RAW": SOCK_RAW,
		"IPPROTO_IP": IPPROTO_IP, "IPPROTO_TCP": IPPROTO_TCP, "IPPROTO_UDP": IPPROTO_UDP,
		"IPPROTO_TCP_SER": IPPROTO_TCP_SER, "TCP_CUSTOMIZE_PORT": TCP_CUSTOMIZE_PORT,
		"SOL_SOCKET": SOL_SOCKET, "SO_REUSEADDR": SO_REUSEADDR, "TCP_KEEPALIVE": TCP_KEEPALIVE,
		"IP_ADD_MEMBERSHIP": IP_ADD_MEMBERSHIP, "SO_ACCEPTCONN": SO_ACCEPTCONN,
	}
	if cpython {
		for k, v := range map[string]int{
			"AF_UNSPEC": AF_UNSPEC, "IPPROTO_ICMP": IPPROTO_ICMP, "IPPROTO_IPV6": IPPROTO_IPV6,
			"SO_KEEPALIVE": SO_KEEPALIVE, "SO_BROADCAST": SO_BROADCAST, "SO_SNDBUF": SO_SNDBUF, "SO_RCVBUF": SO_RCVBUF,
			"TCP_NODELAY": TCP_NODELAY, "SHUT_RD": SHUT_RD, "SHUT_WR": SHUT_WR, "SHUT_RDWR": SHUT_RDWR,
		} {
			ints[k] = v
		}
		for k, v := range cpythonExtras(env) {
			d[k] = v
		}
	}
	for k, v := range ints {
		d[k] = starlark.MakeInt(v)
	}
	return d
}

// defaults holds socket.setdefaulttimeout per interpreter.
var defaults sync.Map // *runtime.Env -> netx.Timeout

func defaultTimeout(env *runtime.Env) netx.Timeout {
	if v, ok := defaults.Load(env); ok {
		return v.(netx.Timeout)
	}
	return netx.Block
}

func hostname(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	h, err := os.Hostname()
	if err != nil {
		h = "localhost"
	}
	return starlark.String(h), nil
}
