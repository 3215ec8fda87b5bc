package runtime

import (
	"context"
	"net"
	"os"
	"strings"
	"syscall"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Grants say what a script may reach beyond its data directory, in the
// spirit of Deno's --allow-* flags. The zero value is the default: files
// only in the data directory, no host environment variables, any host on
// the network.
type Grants struct {
	FS       []string // host paths scripts may read and write (--allow-fs)
	Env      []string // host environment variables scripts see (--allow-env); "*" is all
	NetAllow []string // when set, the only HOST[:PORT]s scripts may dial (--allow-net); "*" is any
	NetDeny  []string // HOST[:PORT]s scripts may never dial (--deny-net); wins over NetAllow
}

// DialFunc is the shape of Env.Dial.
type DialFunc = func(ctx context.Context, network, addr string) (net.Conn, error)

// GuardDial wraps dial so every connection is checked against g first; the
// CLI applies it to Env.Dial after any routing (--emulate) is in place, so
// the check sees the host the script asked for.
func GuardDial(g Grants, dial DialFunc) DialFunc {
	if len(g.NetAllow) == 0 && len(g.NetDeny) == 0 {
		return dial
	}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		if err := g.CheckNet(addr); err != nil {
			return nil, err
		}
		return dial(ctx, network, addr)
	}
}

// CheckNet returns a PermissionError naming addr and the flag involved when
// the grants do not let a script dial addr ("host:port").
func (g Grants) CheckNet(addr string) error {
	host, port := splitAddr(addr)
	for _, d := range g.NetDeny {
		if netMatch(d, host, port) {
			return netDenied(addr, "refused by --deny-net="+d)
		}
	}
	if len(g.NetAllow) == 0 {
		return nil
	}
	for _, a := range g.NetAllow {
		if netMatch(a, host, port) {
			return nil
		}
	}
	return netDenied(addr, "not granted; run with --allow-net="+host)
}

func netDenied(addr, why string) error {
	e := exc.OSErr(syscall.EACCES, &addr)
	e.Msg += " (network access " + why + ")"
	return e
}

func splitAddr(addr string) (host, port string) {
	if h, p, err := net.SplitHostPort(addr); err == nil {
		return strings.ToLower(h), p
	}
	return strings.ToLower(strings.Trim(addr, "[]")), ""
}

// netMatch reports whether a HOST[:PORT] entry covers host and port. "*"
// is any host; "*.example.com" is any name under example.com.
func netMatch(entry, host, port string) bool {
	eh, ep := splitAddr(entry)
	if ep != "" && ep != port {
		return false
	}
	switch {
	case eh == "*":
		return true
	case strings.HasPrefix(eh, "*."):
		return strings.HasSuffix(host, eh[1:])
	}
	return eh == host
}

// EnvAllowed reports whether scripts may see the host variable name.
func (g Grants) EnvAllowed(name string) bool {
	for _, n := range g.Env {
		if n == "*" || n == name {
			return true
		}
	}
	return false
}

// Environ returns the host environment variables the grants let scripts
// see (os.environ); every other variable is invisible.
func (e *Env) Environ() map[string]string {
	out := map[string]string{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		if e.Grants.EnvAllowed(k) {
			out[k] = v
		}
	}
	return out
}
