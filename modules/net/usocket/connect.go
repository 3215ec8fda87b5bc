package usocket

import (
	"context"
	"net"
	"strconv"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// dial opens network ("tcp" or "udp") to host:port through Env.Dial, so
// --emulate and tests can route it, bounded by the socket's timeout.
func (s *Socket) dial(thread *starlark.Thread, network, host string, port int, t netx.Timeout) (net.Conn, error) {
	dialHost := s.names.name(host)
	if dialHost == "" {
		dialHost = "127.0.0.1"
	}
	dialFn := s.env.Dial
	if dialFn == nil {
		dialFn = (&net.Dialer{}).DialContext
	}
	addr := net.JoinHostPort(dialHost, strconv.Itoa(port))
	if own, ok := s.local.target(network, host, port); ok {
		addr, dialFn = own, (&net.Dialer{}).DialContext
	}
	var conn net.Conn
	err := runtime.Block(thread, func(ctx context.Context) error {
		dctx, cancel := netx.DialContext(ctx, t)
		defer cancel()
		var err error
		conn, err = dialFn(dctx, network, addr)
		return err
	})
	if err != nil {
		if conn != nil {
			conn.Close()
		}
		return nil, netx.FromGo(thread, err, false)
	}
	return conn, nil
}

// connect((host, port)) dials through Env.Dial. A host that came from
// getaddrinfo is dialled by its name.
func (s *Socket) connect(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg(fn, args, kwargs)
	if err != nil {
		return nil, err
	}
	host, port, err := sockAddr(fn, v)
	if err != nil {
		return nil, err
	}
	if err := s.checkOpen(thread); err != nil {
		return nil, err
	}
	s.mu.Lock()
	if s.conn != nil {
		s.mu.Unlock()
		return nil, netx.Errno(thread, netx.EISCONN)
	}
	// A client that bound first (TCP_CUSTOMIZE_PORT, or bind((ip, 0)) to
	// pick an interface) dials through Env.Dial like any other; the
	// listener bind() opened is not needed.
	ln := s.ln
	s.ln = nil
	t := s.timeout
	if s.kind == SOCK_STREAM {
		s.state = stSynSent
	}
	s.mu.Unlock()
	if ln != nil {
		ln.Close()
	}
	network := "tcp"
	if s.kind == SOCK_DGRAM {
		network = "udp"
	}
	conn, err := s.dial(thread, network, host, port, t)
	if err != nil {
		s.setState(stClosed)
		return nil, err
	}
	s.mu.Lock()
	if s.closed { // closed by another thread while dialling
		s.mu.Unlock()
		conn.Close()
		return nil, netx.Errno(thread, netx.EBADF)
	}
	s.conn, s.host, s.state, s.eof = conn, s.names.name(host), stEstablished, false
	s.mu.Unlock()
	s.applyOptions(conn)
	return starlark.None, nil
}

func (s *Socket) setState(st int) {
	s.mu.Lock()
	s.state = st
	s.mu.Unlock()
}

// connect_ex is CPython's connect that returns the errno (0 on success)
// instead of raising it.
func (s *Socket) connectEx(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	_, err := s.connect(thread, fn, args, kwargs)
	if err == nil {
		return starlark.MakeInt(0), nil
	}
	if e, ok := exc.As(err); ok {
		if inst, ok := e.Value.(starlark.HasAttrs); ok {
			if n, _ := inst.Attr("errno"); n != nil {
				return n, nil
			}
		}
	}
	return nil, err
}
