package umqtt

import (
	"context"
	"crypto/tls"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	mqtt "github.com/mochi-mqtt/server/v2"
	"github.com/mochi-mqtt/server/v2/listeners"
	"github.com/mochi-mqtt/server/v2/packets"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// broker is an embedded mochi-mqtt server on a loopback port.
type broker struct {
	srv  *mqtt.Server
	addr string
	hook *authHook
	once sync.Once
}

// stop closes the broker and every client connection (a broker crash, as
// far as clients can tell).
func (b *broker) stop() { b.once.Do(func() { b.srv.Close() }) }

type brokerOpts struct {
	addr  string            // "" picks a free port
	tls   *tls.Config       // serve TLS
	users map[string]string // user -> password; nil allows everyone
}

// authHook allows everyone, or only the users it knows, and records every
// PUBLISH it reads (before mochi's own checks, which drop "$sys/..." topics).
type authHook struct {
	mqtt.HookBase
	users map[string]string

	mu   sync.Mutex
	read []packets.Packet
}

func (h *authHook) ID() string { return "test-auth" }
func (h *authHook) Provides(b byte) bool {
	return b == mqtt.OnConnectAuthenticate || b == mqtt.OnACLCheck || b == mqtt.OnPacketRead
}
func (h *authHook) OnPacketRead(cl *mqtt.Client, pk packets.Packet) (packets.Packet, error) {
	if pk.FixedHeader.Type == packets.Publish {
		h.mu.Lock()
		h.read = append(h.read, pk.Copy(false))
		h.mu.Unlock()
	}
	return pk, nil
}

// published returns the payloads clients sent to topic.
func (b *broker) published(topic string) []string {
	b.hook.mu.Lock()
	defer b.hook.mu.Unlock()
	var out []string
	for _, pk := range b.hook.read {
		if pk.TopicName == topic {
			out = append(out, string(pk.Payload))
		}
	}
	return out
}
func (h *authHook) OnConnectAuthenticate(cl *mqtt.Client, pk packets.Packet) bool {
	if h.users == nil {
		return true
	}
	pw, ok := h.users[string(pk.Connect.Username)]
	return ok && pw == string(pk.Connect.Password)
}
func (h *authHook) OnACLCheck(*mqtt.Client, string, bool) bool { return true }

func startBroker(t testing.TB, o brokerOpts) *broker {
	t.Helper()
	srv := mqtt.New(&mqtt.Options{
		InlineClient: true,
		Logger:       slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	hook := &authHook{users: o.users}
	if err := srv.AddHook(hook, nil); err != nil {
		t.Fatal(err)
	}
	addr := o.addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	l := listeners.NewTCP(listeners.Config{ID: "t", Address: addr, TLSConfig: o.tls})
	var err error
	for i := 0; i < 50; i++ { // the old broker's port may take a moment to free
		if err = srv.AddListener(l); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve()
	b := &broker{srv: srv, addr: l.Address(), hook: hook}
	t.Cleanup(b.stop)
	return b
}

func (b *broker) port() string {
	_, p, _ := net.SplitHostPort(b.addr)
	return p
}

// collect records every message the broker routes on filter.
type collector struct {
	mu   sync.Mutex
	msgs []packets.Packet
	ch   chan struct{}
}

func (b *broker) collect(t testing.TB, filter string) *collector {
	c := &collector{ch: make(chan struct{}, 1)}
	err := b.srv.Subscribe(filter, 1, func(_ *mqtt.Client, _ packets.Subscription, pk packets.Packet) {
		c.mu.Lock()
		c.msgs = append(c.msgs, pk.Copy(false))
		c.mu.Unlock()
		select {
		case c.ch <- struct{}{}:
		default:
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (c *collector) payloads() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, m := range c.msgs {
		out = append(out, string(m.Payload))
	}
	return out
}

// waitN waits until n messages were collected.
func (c *collector) waitN(t testing.TB, n int, d time.Duration) []string {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		p := c.payloads()
		if len(p) >= n {
			return p
		}
		if time.Now().After(deadline) {
			t.Fatalf("got %d messages, want %d: %q", len(p), n, p)
		}
		select {
		case <-c.ch:
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// waitSubscribed waits until some client subscribed to filter.
func (b *broker) waitSubscribed(t testing.TB, filter string, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if len(b.srv.Topics.Subscribers(filter).Subscriptions) > 0 {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("nobody subscribed to %q within %v", filter, d)
}

// script is one interpreter running a .star source.
type script struct {
	env *runtime.Env
	in  *runtime.Interp
	out runtimetest.Output
	err runtimetest.Output
}

func newScript(t testing.TB) *script {
	s := &script{env: runtime.NewEnv()}
	s.env.Stdout, s.env.Stderr = &s.out, &s.err
	s.env.Grants.FS = []string{os.TempDir()} // the tests' certificates are in t.TempDir()
	s.in = runtime.New(s.env)
	t.Cleanup(s.in.Close)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("script stderr:\n%s", s.err.String())
		}
	})
	return s
}

// run executes src as the main script and returns its error.
func (s *script) run(src string) error {
	return runtimetest.ExecFile(s.in, "test.star", src)
}

// runOK runs src and fails the test on error.
func (s *script) runOK(t testing.TB, src string) string {
	t.Helper()
	if err := s.run(src); err != nil {
		t.Fatalf("script failed: %s\nstdout:\n%s\nstderr:\n%s", s.in.FormatError(err), s.out.String(), s.err.String())
	}
	return s.out.String()
}

// routeAll makes every dial go to addr, and counts dials by requested address.
func (s *script) routeAll(addr string) *dialLog {
	d := &dialLog{}
	var nd net.Dialer
	s.env.Dial = func(ctx context.Context, network, a string) (net.Conn, error) {
		d.mu.Lock()
		d.addrs = append(d.addrs, a)
		d.mu.Unlock()
		return nd.DialContext(ctx, network, addr)
	}
	return d
}

type dialLog struct {
	mu    sync.Mutex
	addrs []string
}

func (d *dialLog) list() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.addrs...)
}

// subst replaces $NAME in src.
func subst(src string, kv ...string) string {
	return strings.NewReplacer(kv...).Replace(src)
}

// Go-side calls into the script API, for tests that interleave broker
// changes with client calls. Each call runs on a fresh thread under the
// interpreter lock, exactly as a script's call would.

func (s *script) newClient(t testing.TB, args starlark.Tuple, kwargs ...starlark.Tuple) *Client {
	t.Helper()
	v, err := s.callValue(s.ctor(t), args, kwargs)
	if err != nil {
		t.Fatalf("MQTTClient: %v", err)
	}
	return v.(*Client)
}

func (s *script) ctor(t testing.TB) starlark.Value {
	s.in.Lock()
	mod, err := s.in.Module("umqtt")
	s.in.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	return mod.Members["MQTTClient"]
}

func (s *script) callValue(fn starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s.in.Lock()
	defer s.in.Unlock()
	th := s.in.NewThread("call")
	defer s.in.Done(th)
	return starlark.Call(th, fn, args, kwargs)
}

func (s *script) call(c *Client, method string, args ...starlark.Value) (starlark.Value, error) {
	m, _ := c.Attr(method)
	return s.callValue(m, args, nil)
}

func (s *script) must(t testing.TB, c *Client, method string, args ...starlark.Value) starlark.Value {
	t.Helper()
	v, err := s.call(c, method, args...)
	if err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	return v
}

func str(s string) starlark.Value { return starlark.String(s) }
func num(n int) starlark.Value    { return starlark.MakeInt(n) }

func tuple(v ...starlark.Value) starlark.Tuple { return starlark.Tuple(v) }

// predeclaredNoop is a callback that ignores its arguments.
func (s *script) predeclaredNoop(testing.TB) starlark.Value {
	return starlark.NewBuiltin("noop", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return starlark.None, nil
	})
}
