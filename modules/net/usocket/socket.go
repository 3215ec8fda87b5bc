package usocket

import (
	"fmt"
	"net"
	"sort"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// Socket is a usocket.socket. Its Go resources appear on first use:
// connect() dials through Env.Dial, bind() opens a listener (TCP) or a
// bound packet socket (UDP), and an unbound UDP socket's sendto() dials
// each destination through Env.Dial.
//
// Methods run under the interpreter lock; blocking calls release it
// (netx.Wait). mu guards the fields against Env.Close, which runs on
// another goroutine at shutdown.
type Socket struct {
	env   *runtime.Env
	names *hostNames
	reg   *registry
	local *localServers

	family, kind, proto int

	mu      sync.Mutex
	timeout netx.Timeout
	conn    net.Conn            // connected stream (TCP or TLS) or datagram
	ln      net.Listener        // bound TCP server
	pc      net.PacketConn      // bound UDP
	peers   map[string]net.Conn // unbound UDP: one dial per destination
	last    net.Conn            // the peer an unbound UDP socket heard from last
	host    string              // the host connect() dialled (TLS SNI)
	state   int                 // getsocketsta when the kernel cannot tell
	closed  bool
	eof     bool   // the peer closed; the next read raises ENOTCONN
	pending []byte // read ahead by readline
	opts    map[[2]int]starlark.Value
	tls     bool
	asked   string // the address bind() was given, host:port

	// What select/poll found while probing (select.go), for the next call.
	probedEOF bool
	dgram     *datagram  // a datagram already read
	accepted  []net.Conn // connections already accepted
}

type datagram struct {
	data []byte
	from net.Addr
}

// lwIP TCP states, getsocketsta's numbering.
const (
	stClosed      = 0
	stListen      = 1
	stSynSent     = 2
	stSynRcvd     = 3
	stEstablished = 4
	stFinWait1    = 5
	stFinWait2    = 6
	stCloseWait   = 7
	stClosing     = 8
	stLastAck     = 9
	stTimeWait    = 10
)

func newSocket(env *runtime.Env, family, kind, proto int) *Socket {
	s := &Socket{env: env, names: namesOf(env), reg: registryOf(env), local: localOf(env), family: family, kind: kind, proto: proto,
		timeout: defaultTimeout(env), opts: map[[2]int]starlark.Value{}}
	s.reg.add(s)
	return s
}

// socket(af=AF_INET, type=SOCK_STREAM, proto=IPPROTO_TCP).
func newSocketBuiltin(env *runtime.Env) *starlark.Builtin {
	return starlark.NewBuiltin("socket", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		a, err := pyargs.Bind(b.Name(), args, renameKw(kwargs, "family", "af"), "af?", "type?", "proto?", "fileno?")
		if err != nil {
			return nil, err
		}
		family, err := a.Int("af", AF_INET)
		if err != nil {
			return nil, err
		}
		kind, err := a.Int("type", SOCK_STREAM)
		if err != nil {
			return nil, err
		}
		proto, err := a.Int("proto", 0)
		if err != nil {
			return nil, err
		}
		if family != AF_INET && family != AF_INET6 {
			return nil, netx.ErrnoMsg(thread, 97, "Address family not supported by protocol")
		}
		switch kind {
		case SOCK_STREAM, SOCK_DGRAM:
		case SOCK_RAW:
			return nil, netx.ErrnoMsg(thread, 1, "Operation not permitted: raw sockets are not available to scripts")
		default:
			return nil, netx.ErrnoMsg(thread, 94, "Socket type not supported")
		}
		return newSocket(env, family, kind, proto), nil
	})
}

var (
	_ starlark.HasAttrs = (*Socket)(nil)
)

func (s *Socket) Type() string { return "socket" }
func (s *Socket) Freeze()      {}
func (s *Socket) Truth() starlark.Bool {
	return true
}
func (s *Socket) Hash() (uint32, error) { return starlark.String(fmt.Sprintf("%p", s)).Hash() }
func (s *Socket) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	kind := "SOCK_STREAM"
	if s.kind == SOCK_DGRAM {
		kind = "SOCK_DGRAM"
	}
	extra := ""
	switch {
	case s.closed:
		extra = " [closed]"
	case s.conn != nil:
		extra = fmt.Sprintf(" laddr=%s raddr=%s", s.conn.LocalAddr(), s.conn.RemoteAddr())
	case s.ln != nil:
		extra = fmt.Sprintf(" laddr=%s", s.ln.Addr())
	case s.pc != nil:
		extra = fmt.Sprintf(" laddr=%s", s.pc.LocalAddr())
	}
	name := "socket"
	if s.tls {
		name = "ssl.SSLSocket"
	}
	return fmt.Sprintf("<%s type=%s%s>", name, kind, extra)
}

type method func(s *Socket, thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

var methods map[string]method

func init() {
	methods = map[string]method{
		"accept": (*Socket).accept, "bind": (*Socket).bind, "listen": (*Socket).listen,
		"connect": (*Socket).connect, "connect_ex": (*Socket).connectEx, "close": (*Socket).closeMethod,
		"send": (*Socket).send, "sendall": (*Socket).sendall, "write": (*Socket).write, "sendto": (*Socket).sendto,
		"recv": (*Socket).recv, "recvfrom": (*Socket).recvfrom, "read": (*Socket).read,
		"readinto": (*Socket).readinto, "readline": (*Socket).readline, "recv_into": (*Socket).recvInto,
		"flush":      (*Socket).flush,
		"settimeout": (*Socket).settimeout, "gettimeout": (*Socket).gettimeout, "setblocking": (*Socket).setblocking,
		"setsockopt": (*Socket).setsockopt, "getsockopt": (*Socket).getsockopt,
		"getsocketsta": (*Socket).getsocketsta, "fileno": (*Socket).fileno, "makefile": (*Socket).makefile,
		"getpeername": (*Socket).getpeername, "getsockname": (*Socket).getsockname, "shutdown": (*Socket).shutdown,
		"__enter__": (*Socket).enter, "__exit__": (*Socket).exit,
	}
}

func (s *Socket) Attr(name string) (starlark.Value, error) {
	switch name {
	case "family":
		return starlark.MakeInt(s.family), nil
	case "type":
		return starlark.MakeInt(s.kind), nil
	case "proto":
		return starlark.MakeInt(s.proto), nil
	}
	m, ok := methods[name]
	if !ok {
		return nil, nil
	}
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return m(s, thread, name, args, kwargs)
	}), nil
}

func (s *Socket) AttrNames() []string {
	names := []string{"family", "type", "proto"}
	for k := range methods {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// renameKw accepts CPython's keyword name for QuecPython's.
func renameKw(kwargs []starlark.Tuple, from, to string) []starlark.Tuple {
	out := make([]starlark.Tuple, len(kwargs))
	for i, kv := range kwargs {
		if k, _ := starlark.AsString(kv[0]); k == from {
			kv = starlark.Tuple{starlark.String(to), kv[1]}
		}
		out[i] = kv
	}
	return out
}

// noArgs checks a method that takes none.
func noArgs(fn string, args starlark.Tuple, kwargs []starlark.Tuple) error {
	if len(args)+len(kwargs) > 0 {
		return exc.TypeError("%s() takes no arguments (%d given)", fn, len(args)+len(kwargs))
	}
	return nil
}

// oneArg unpacks a method's single required argument.
func oneArg(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 || len(args) != 1 {
		return nil, exc.TypeError("%s() takes exactly one argument (%d given)", fn, len(args)+len(kwargs))
	}
	return args[0], nil
}

// closeMethod is close(): idempotent; getsocketsta() is -1 afterwards.
func (s *Socket) closeMethod(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(fn, args, kwargs); err != nil {
		return nil, err
	}
	s.close()
	return starlark.None, nil
}

func (s *Socket) close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	conn, ln, pc, peers, accepted := s.conn, s.ln, s.pc, s.peers, s.accepted
	s.conn, s.ln, s.pc, s.peers, s.last, s.accepted = nil, nil, nil, nil, nil, nil
	s.mu.Unlock()
	for _, c := range accepted {
		c.Close()
	}
	s.reg.remove(s)
	if conn != nil {
		conn.Close()
	}
	if ln != nil {
		s.local.unbind("tcp", s.asked, ln.Addr())
		ln.Close()
	}
	if pc != nil {
		s.local.unbind("udp", s.asked, pc.LocalAddr())
		pc.Close()
	}
	for _, c := range peers {
		c.Close()
	}
}

func (s *Socket) enter(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(fn, args, kwargs); err != nil {
		return nil, err
	}
	return s, nil
}

// __exit__ closes the socket and lets any exception through.
func (s *Socket) exit(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s.close()
	return starlark.False, nil
}

// checkOpen is EBADF once closed.
func (s *Socket) checkOpen(thread *starlark.Thread) error {
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		return netx.Errno(thread, netx.EBADF)
	}
	return nil
}

// current is the connection reads and writes use: the connected one, or
// for an unbound UDP socket the peer it sent to last.
func (s *Socket) current() net.Conn {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn != nil {
		return s.conn
	}
	return s.last
}
