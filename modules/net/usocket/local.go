package usocket

import (
	"errors"
	"net"
	"strconv"
	"sync"
	"syscall"

	"github.com/qstar-dev/qstar/runtime"
)

// localServers are the ports this interpreter's own servers listen on.
// connect()/sendto() to one of them is dialled directly, not through
// Env.Dial: the script is talking to itself, which neither --emulate nor
// a test route should divert.
//
// It also lets the QuecPython server samples run on a gateway: they bind
// to the address dataCall.getInfo reports (the simulated modem's, not
// this host's) and a port like 80. When bind() is refused for that
// (EADDRNOTAVAIL, or EACCES for a privileged port), the server listens on
// loopback instead, says so on stderr, and connections the script makes
// to the address it asked for reach it.
type localServers struct {
	mu      sync.Mutex
	virtual map[string]string // "tcp 10.1.2.3:80" -> actual loopback address
	bound   map[string]bool   // "tcp 0.0.0.0:5000", "udp 127.0.0.1:6000": actual binds
}

var localByEnv sync.Map // *runtime.Env -> *localServers

func localOf(env *runtime.Env) *localServers {
	if v, ok := localByEnv.Load(env); ok {
		return v.(*localServers)
	}
	v, loaded := localByEnv.LoadOrStore(env, &localServers{virtual: map[string]string{}, bound: map[string]bool{}})
	if !loaded {
		env.OnClose(func() { localByEnv.Delete(env) })
	}
	return v.(*localServers)
}

func key(network, addr string) string { return network + " " + addr }

// bind records a server's address; asked is what the script asked for
// when it differs from the actual one.
func (l *localServers) bind(network, asked string, actual net.Addr) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.bound[key(network, actual.String())] = true
	if asked != actual.String() {
		l.virtual[key(network, asked)] = actual.String()
	}
}

func (l *localServers) unbind(network, asked string, actual net.Addr) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.bound, key(network, actual.String()))
	delete(l.virtual, key(network, asked))
}

// target returns the local address to dial for host:port when it is one
// of this interpreter's servers.
func (l *localServers) target(network, host string, port int) (string, bool) {
	if host == "localhost" || host == "" {
		host = "127.0.0.1"
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return "", false
	}
	p := strconv.Itoa(port)
	addr := net.JoinHostPort(ip.String(), p)
	l.mu.Lock()
	defer l.mu.Unlock()
	if v, ok := l.virtual[key(network, addr)]; ok {
		return v, true
	}
	if l.bound[key(network, addr)] {
		return addr, true
	}
	if ip.IsLoopback() || ip.IsUnspecified() {
		for _, any := range []string{"0.0.0.0", "::"} {
			if l.bound[key(network, net.JoinHostPort(any, p))] {
				return net.JoinHostPort("127.0.0.1", p), true
			}
		}
	}
	return "", false
}

// refusedHere reports whether a bind failed because the address is not
// this host's or the port is privileged: the cases served on loopback.
func refusedHere(err error) bool {
	return errors.Is(err, syscall.EADDRNOTAVAIL) || errors.Is(err, syscall.EACCES)
}
