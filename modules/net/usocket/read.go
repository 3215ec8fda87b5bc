package usocket

import (
	"bytes"
	"errors"
	"io"
	"net"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// readConn reads once from the connection, up to n bytes, with the
// socket's timeout. At the end of the stream it returns io.EOF.
func (s *Socket) readConn(thread *starlark.Thread, n int) ([]byte, error) {
	if err := s.checkOpen(thread); err != nil {
		return nil, err
	}
	s.mu.Lock()
	conn, t, eof := s.conn, s.timeout, s.probedEOF
	if eof {
		s.state = stCloseWait
	}
	s.mu.Unlock()
	if eof {
		return nil, io.EOF
	}
	if conn == nil {
		return nil, netx.Errno(thread, netx.ENOTCONN)
	}
	buf := make([]byte, n)
	var got int
	err := netx.Wait(thread, t, conn.SetReadDeadline, func() error {
		var err error
		got, err = conn.Read(buf)
		return err
	})
	if got > 0 && !runtime.IsCancelled(err) {
		return buf[:got], nil
	}
	if errors.Is(err, io.EOF) {
		s.mu.Lock()
		s.state = stCloseWait
		s.mu.Unlock()
		return nil, io.EOF
	}
	if err != nil {
		return nil, netx.FromGo(thread, err, t == netx.NonBlocking)
	}
	return buf[:got], nil
}

// takePending hands out up to n bytes readline read ahead.
func (s *Socket) takePending(n int) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.pending) == 0 {
		return nil
	}
	k := min(n, len(s.pending))
	out := append([]byte(nil), s.pending[:k]...)
	s.pending = s.pending[k:]
	return out
}

// recvStream is recv on a stream: one read. At the end of the stream the
// first call returns b” and later ones raise OSError ENOTCONN, as
// QuecPython's lwIP sockets do, so both `if not data: break` and
// `except: break` loops end.
func (s *Socket) recvStream(thread *starlark.Thread, n int) (starlark.Value, error) {
	if p := s.takePending(n); p != nil {
		return starlark.Bytes(p), nil
	}
	s.mu.Lock()
	eof := s.eof
	s.mu.Unlock()
	if eof {
		return nil, netx.Errno(thread, netx.ENOTCONN)
	}
	b, err := s.readConn(thread, n)
	if err == io.EOF {
		s.mu.Lock()
		s.eof = true
		s.mu.Unlock()
		return starlark.Bytes(""), nil
	}
	if err != nil {
		return nil, err
	}
	return starlark.Bytes(b), nil
}

// bufsize reads recv's size argument.
func bufsize(fn string, v starlark.Value) (int, error) {
	n, err := pyargs.Int(fn, "bufsize", v)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, exc.ValueError("negative buffersize in recv")
	}
	if n == 0 {
		n = 1
	}
	return int(min(n, 1<<20)), nil
}

func (s *Socket) recv(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := argWithFlags(fn, args, kwargs)
	if err != nil {
		return nil, err
	}
	n, err := bufsize(fn, v)
	if err != nil {
		return nil, err
	}
	if s.kind == SOCK_DGRAM {
		b, _, err := s.recvDatagram(thread, n)
		if err != nil {
			return nil, err
		}
		return starlark.Bytes(b), nil
	}
	return s.recvStream(thread, n)
}

func (s *Socket) recvfrom(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := argWithFlags(fn, args, kwargs)
	if err != nil {
		return nil, err
	}
	n, err := bufsize(fn, v)
	if err != nil {
		return nil, err
	}
	if s.kind == SOCK_DGRAM {
		b, from, err := s.recvDatagram(thread, n)
		if err != nil {
			return nil, err
		}
		return starlark.Tuple{starlark.Bytes(b), addrTuple(from)}, nil
	}
	data, err := s.recvStream(thread, n)
	if err != nil {
		return nil, err
	}
	var peer net.Addr
	if c := s.current(); c != nil {
		peer = c.RemoteAddr()
	}
	return starlark.Tuple{data, addrTuple(peer)}, nil
}

// readFull reads until n bytes (n < 0: the end of the stream) or the end
// of the stream, as a MicroPython stream's read(n) does. Data read before
// a timeout is returned; a timeout with nothing read raises.
func (s *Socket) readFull(thread *starlark.Thread, n int) ([]byte, error) {
	var out []byte
	for n < 0 || len(out) < n {
		want := 4096
		if n >= 0 {
			want = n - len(out)
		}
		if p := s.takePending(want); p != nil {
			out = append(out, p...)
			continue
		}
		if s.kind == SOCK_DGRAM {
			b, _, err := s.recvDatagram(thread, want)
			if err != nil {
				return out, err
			}
			return append(out, b...), nil
		}
		b, err := s.readConn(thread, want)
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(out) > 0 && !runtime.IsCancelled(err) {
				break
			}
			return nil, err
		}
		out = append(out, b...)
	}
	return out, nil
}

// read([size]) reads size bytes, or everything until the peer closes.
func (s *Socket) read(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var size starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 0, &size); err != nil {
		return nil, err
	}
	n := -1
	if !pyargs.IsNone(size) {
		k, err := pyargs.Int(fn, "size", size)
		if err != nil {
			return nil, err
		}
		if k >= 0 {
			n = int(k)
		}
	}
	b, err := s.readFull(thread, n)
	if err != nil {
		return nil, err
	}
	return starlark.Bytes(b), nil
}

// readinto(buf[, nbytes]) reads into a bytearray and returns the count.
func (s *Socket) readinto(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var buf, nv starlark.Value = nil, starlark.None
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 1, &buf, &nv); err != nil {
		return nil, err
	}
	ix, ok := buf.(starlark.Indexable)
	if !ok {
		return nil, exc.TypeError("%s() argument must be a bytearray", fn)
	}
	n := ix.Len()
	if !pyargs.IsNone(nv) {
		k, err := pyargs.Int(fn, "nbytes", nv)
		if err != nil {
			return nil, err
		}
		n = min(n, int(k))
	}
	b, err := s.readFull(thread, n)
	if err != nil {
		return nil, err
	}
	got, err := netx.Fill(fn, buf, b)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(got), nil
}

// readline() returns one line with its b'\n', or what is left at the end
// of the stream.
func (s *Socket) readline(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(fn, args, kwargs); err != nil {
		return nil, err
	}
	for {
		s.mu.Lock()
		if i := bytes.IndexByte(s.pending, '\n'); i >= 0 {
			line := append([]byte(nil), s.pending[:i+1]...)
			s.pending = s.pending[i+1:]
			s.mu.Unlock()
			return starlark.Bytes(line), nil
		}
		s.mu.Unlock()
		var b []byte
		var err error
		if s.kind == SOCK_DGRAM {
			b, _, err = s.recvDatagram(thread, 65536)
		} else {
			b, err = s.readConn(thread, 4096)
		}
		if err == io.EOF || (s.kind == SOCK_DGRAM && err == nil) {
			s.mu.Lock()
			rest := append(s.pending, b...)
			if i := bytes.IndexByte(rest, '\n'); i >= 0 && err == nil {
				s.pending = rest[i+1:]
				rest = rest[:i+1]
			} else {
				s.pending = nil
			}
			s.mu.Unlock()
			return starlark.Bytes(rest), nil
		}
		if err != nil {
			return nil, err
		}
		s.mu.Lock()
		s.pending = append(s.pending, b...)
		s.mu.Unlock()
	}
}

// recv_into(buf[, nbytes]) is one recv into a bytearray; it returns the
// count.
func (s *Socket) recvInto(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var buf, nv starlark.Value = nil, starlark.MakeInt(0)
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 1, &buf, &nv); err != nil {
		return nil, err
	}
	ix, ok := buf.(starlark.Indexable)
	if !ok {
		return nil, exc.TypeError("%s() argument must be a bytearray", fn)
	}
	n, err := pyargs.Int(fn, "nbytes", nv)
	if err != nil {
		return nil, err
	}
	if n <= 0 || int(n) > ix.Len() {
		n = int64(ix.Len())
	}
	data, err := s.recv(thread, "recv", starlark.Tuple{starlark.MakeInt64(n)}, nil)
	if err != nil {
		return nil, err
	}
	got, err := netx.Fill(fn, buf, []byte(data.(starlark.Bytes)))
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(got), nil
}
