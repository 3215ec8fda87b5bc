package emulator

import (
	"crypto/tls"
	"net"
	"sync"
)

// sniffListener serves MQTT and MQTT over TLS on one port: a connection
// whose first byte is a TLS handshake record (0x16) is wrapped in
// tls.Server; anything else (0x10, CONNECT) is plain MQTT.
type sniffListener struct {
	net.Listener
	tls *tls.Config
}

func (l *sniffListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &sniffConn{Conn: c, cfg: l.tls}, nil
}

// sniffConn decides on its first Read; the broker always reads first.
type sniffConn struct {
	net.Conn
	cfg *tls.Config

	once  sync.Once
	inner net.Conn // the plain or TLS connection after sniffing
	err   error
}

func (c *sniffConn) decide() {
	var first [1]byte
	if _, err := c.Conn.Read(first[:]); err != nil {
		c.err = err
		return
	}
	replay := &replayConn{Conn: c.Conn, head: first[:]}
	if first[0] == 0x16 && c.cfg != nil {
		c.inner = tls.Server(replay, c.cfg)
		return
	}
	c.inner = replay
}

func (c *sniffConn) Read(p []byte) (int, error) {
	c.once.Do(c.decide)
	if c.err != nil {
		return 0, c.err
	}
	return c.inner.Read(p)
}

func (c *sniffConn) Write(p []byte) (int, error) {
	c.once.Do(c.decide)
	if c.err != nil {
		return 0, c.err
	}
	return c.inner.Write(p)
}

// replayConn returns head before reading on.
type replayConn struct {
	net.Conn
	head []byte
}

func (r *replayConn) Read(p []byte) (int, error) {
	if len(r.head) > 0 {
		n := copy(p, r.head)
		r.head = r.head[n:]
		return n, nil
	}
	return r.Conn.Read(p)
}
