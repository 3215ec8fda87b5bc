package usocket

import (
	"net"
	"strconv"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
)

// sendto(bytes, (host, port)) returns the count sent. A bound UDP socket
// sends from its own port; an unbound one dials each destination through
// Env.Dial (and recvfrom then reads from the last one it sent to); a
// connected socket ignores the address, as lwIP does for TCP.
func (s *Socket) sendto(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var dv, av, third starlark.Value
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 2, &dv, &av, &third); err != nil {
		return nil, err
	}
	if third != nil { // sendto(data, flags, address), CPython's other form
		av = third
	}
	data, err := netx.Buffer(fn, dv)
	if err != nil {
		return nil, err
	}
	host, port, err := sockAddr(fn, av)
	if err != nil {
		return nil, err
	}
	if err := s.checkOpen(thread); err != nil {
		return nil, err
	}
	s.mu.Lock()
	pc, conn, t := s.pc, s.conn, s.timeout
	s.mu.Unlock()
	switch {
	case conn != nil || s.kind == SOCK_STREAM:
		n, err := s.writeConn(thread, data)
		if err != nil {
			return nil, err
		}
		return starlark.MakeInt(n), nil
	case pc != nil:
		return s.sendFromBound(thread, pc, t, data, host, port)
	}
	peer, err := s.peer(thread, host, port, t)
	if err != nil {
		return nil, err
	}
	n, err := s.writeOn(thread, peer, data)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(n), nil
}

// peer is the connection an unbound UDP socket uses for host:port,
// dialled once and kept until close().
func (s *Socket) peer(thread *starlark.Thread, host string, port int, t netx.Timeout) (net.Conn, error) {
	key := net.JoinHostPort(host, strconv.Itoa(port))
	s.mu.Lock()
	c := s.peers[key]
	if c != nil {
		s.last = c
	}
	s.mu.Unlock()
	if c != nil {
		return c, nil
	}
	c, err := s.dial(thread, "udp", host, port, t)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		c.Close()
		return nil, netx.Errno(thread, netx.EBADF)
	}
	if s.peers == nil {
		s.peers = map[string]net.Conn{}
	}
	s.peers[key], s.last = c, c
	return c, nil
}

func (s *Socket) sendFromBound(thread *starlark.Thread, pc net.PacketConn, t netx.Timeout, data []byte, host string, port int) (starlark.Value, error) {
	ips, err := lookup(thread, s.names.name(host))
	if err != nil {
		return nil, err
	}
	to := &net.UDPAddr{IP: ips[0], Port: port}
	var n int
	err = netx.Wait(thread, t, pc.SetWriteDeadline, func() error {
		var err error
		n, err = pc.WriteTo(data, to)
		return err
	})
	if err != nil {
		return nil, netx.FromGo(thread, err, t == netx.NonBlocking)
	}
	return starlark.MakeInt(n), nil
}

// recvDatagram reads one datagram (up to n bytes) and says who sent it.
// A socket that is neither bound nor connected and has sent nothing is
// bound to an ephemeral port first, as the kernel does.
func (s *Socket) recvDatagram(thread *starlark.Thread, n int) ([]byte, net.Addr, error) {
	if err := s.checkOpen(thread); err != nil {
		return nil, nil, err
	}
	s.mu.Lock()
	pc, t := s.pc, s.timeout
	conn := s.conn
	if conn == nil {
		conn = s.last
	}
	if s.conn != nil { // bound, then connected: the answers come to the connection
		pc = nil
	}
	if d := s.dgram; d != nil { // select/poll read it already
		s.dgram = nil
		s.mu.Unlock()
		return d.data[:min(n, len(d.data))], d.from, nil
	}
	s.mu.Unlock()
	if pc == nil && conn == nil {
		var err error
		if pc, err = s.bindPacket(thread, "0.0.0.0", 0); err != nil {
			return nil, nil, err
		}
	}
	buf := make([]byte, n)
	var got int
	var from net.Addr
	var err error
	if pc != nil {
		err = netx.Wait(thread, t, pc.SetReadDeadline, func() error {
			var err error
			got, from, err = pc.ReadFrom(buf)
			return err
		})
	} else {
		from = conn.RemoteAddr()
		err = netx.Wait(thread, t, conn.SetReadDeadline, func() error {
			var err error
			got, err = conn.Read(buf)
			return err
		})
	}
	if err != nil {
		if runtime.IsCancelled(err) {
			return nil, nil, err
		}
		return nil, nil, netx.FromGo(thread, err, t == netx.NonBlocking)
	}
	return buf[:got], from, nil
}
