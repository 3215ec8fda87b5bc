package emulator

import (
	"crypto/tls"
	"errors"
	"io"
	"net"
	"sync"
	"time"
)

// splitListener serves MQTT, MQTT over TLS, HTTP and HTTPS on one port,
// so a `qstar run --emulate=HOST:PORT` in another process reaches the
// whole cloud (broker and service APIs) through one address. It looks
// at what each connection sends first: a TLS handshake record (0x16) is
// terminated with the emulator's CA, then the first byte of the stream
// inside decides: an ASCII letter starts an HTTP request, anything else
// (0x10, CONNECT) is MQTT.
type splitListener struct {
	raw   net.Listener
	tls   *tls.Config
	logf  func(string, ...any)
	mqtt  chan net.Conn
	http  *chanListener
	done  chan struct{}
	close sync.Once
}

func newSplitListener(raw net.Listener, cfg *tls.Config, logf func(string, ...any)) *splitListener {
	l := &splitListener{raw: raw, tls: cfg, logf: logf, mqtt: make(chan net.Conn),
		http: &chanListener{addr: raw.Addr(), conns: make(chan net.Conn), done: make(chan struct{})},
		done: make(chan struct{})}
	go l.acceptLoop()
	return l
}

// sniffTimeout bounds how long a connection may stay silent before it
// says what it is.
const sniffTimeout = 10 * time.Second

func (l *splitListener) acceptLoop() {
	for {
		c, err := l.raw.Accept()
		if err != nil {
			l.Close()
			return
		}
		go l.classify(c)
	}
}

func (l *splitListener) classify(c net.Conn) {
	c.SetReadDeadline(time.Now().Add(sniffTimeout))
	first, conn, err := peek(c)
	if err == nil && first == 0x16 && l.tls != nil {
		tc := tls.Server(conn, l.tls)
		if err = tc.Handshake(); err != nil {
			select {
			case <-l.done: // closing down: not worth a line
			default:
				if !errors.Is(err, io.EOF) {
					l.logf("emulator: TLS handshake with %s failed: %v", c.RemoteAddr(), err)
				}
			}
			c.Close()
			return
		}
		first, conn, err = peek(tc)
	}
	if err != nil {
		c.Close()
		return
	}
	c.SetReadDeadline(time.Time{})
	to := l.mqtt
	if first >= 'A' && first <= 'Z' {
		to = l.http.conns
	}
	select {
	case to <- conn:
	case <-l.done:
		c.Close()
	}
}

// peek reads the first byte and returns a conn that replays it.
func peek(c net.Conn) (byte, net.Conn, error) {
	var b [1]byte
	if _, err := c.Read(b[:]); err != nil {
		return 0, nil, err
	}
	return b[0], &replayConn{Conn: c, head: b[:]}, nil
}

// Accept gives the broker its MQTT connections.
func (l *splitListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.mqtt:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *splitListener) Close() error {
	l.close.Do(func() {
		close(l.done)
		l.http.Close()
		l.raw.Close()
	})
	return nil
}

func (l *splitListener) Addr() net.Addr { return l.raw.Addr() }

// chanListener is the HTTP side of a splitListener.
type chanListener struct {
	addr  net.Addr
	conns chan net.Conn
	done  chan struct{}
	once  sync.Once
}

func (l *chanListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, errors.New("listener closed")
	}
}

// Close makes Accept return (http.Server.Close waits for that).
func (l *chanListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return nil
}

func (l *chanListener) Addr() net.Addr { return l.addr }

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
