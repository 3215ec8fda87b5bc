package usocket

import (
	"net"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
)

// writeConn writes data to the connection (or the UDP peer), with the
// socket's timeout, and returns how much went out.
func (s *Socket) writeConn(thread *starlark.Thread, data []byte) (int, error) {
	if err := s.checkOpen(thread); err != nil {
		return 0, err
	}
	conn := s.current()
	if conn == nil {
		if s.kind == SOCK_DGRAM {
			return 0, netx.ErrnoMsg(thread, 89, "Destination address required")
		}
		return 0, netx.Errno(thread, netx.ENOTCONN)
	}
	return s.writeOn(thread, conn, data)
}

// writeOn writes data to conn with the socket's timeout.
func (s *Socket) writeOn(thread *starlark.Thread, conn net.Conn, data []byte) (int, error) {
	s.mu.Lock()
	t := s.timeout
	s.mu.Unlock()
	var n int
	err := netx.Wait(thread, t, conn.SetWriteDeadline, func() error {
		var err error
		n, err = conn.Write(data)
		return err
	})
	if err != nil && (n == 0 || runtime.IsCancelled(err)) {
		return 0, netx.FromGo(thread, err, t == netx.NonBlocking)
	}
	return n, nil
}

func (s *Socket) sendArg(fn string, args starlark.Tuple, kwargs []starlark.Tuple) ([]byte, error) {
	v, err := argWithFlags(fn, args, kwargs)
	if err != nil {
		return nil, err
	}
	return netx.Buffer(fn, v)
}

// send(bytes) returns the number of bytes sent.
func (s *Socket) send(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	data, err := s.sendArg(fn, args, kwargs)
	if err != nil {
		return nil, err
	}
	n, err := s.writeConn(thread, data)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(n), nil
}

// write(buf) is send under the stream name.
func (s *Socket) write(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return s.send(thread, fn, args, kwargs)
}

// sendall(bytes) sends everything or raises; it returns None.
func (s *Socket) sendall(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	data, err := s.sendArg(fn, args, kwargs)
	if err != nil {
		return nil, err
	}
	n, err := s.writeConn(thread, data)
	if err != nil {
		return nil, err
	}
	if n < len(data) {
		return nil, netx.Errno(thread, netx.ETIMEDOUT)
	}
	return starlark.None, nil
}

// flush does nothing: writes are not buffered (makefile() returns the
// socket itself).
func (s *Socket) flush(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return starlark.None, nil
}

// argWithFlags unpacks (x[, flags]): CPython's send/recv take flags,
// which a gateway socket has no use for; they are accepted and ignored.
func argWithFlags(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v, flags starlark.Value
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 1, &v, &flags); err != nil {
		return nil, err
	}
	return v, nil
}
