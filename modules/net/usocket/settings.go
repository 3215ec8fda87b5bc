package usocket

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
)

func (s *Socket) settimeout(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg(fn, args, kwargs)
	if err != nil {
		return nil, err
	}
	t, err := netx.Seconds(fn, v)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.timeout = t
	s.mu.Unlock()
	return starlark.None, nil
}

func (s *Socket) gettimeout(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(fn, args, kwargs); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return timeoutValue(s.timeout), nil
}

func timeoutValue(t netx.Timeout) starlark.Value {
	if t < 0 {
		return starlark.None
	}
	return starlark.Float(float64(t) / 1e9)
}

// setblocking(True) is settimeout(None); setblocking(False) settimeout(0).
func (s *Socket) setblocking(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg(fn, args, kwargs)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.timeout = netx.NonBlocking
	if v.Truth() {
		s.timeout = netx.Block
	}
	s.mu.Unlock()
	return starlark.None, nil
}

// makefile returns the socket itself, which has read/readline/write, as
// MicroPython does.
func (s *Socket) makefile(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return s, nil
}

func (s *Socket) getpeername(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(fn, args, kwargs); err != nil {
		return nil, err
	}
	conn := s.current()
	if conn == nil {
		return nil, netx.Errno(thread, netx.ENOTCONN)
	}
	return addrTuple(conn.RemoteAddr()), nil
}

func (s *Socket) getsockname(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(fn, args, kwargs); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.conn != nil:
		return addrTuple(s.conn.LocalAddr()), nil
	case s.ln != nil:
		return addrTuple(s.ln.Addr()), nil
	case s.pc != nil:
		return addrTuple(s.pc.LocalAddr()), nil
	}
	return starlark.Tuple{starlark.String("0.0.0.0"), starlark.MakeInt(0)}, nil
}
