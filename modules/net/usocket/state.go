package usocket

import (
	"go.starlark.net/starlark"
)

// getsocketsta() is the TCP state in lwIP's numbering (0 CLOSED ...
// 4 ESTABLISHED, 7 CLOSE_WAIT ... 10 TIME_WAIT), read from the kernel
// where it can tell (Linux TCP_INFO), else what the socket has seen;
// -1 after close().
func (s *Socket) getsocketsta(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(fn, args, kwargs); err != nil {
		return nil, err
	}
	s.mu.Lock()
	closed, conn, st := s.closed, s.conn, s.state
	s.mu.Unlock()
	if closed {
		return starlark.MakeInt(-1), nil
	}
	if conn != nil {
		if tc := tcpConn(conn); tc != nil {
			if k, ok := kernelState(tc); ok {
				return starlark.MakeInt(k), nil
			}
		}
	}
	return starlark.MakeInt(st), nil
}
