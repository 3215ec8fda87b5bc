package usocket

import (
	"context"
	"net"
	"strconv"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// bind((host, port)): a TCP socket starts listening here (listen() then
// only marks it), so "address in use" is reported by bind() as in
// Python; a UDP socket gets its own port. A TCP_CUSTOMIZE_PORT client
// only records the address: its connect() goes through Env.Dial.
func (s *Socket) bind(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
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
	bound := s.ln != nil || s.pc != nil || s.conn != nil
	s.mu.Unlock()
	if bound {
		return nil, netx.Errno(thread, netx.EINVAL)
	}
	if s.kind == SOCK_DGRAM {
		_, err := s.bindPacket(thread, bindHost(host), port)
		return starlark.None, err
	}
	if s.proto == TCP_CUSTOMIZE_PORT {
		return starlark.None, nil
	}
	ln, err := s.listenOn(thread, bindHost(host), port)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.ln = ln
	s.mu.Unlock()
	return starlark.None, nil
}

func (s *Socket) network(base string) string {
	if s.family == AF_INET6 {
		return base + "6"
	}
	return base + "4"
}

func (s *Socket) listenOn(thread *starlark.Thread, host string, port int) (net.Listener, error) {
	var ln net.Listener
	asked := net.JoinHostPort(host, strconv.Itoa(port))
	err := runtime.Block(thread, func(ctx context.Context) error {
		return s.bindHere(ctx, asked, port, func(addr string) error {
			var err error
			ln, err = (&net.ListenConfig{}).Listen(ctx, s.network("tcp"), addr)
			return err
		})
	})
	if err != nil {
		return nil, netx.FromGo(thread, err, false)
	}
	s.noteBind("tcp", asked, ln.Addr())
	return ln, nil
}

// bindHere binds asked, or loopback when this host refuses it (the
// address is not its own, or the port is privileged).
func (s *Socket) bindHere(ctx context.Context, asked string, port int, listen func(addr string) error) error {
	err := listen(asked)
	if err == nil || !refusedHere(err) {
		return err
	}
	for _, addr := range []string{net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), "127.0.0.1:0"} {
		if listen(addr) == nil {
			return nil
		}
	}
	return err
}

func (s *Socket) noteBind(network, asked string, actual net.Addr) {
	s.mu.Lock()
	s.asked = asked
	s.mu.Unlock()
	s.local.bind(network, asked, actual)
	if asked != actual.String() && !isWildcardSame(asked, actual) {
		s.env.Logf("usocket: %s cannot be bound on this host; serving on %s (this script's connections to %s reach it)", asked, actual, asked)
	}
}

// isWildcardSame is true for a port-0 or wildcard bind that got what it
// asked for.
func isWildcardSame(asked string, actual net.Addr) bool {
	h, p, _ := net.SplitHostPort(asked)
	ah, ap, _ := net.SplitHostPort(actual.String())
	return (p == "0" || p == ap) && (h == ah || net.ParseIP(h) != nil && net.ParseIP(h).IsUnspecified())
}

func (s *Socket) bindPacket(thread *starlark.Thread, host string, port int) (net.PacketConn, error) {
	var pc net.PacketConn
	asked := net.JoinHostPort(host, strconv.Itoa(port))
	err := runtime.Block(thread, func(ctx context.Context) error {
		return s.bindHere(ctx, asked, port, func(addr string) error {
			var err error
			pc, err = (&net.ListenConfig{}).ListenPacket(ctx, s.network("udp"), addr)
			return err
		})
	})
	if err != nil {
		return nil, netx.FromGo(thread, err, false)
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		pc.Close()
		return nil, netx.Errno(thread, netx.EBADF)
	}
	s.pc = pc
	s.mu.Unlock()
	s.noteBind("udp", asked, pc.LocalAddr())
	return pc, nil
}

// listen([backlog]): a socket that was not bound gets an ephemeral port.
func (s *Socket) listen(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var backlog starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 0, &backlog); err != nil {
		return nil, err
	}
	if !pyargs.IsNone(backlog) {
		if _, err := pyargs.Int(fn, "backlog", backlog); err != nil {
			return nil, err
		}
	}
	if err := s.checkOpen(thread); err != nil {
		return nil, err
	}
	if s.kind != SOCK_STREAM {
		return nil, netx.Errno(thread, netx.EOPNOTSUPP)
	}
	s.mu.Lock()
	ln := s.ln
	s.mu.Unlock()
	if ln == nil {
		var err error
		if ln, err = s.listenOn(thread, "0.0.0.0", 0); err != nil {
			return nil, err
		}
	}
	s.mu.Lock()
	s.ln, s.state = ln, stListen
	s.mu.Unlock()
	return starlark.None, nil
}

type deadliner interface{ SetDeadline(time.Time) error }

// accept() returns (conn, (ip, port)), or QuecPython's documented
// (conn, ip, port) for an IPPROTO_TCP_SER socket.
func (s *Socket) accept(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(fn, args, kwargs); err != nil {
		return nil, err
	}
	if err := s.checkOpen(thread); err != nil {
		return nil, err
	}
	s.mu.Lock()
	ln, t, listening := s.ln, s.timeout, s.state == stListen
	var early net.Conn
	if len(s.accepted) > 0 { // select/poll accepted it already
		early, s.accepted = s.accepted[0], s.accepted[1:]
	}
	s.mu.Unlock()
	if early != nil {
		return s.acceptedSocket(early), nil
	}
	if ln == nil || !listening {
		return nil, netx.Errno(thread, netx.EINVAL)
	}
	setDeadline := func(time.Time) error { return nil }
	if d, ok := ln.(deadliner); ok {
		setDeadline = d.SetDeadline
	}
	var conn net.Conn
	err := netx.Wait(thread, t, setDeadline, func() error {
		var err error
		conn, err = ln.Accept()
		return err
	})
	if err != nil {
		if conn != nil {
			conn.Close()
		}
		return nil, netx.FromGo(thread, err, t == netx.NonBlocking)
	}
	return s.acceptedSocket(conn), nil
}

// acceptedSocket wraps an accepted connection in accept()'s answer.
func (s *Socket) acceptedSocket(conn net.Conn) starlark.Value {
	c := newSocket(s.env, s.family, s.kind, s.proto)
	c.conn, c.state = conn, stEstablished
	s.mu.Lock()
	for k, v := range s.opts {
		c.opts[k] = v
	}
	s.mu.Unlock()
	c.applyOptions(conn)
	peer := addrTuple(conn.RemoteAddr()).(starlark.Tuple)
	if s.proto == IPPROTO_TCP_SER {
		return starlark.Tuple{c, peer[0], peer[1]}
	}
	return starlark.Tuple{c, peer}
}
