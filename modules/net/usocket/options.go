package usocket

import (
	"crypto/tls"
	"net"
	"syscall"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// setsockopt(level, optname, value). The options a gateway can honour
// are applied to the connection (now, or when it is made): TCP_KEEPALIVE
// (QuecPython's, value in minutes), SO_KEEPALIVE, TCP_NODELAY. Others
// (SO_REUSEADDR: Go's listeners already reuse) are recorded for
// getsockopt.
func (s *Socket) setsockopt(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lv, ov, vv starlark.Value
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 3, &lv, &ov, &vv); err != nil {
		return nil, err
	}
	level, err := pyargs.Int(fn, "level", lv)
	if err != nil {
		return nil, err
	}
	opt, err := pyargs.Int(fn, "optname", ov)
	if err != nil {
		return nil, err
	}
	if err := s.checkOpen(thread); err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.opts[[2]int{int(level), int(opt)}] = vv
	conn := s.conn
	s.mu.Unlock()
	if conn != nil {
		s.applyOptions(conn)
	}
	return starlark.None, nil
}

func (s *Socket) getsockopt(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lv, ov, bl starlark.Value
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 2, &lv, &ov, &bl); err != nil {
		return nil, err
	}
	level, err := pyargs.Int(fn, "level", lv)
	if err != nil {
		return nil, err
	}
	opt, err := pyargs.Int(fn, "optname", ov)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.opts[[2]int{int(level), int(opt)}]; ok {
		if b, ok := v.(starlark.Bool); ok {
			return starlark.MakeInt(map[bool]int{false: 0, true: 1}[bool(b)]), nil
		}
		return v, nil
	}
	if int(level) == SOL_SOCKET && int(opt) == SO_ACCEPTCONN {
		return starlark.MakeInt(map[bool]int{false: 0, true: 1}[s.state == stListen]), nil
	}
	return starlark.MakeInt(0), nil
}

// tcpConn finds the TCP connection under conn (TLS included).
func tcpConn(conn net.Conn) *net.TCPConn {
	if tc, ok := conn.(*tls.Conn); ok {
		conn = tc.NetConn()
	}
	c, _ := conn.(*net.TCPConn)
	return c
}

// applyOptions sets the recorded options on conn.
func (s *Socket) applyOptions(conn net.Conn) {
	tc := tcpConn(conn)
	if tc == nil {
		return
	}
	s.mu.Lock()
	opts := make(map[[2]int]starlark.Value, len(s.opts))
	for k, v := range s.opts {
		opts[k] = v
	}
	s.mu.Unlock()
	for k, v := range opts {
		n := intValue(v)
		switch {
		case k[1] == TCP_KEEPALIVE && (k[0] == SOL_SOCKET || k[0] == IPPROTO_TCP):
			// QuecPython: idle minutes before probing (1-120), 25 s
			// between probes, 3 probes.
			_ = tc.SetKeepAliveConfig(net.KeepAliveConfig{Enable: n > 0,
				Idle: time.Duration(n) * time.Minute, Interval: 25 * time.Second, Count: 3})
		case k[0] == SOL_SOCKET && k[1] == SO_KEEPALIVE:
			_ = tc.SetKeepAlive(n != 0)
		case k[0] == IPPROTO_TCP && k[1] == TCP_NODELAY:
			_ = tc.SetNoDelay(n != 0)
		}
	}
}

func intValue(v starlark.Value) int {
	switch x := v.(type) {
	case starlark.Int:
		n, _ := x.Int64()
		return int(n)
	case starlark.Bool:
		if x {
			return 1
		}
	}
	return 0
}

// fileno is the descriptor of the socket's Go connection, or -1.
func (s *Socket) fileno(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(fn, args, kwargs); err != nil {
		return nil, err
	}
	s.mu.Lock()
	var sc syscall.Conn
	switch {
	case s.conn != nil:
		if tc := tcpConn(s.conn); tc != nil {
			sc = tc
		} else if c, ok := s.conn.(syscall.Conn); ok {
			sc = c
		}
	case s.ln != nil:
		sc, _ = s.ln.(syscall.Conn)
	case s.pc != nil:
		sc, _ = s.pc.(syscall.Conn)
	}
	s.mu.Unlock()
	fd := -1
	if sc != nil {
		if raw, err := sc.SyscallConn(); err == nil {
			_ = raw.Control(func(f uintptr) { fd = int(f) })
		}
	}
	return starlark.MakeInt(fd), nil
}

// shutdown(how): SHUT_RD, SHUT_WR or SHUT_RDWR.
func (s *Socket) shutdown(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg(fn, args, kwargs)
	if err != nil {
		return nil, err
	}
	how, err := pyargs.Int(fn, "how", v)
	if err != nil {
		return nil, err
	}
	conn := s.current()
	if conn == nil {
		return nil, netx.Errno(thread, netx.ENOTCONN)
	}
	type closeReader interface{ CloseRead() error }
	type closeWriter interface{ CloseWrite() error }
	if how == SHUT_RD || how == SHUT_RDWR {
		if c, ok := conn.(closeReader); ok {
			_ = c.CloseRead()
		} else if tc := tcpConn(conn); tc != nil {
			_ = tc.CloseRead()
		}
	}
	if how == SHUT_WR || how == SHUT_RDWR {
		if c, ok := conn.(closeWriter); ok {
			_ = c.CloseWrite()
		}
	}
	return starlark.None, nil
}
