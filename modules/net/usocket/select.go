package usocket

import (
	"context"
	"errors"
	"io"
	"net"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// select.select and select.poll (uselect) for sockets. Go does not expose
// readiness, so a socket is probed: a read (or accept) that waits a
// moment, whose result is kept for the next recv (or accept). Objects
// that are not sockets (sys.stdin) are never ready.
func init() {
	runtime.Register(runtime.Module{Name: "select", Doc: "select() and poll() over sockets", New: selectMembers})
	runtime.Register(runtime.Module{Name: "uselect", Doc: "select under MicroPython's name", New: selectMembers})
}

// poll event bits (MicroPython's and Linux's values).
const (
	POLLIN   = 0x0001
	POLLOUT  = 0x0004
	POLLERR  = 0x0008
	POLLHUP  = 0x0010
	POLLNVAL = 0x0020
)

// probeWait is how long one probe read waits; pollEvery is the pause
// between rounds of probes.
const (
	probeWait = time.Millisecond
	pollEvery = 5 * time.Millisecond
)

func selectMembers(env *runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"select": starlark.NewBuiltin("select", selectBuiltin),
		"poll": starlark.NewBuiltin("poll", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return &poller{}, starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0)
		}),
		"POLLIN": starlark.MakeInt(POLLIN), "POLLOUT": starlark.MakeInt(POLLOUT),
		"POLLERR": starlark.MakeInt(POLLERR), "POLLHUP": starlark.MakeInt(POLLHUP), "POLLNVAL": starlark.MakeInt(POLLNVAL),
		"POLLPRI": starlark.MakeInt(2),
		"error":   netx.ExceptionClass("OSError"),
	}, nil
}

// events probes s (with the interpreter lock released) and reports what
// is ready now: POLLIN when a read or accept would not block, POLLOUT
// when a write would not, POLLHUP at the end of the stream.
func (s *Socket) events() int {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return POLLNVAL
	}
	ready := len(s.pending) > 0 || s.dgram != nil || len(s.accepted) > 0
	eof := s.probedEOF
	conn, ln, pc, kind, connected := s.conn, s.ln, s.pc, s.kind, s.conn != nil
	if conn == nil {
		conn = s.last
	}
	listening := s.state == stListen
	s.mu.Unlock()
	ev := 0
	if conn != nil || (kind == SOCK_DGRAM && pc != nil) {
		ev |= POLLOUT
	}
	switch {
	case eof:
		return ev | POLLIN | POLLHUP
	case ready:
		return ev | POLLIN
	case ln != nil && listening:
		if s.probeAccept(ln) {
			ev |= POLLIN
		}
	case kind == SOCK_DGRAM && (pc != nil && !connected || conn != nil):
		if s.probeDatagram(pc, conn) {
			ev |= POLLIN
		}
	case conn != nil:
		ev |= s.probeStream(conn)
	}
	return ev
}

func (s *Socket) probeStream(conn net.Conn) int {
	buf := make([]byte, 4096)
	_ = conn.SetReadDeadline(time.Now().Add(probeWait))
	n, err := conn.Read(buf)
	s.mu.Lock()
	defer s.mu.Unlock()
	if n > 0 {
		s.pending = append(s.pending, buf[:n]...)
		return POLLIN
	}
	switch {
	case errors.Is(err, io.EOF):
		s.probedEOF = true
		return POLLIN | POLLHUP
	case err != nil && !isTimeout(err):
		return POLLIN | POLLERR // the next recv reports it
	}
	return 0
}

func (s *Socket) probeDatagram(pc net.PacketConn, conn net.Conn) bool {
	buf := make([]byte, 65536)
	var n int
	var from net.Addr
	var err error
	if conn != nil {
		_ = conn.SetReadDeadline(time.Now().Add(probeWait))
		n, err = conn.Read(buf)
		from = conn.RemoteAddr()
	} else {
		_ = pc.SetReadDeadline(time.Now().Add(probeWait))
		n, from, err = pc.ReadFrom(buf)
	}
	if err != nil {
		return !isTimeout(err)
	}
	s.mu.Lock()
	s.dgram = &datagram{data: buf[:n], from: from}
	s.mu.Unlock()
	return true
}

func (s *Socket) probeAccept(ln net.Listener) bool {
	d, ok := ln.(deadliner)
	if !ok {
		return false
	}
	_ = d.SetDeadline(time.Now().Add(probeWait))
	c, err := ln.Accept()
	if err != nil {
		return !isTimeout(err)
	}
	s.mu.Lock()
	s.accepted = append(s.accepted, c)
	s.mu.Unlock()
	return true
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// waitFor probes until test finds something ready, the timeout passes
// (negative: never) or the thread is cancelled.
func waitFor(thread *starlark.Thread, timeout time.Duration, test func() bool) error {
	return runtime.Block(thread, func(ctx context.Context) error {
		deadline := time.Now().Add(timeout)
		for {
			if test() || timeout == 0 || timeout > 0 && time.Now().After(deadline) {
				return nil
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(pollEvery):
			}
		}
	})
}

// select(rlist, wlist, xlist[, timeout]) returns the ready subsets;
// timeout is in seconds, None (the default) waits.
func selectBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var rv, wv, xv starlark.Value
	var tv starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 3, &rv, &wv, &xv, &tv); err != nil {
		return nil, err
	}
	timeout := time.Duration(-1)
	if !pyargs.IsNone(tv) {
		secs, err := pyargs.Number(b.Name(), "timeout", tv)
		if err != nil {
			return nil, err
		}
		if secs < 0 {
			return nil, exc.ValueError("timeout must be non-negative")
		}
		timeout = time.Duration(secs * float64(time.Second))
	}
	lists := [3][]starlark.Value{}
	for i, v := range []starlark.Value{rv, wv, xv} {
		var err error
		if lists[i], err = elements(v); err != nil {
			return nil, err
		}
	}
	var out [3][]starlark.Value
	err := waitFor(thread, timeout, func() bool {
		out = [3][]starlark.Value{}
		for i, want := range []int{POLLIN | POLLHUP | POLLERR | POLLNVAL, POLLOUT, POLLERR} {
			for _, v := range lists[i] {
				if s, ok := v.(*Socket); ok && s.events()&want != 0 {
					out[i] = append(out[i], v)
				}
			}
		}
		return len(out[0])+len(out[1])+len(out[2]) > 0
	})
	if err != nil {
		return nil, err
	}
	return starlark.Tuple{starlark.NewList(out[0]), starlark.NewList(out[1]), starlark.NewList(out[2])}, nil
}

func elements(v starlark.Value) ([]starlark.Value, error) {
	it, ok := v.(starlark.Iterable)
	if !ok {
		return nil, exc.TypeError("arguments 1-3 must be sequences")
	}
	var out []starlark.Value
	iter := it.Iterate()
	defer iter.Done()
	var x starlark.Value
	for iter.Next(&x) {
		out = append(out, x)
	}
	return out, nil
}

// poller is select.poll(): register(obj, mask), unregister, modify,
// poll(timeout_ms=-1) -> [(obj, events)], ipoll.
type poller struct {
	objs  []starlark.Value
	masks []int
}

func (p *poller) String() string        { return "<poll>" }
func (p *poller) Type() string          { return "poll" }
func (p *poller) Freeze()               {}
func (p *poller) Truth() starlark.Bool  { return true }
func (p *poller) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'poll'") }
func (p *poller) AttrNames() []string {
	return []string{"ipoll", "modify", "poll", "register", "unregister"}
}

func (p *poller) Attr(name string) (starlark.Value, error) {
	fns := map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
		"register": p.register, "modify": p.register, "unregister": p.unregister, "poll": p.poll, "ipoll": p.poll,
	}
	if f, ok := fns[name]; ok {
		return starlark.NewBuiltin(name, f), nil
	}
	return nil, nil
}

func (p *poller) find(v starlark.Value) int {
	for i, o := range p.objs {
		if o == v {
			return i
		}
	}
	return -1
}

func (p *poller) register(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var obj starlark.Value
	mask := POLLIN | POLLOUT
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &obj, &mask); err != nil {
		return nil, err
	}
	if i := p.find(obj); i >= 0 {
		p.masks[i] = mask
	} else if b.Name() == "modify" {
		return nil, exc.New("FileNotFoundError", "[Errno 2] No such file or directory")
	} else {
		p.objs, p.masks = append(p.objs, obj), append(p.masks, mask)
	}
	return starlark.None, nil
}

func (p *poller) unregister(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var obj starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &obj); err != nil {
		return nil, err
	}
	if i := p.find(obj); i >= 0 {
		p.objs = append(p.objs[:i], p.objs[i+1:]...)
		p.masks = append(p.masks[:i], p.masks[i+1:]...)
	}
	return starlark.None, nil
}

// poll(timeout=-1): milliseconds, negative or None waits.
func (p *poller) poll(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var tv starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0, &tv); err != nil {
		return nil, err
	}
	timeout := time.Duration(-1)
	if !pyargs.IsNone(tv) {
		ms, err := pyargs.Number(b.Name(), "timeout", tv)
		if err != nil {
			return nil, err
		}
		if ms >= 0 {
			timeout = time.Duration(ms * float64(time.Millisecond))
		}
	}
	objs, masks := append([]starlark.Value(nil), p.objs...), append([]int(nil), p.masks...)
	var ready []starlark.Value
	err := waitFor(thread, timeout, func() bool {
		ready = nil
		for i, v := range objs {
			s, ok := v.(*Socket)
			if !ok {
				continue
			}
			// errors and hang-ups are reported whatever the mask
			if ev := s.events() & (masks[i] | POLLERR | POLLHUP | POLLNVAL); ev != 0 {
				ready = append(ready, starlark.Tuple{v, starlark.MakeInt(ev)})
			}
		}
		return len(ready) > 0
	})
	if err != nil {
		return nil, err
	}
	return starlark.NewList(ready), nil
}
