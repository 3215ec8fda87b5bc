package board

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
)

// UART implements Board. The port's profile entry says what is on the
// other end; a port with none is unconnected (writes go nowhere).
func (s *Sim) UART(port int, cfg UARTConfig) (UART, error) {
	if port < 0 || port >= s.p.UARTPorts {
		return nil, fmt.Errorf("UART%d: %w", port, ErrNoDevice)
	}
	u := &simUART{}
	u.cond = sync.NewCond(&u.mu)
	for _, spec := range s.p.UART {
		if spec.Port == port {
			u.spec = spec
		}
	}
	s.mu.Lock()
	old := s.uarts[port]
	s.uarts[port] = u
	s.mu.Unlock()
	if old != nil {
		old.Close()
	}
	if u.spec.Greeting != "" {
		u.deliver([]byte(u.spec.Greeting))
	}
	return u, nil
}

// UARTPeer returns the open end of port, to play the device on the other
// side from a Go test; nil when the script has not opened it.
func (s *Sim) UARTPeer(port int) *SimUARTPeer {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.uarts[port]; u != nil {
		return &SimUARTPeer{u}
	}
	return nil
}

// SimUARTPeer is the far side of a simulated port.
type SimUARTPeer struct{ u *simUART }

// Send makes data arrive at the script's port.
func (p *SimUARTPeer) Send(data []byte) { p.u.deliver(data) }

// Received is everything the script wrote so far.
func (p *SimUARTPeer) Received() []byte {
	p.u.mu.Lock()
	defer p.u.mu.Unlock()
	return append([]byte(nil), p.u.sent...)
}

type simUART struct {
	spec UARTSpec

	mu     sync.Mutex
	cond   *sync.Cond
	rx     []byte // waiting for Read
	sent   []byte // everything written
	line   []byte // a peer's partial input line
	closed bool
}

func (u *simUART) deliver(data []byte) {
	u.mu.Lock()
	if !u.closed {
		u.rx = append(u.rx, data...)
	}
	u.mu.Unlock()
	u.cond.Broadcast()
}

func (u *simUART) Read(p []byte) (int, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	for len(u.rx) == 0 && !u.closed {
		u.cond.Wait()
	}
	if len(u.rx) == 0 {
		return 0, io.EOF
	}
	n := copy(p, u.rx)
	u.rx = u.rx[n:]
	return n, nil
}

func (u *simUART) Write(p []byte) (int, error) {
	u.mu.Lock()
	if u.closed {
		u.mu.Unlock()
		return 0, io.ErrClosedPipe
	}
	u.sent = append(u.sent, p...)
	var replies []byte
	switch {
	case u.spec.Loopback:
		replies = append(replies, p...)
	case len(u.spec.Peer) > 0:
		replies = u.answerLines(p)
	}
	u.mu.Unlock()
	if len(replies) > 0 {
		u.deliver(replies)
	}
	return len(p), nil
}

// answerLines feeds p to the scripted peer and returns its replies; u.mu held.
func (u *simUART) answerLines(p []byte) []byte {
	var out []byte
	u.line = append(u.line, p...)
	for {
		i := bytes.IndexAny(u.line, "\r\n")
		if i < 0 {
			return out
		}
		line := string(u.line[:i])
		u.line = u.line[i+1:]
		if line == "" {
			continue
		}
		for _, ex := range u.spec.Peer {
			if strings.TrimSpace(line) == ex.Expect {
				out = append(out, ex.Reply+"\r\n"...)
				break
			}
		}
	}
}

func (u *simUART) Close() error {
	u.mu.Lock()
	u.closed = true
	u.mu.Unlock()
	u.cond.Broadcast()
	return nil
}
