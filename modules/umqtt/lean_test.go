package umqtt

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	mqtt "github.com/mochi-mqtt/server/v2"
	"github.com/mochi-mqtt/server/v2/packets"
	"go.starlark.net/starlark"
)

// proxy forwards loopback connections to a broker. It can drop what the
// broker sends (the client then waits for acks that never come), drop
// both ways (a dead link), and cut every connection.
type proxy struct {
	l       net.Listener
	backend string
	down    atomic.Bool // drop broker → client bytes
	up      atomic.Bool // drop client → broker bytes
	pubrel  atomic.Bool // drop client → broker reads that start with PUBREL
	mu      sync.Mutex
	conns   []net.Conn
}

func startProxy(t *testing.T, backend string) *proxy {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{l: l, backend: backend}
	t.Cleanup(func() { l.Close(); p.cut() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			b, err := net.Dial("tcp", backend)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, b)
			p.mu.Unlock()
			go p.pipe(b, c, func(b []byte) bool { return p.up.Load() || p.pubrel.Load() && b[0]>>4 == packets.Pubrel })
			go p.pipe(c, b, func([]byte) bool { return p.down.Load() })
		}
	}()
	return p
}

func (p *proxy) addr() string { return p.l.Addr().String() }

func (p *proxy) pipe(dst, src net.Conn, drop func([]byte) bool) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 && !drop(buf[:n]) {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				break
			}
		}
		if err != nil {
			break
		}
	}
	dst.Close()
	src.Close()
}

// cut closes every connection made so far.
func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// packetLog records the packets a broker reads, with their fixed header
// (which Packet.Copy drops).
type packetLog struct {
	mqtt.HookBase
	mu  sync.Mutex
	pks []packets.Packet
}

func (h *packetLog) ID() string           { return "packet-log" }
func (h *packetLog) Provides(b byte) bool { return b == mqtt.OnPacketRead }
func (h *packetLog) OnPacketRead(cl *mqtt.Client, pk packets.Packet) (packets.Packet, error) {
	c := pk.Copy(false)
	c.FixedHeader = pk.FixedHeader
	h.mu.Lock()
	h.pks = append(h.pks, c)
	h.mu.Unlock()
	return pk, nil
}

func logPackets(t *testing.T, b *broker) *packetLog {
	h := &packetLog{}
	if err := b.srv.AddHook(h, nil); err != nil {
		t.Fatal(err)
	}
	return h
}

// count returns how many packets of type kind were read, and of those
// how many had DUP set; payload "" matches any.
func (h *packetLog) count(kind byte, payload string) (n, dup int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, pk := range h.pks {
		if pk.FixedHeader.Type == kind && (payload == "" || string(pk.Payload) == payload) {
			n++
			if pk.FixedHeader.Dup {
				dup++
			}
		}
	}
	return n, dup
}

// linkLog is a linkEvents for tests of the transport alone.
type linkLog struct {
	mu     sync.Mutex
	lostTo []error
	ups    int
}

func (l *linkLog) message(string, []byte) {}
func (l *linkLog) lost(err error)         { l.mu.Lock(); l.lostTo = append(l.lostTo, err); l.mu.Unlock() }
func (l *linkLog) reconnecting()          {}
func (l *linkLog) connected(bool)         { l.mu.Lock(); l.ups++; l.mu.Unlock() }
func (l *linkLog) losses() []error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]error(nil), l.lostTo...)
}
func (l *linkLog) connects() int { l.mu.Lock(); defer l.mu.Unlock(); return l.ups }

func leanTo(t *testing.T, addr string, ev linkEvents, edit func(*transportConfig)) *leanTransport {
	cfg := transportConfig{addr: addr, host: "127.0.0.1", clientID: fmt.Sprintf("lean-%d", time.Now().UnixNano()), version: 4,
		cleanSession: true, reconnect: true, timeout: 2 * time.Second, backoff: defaultBackoff,
		dial: (&net.Dialer{}).DialContext}
	if edit != nil {
		edit(&cfg)
	}
	lt := newLeanTransport(cfg, ev)
	if err := lt.Connect(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(lt.Drop)
	return lt
}

// The lean transport sends PINGREQ when idle for a keepalive period,
// and takes a broker that stops answering for a dead link.
func TestLeanKeepaliveDetectsDeadLink(t *testing.T) {
	old := pingTimeout
	pingTimeout = 300 * time.Millisecond
	t.Cleanup(func() { pingTimeout = old })
	b := startBroker(t, brokerOpts{})
	pk := logPackets(t, b)
	p := startProxy(t, b.addr)
	ev := &linkLog{}
	lt := leanTo(t, p.addr(), ev, func(c *transportConfig) { c.keepalive = 200 * time.Millisecond; c.reconnect = false })
	eventually(t, "two PINGREQs", 3*time.Second, func() bool { n, _ := pk.count(packets.Pingreq, ""); return n >= 2 })
	if len(ev.losses()) != 0 {
		t.Fatalf("link lost while the broker answered: %v", ev.losses())
	}
	p.up.Store(true)
	p.down.Store(true)
	eventually(t, "the dead link noticed", 3*time.Second, func() bool { return len(ev.losses()) == 1 })
	if err := ev.losses()[0]; !strings.Contains(err.Error(), "no PINGRESP") {
		t.Errorf("lost because %v", err)
	}
	if lt.Link() != linkDown {
		t.Errorf("link %v after a loss with reconnect off", lt.Link())
	}
}

// QoS 1 and 2 publishes whose acknowledgements were lost are resent
// with DUP after the reconnect, first, and the link counts as up only
// once they are acknowledged.
func TestLeanResendsUnackedWithDup(t *testing.T) {
	b := startBroker(t, brokerOpts{})
	pk := logPackets(t, b)
	got := b.collect(t, "dup/#")
	p := startProxy(t, b.addr)
	ev := &linkLog{}
	// A kept session: the broker then remembers the QoS 2 id across
	// the reconnect and routes the message once.
	lt := leanTo(t, p.addr(), ev, func(c *transportConfig) { c.cleanSession = false })

	p.down.Store(true) // the broker's acks vanish
	p1 := lt.Publish("dup/1", []byte("one"), 1, false)
	p2 := lt.Publish("dup/2", []byte("two"), 2, false)
	eventually(t, "both publishes at the broker", 3*time.Second, func() bool {
		n1, _ := pk.count(packets.Publish, "one")
		n2, _ := pk.count(packets.Publish, "two")
		return n1 == 1 && n2 == 1
	})
	if lt.Unacked() != 2 {
		t.Fatalf("unacked %d, want 2", lt.Unacked())
	}
	p.down.Store(false) // (the acks were dropped already)
	p.cut()
	for _, op := range []pending{p1, p2} {
		select {
		case <-op.Done():
			if !isLinkError(op.Error()) {
				t.Errorf("in-flight publish ended with %v, want a link error", op.Error())
			}
		case <-time.After(3 * time.Second):
			t.Fatal("in-flight publish did not end when the link dropped")
		}
	}
	eventually(t, "reconnected and settled", 5*time.Second, func() bool { return lt.Link() == linkUp && lt.Unacked() == 0 })
	for _, m := range []string{"one", "two"} {
		if n, dup := pk.count(packets.Publish, m); n != 2 || dup != 1 {
			t.Errorf("%q read %d times, %d with DUP; want 2 and 1", m, n, dup)
		}
	}
	if ev.connects() != 2 || len(ev.losses()) != 1 {
		t.Errorf("connects %d, losses %v", ev.connects(), ev.losses())
	}
	// QoS 2 reaches subscribers exactly once, QoS 1 at least once.
	msgs := got.waitN(t, 2, 3*time.Second)
	if c := strings.Count(strings.Join(msgs, ","), "two"); c != 1 {
		t.Errorf("QoS 2 message routed %d times: %q", c, msgs)
	}
}

// A QoS 2 PUBREC came but the PUBREL was lost: after the reconnect the
// transport resends PUBREL, not the message.
func TestLeanResendsPubrel(t *testing.T) {
	b := startBroker(t, brokerOpts{})
	pk := logPackets(t, b)
	got := b.collect(t, "rel/#")
	p := startProxy(t, b.addr)
	lt := leanTo(t, p.addr(), &linkLog{}, func(c *transportConfig) { c.cleanSession = false })
	p.pubrel.Store(true)
	op := lt.Publish("rel/1", []byte("x"), 2, false)
	eventually(t, "PUBREC handled", 3*time.Second, func() bool {
		lt.mu.Lock()
		defer lt.mu.Unlock()
		o := lt.ops[op.(*leanOp).id]
		return o != nil && o.rec
	})
	p.pubrel.Store(false) // before the cut: the reconnect is immediate
	p.cut()
	eventually(t, "settled", 5*time.Second, func() bool { return lt.Link() == linkUp && lt.Unacked() == 0 })
	if n, _ := pk.count(packets.Publish, "x"); n != 1 {
		t.Errorf("message sent %d times, want 1 (PUBREL resent instead)", n)
	}
	// (mochi also resends its PUBREC on the kept session, which the
	// transport answers with another PUBREL)
	if n, _ := pk.count(packets.Pubrel, ""); n < 1 {
		t.Errorf("broker read no PUBREL: the resend is missing")
	}
	if m := got.waitN(t, 1, time.Second); len(m) != 1 {
		t.Errorf("routed %q", m)
	}
}

// A burst of QoS 1 messages bigger than the inbox, taken slowly by the
// script: nothing is acknowledged before the script has it, the broker
// keeps what does not fit, and every message arrives exactly once.
func TestLeanBackPressureLosesNothing(t *testing.T) {
	f, _ := transportNamed("lean")
	old := newTransport
	newTransport = f
	t.Cleanup(func() { newTransport = old })
	b := startBroker(t, brokerOpts{})
	s := newScript(t)
	c := s.newClient(t, tuple(str("slow"), str("127.0.0.1"), str(b.port())))
	got := &recorder{}
	record := got.fn().(*starlark.Builtin)
	calls := 0
	slow := starlark.NewBuiltin("slow", func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if calls++; calls%500 == 0 {
			time.Sleep(5 * time.Millisecond) // a slow callback, now and then
		}
		return record.CallInternal(th, args, kw)
	})
	s.must(t, c, "set_callback", slow)
	s.must(t, c, "connect")
	s.must(t, c, "subscribe", str("burst"), num(1))
	n := inboxLimit + 500
	for i := 0; i < n; i++ {
		if err := b.srv.Publish("burst", []byte(fmt.Sprint(i)), false, 1); err != nil {
			t.Fatal(err)
		}
	}
	eventually(t, "a full inbox", 10*time.Second, func() bool { return c.in.len() == inboxLimit })
	time.Sleep(100 * time.Millisecond) // the rest would arrive now if the reader went on
	if l := c.in.len(); l != inboxLimit {
		t.Fatalf("inbox holds %d, want %d: the reader did not stop", l, inboxLimit)
	}
	cl, ok := b.srv.Clients.Get("slow")
	if !ok {
		t.Fatal("broker does not know the client")
	}
	if un := cl.State.Inflight.Len(); un != n {
		t.Errorf("broker awaits %d acknowledgements, want %d (none before the script takes them)", un, n)
	}
	// check_msg, not wait_msg: a lost message must fail the test, not hang it.
	for deadline := time.Now().Add(20 * time.Second); calls < n && time.Now().Before(deadline); {
		if s.must(t, c, "check_msg"); c.in.len() == 0 {
			time.Sleep(time.Millisecond)
		}
	}
	time.Sleep(50 * time.Millisecond)
	if v := s.must(t, c, "check_msg"); calls != n || v != starlark.None {
		t.Errorf("the callback ran %d times for %d messages", calls, n)
	}
	seen := map[string]int{}
	for _, m := range got.list() {
		seen[strings.TrimPrefix(m, "burst ")]++
	}
	for i := 0; i < n; i++ {
		if k := seen[fmt.Sprint(i)]; k != 1 {
			t.Fatalf("message %d delivered %d times", i, k)
		}
	}
	eventually(t, "all acknowledged", 5*time.Second, func() bool { return cl.State.Inflight.Len() == 0 })
	if strings.Contains(s.err.String(), "dropped") {
		t.Errorf("stderr reports drops: %s", s.err.String())
	}
}

// QoS 2 both ways: the script publishes at QoS 2 (True once PUBCOMP
// came) and receives at QoS 2, exactly once, the broker left with
// nothing in flight.
func testQoS2BothWays(t *testing.T) {
	b := startBroker(t, brokerOpts{})
	s := newScript(t)
	out := s.runOK(t, subst(header+`
c = MQTTClient("q2", "127.0.0.1", $PORT)
c.set_callback(cb)
c.connect()
c.subscribe("q2/t", 2)
for i in range(20):
    if not c.publish("q2/t", "m%d" % i, qos=2):
        fail("publish %d" % i)
for i in range(20):
    c.wait_msg()
print(len(got), len(set([m for _, m in got])), c.check_msg())
`, "$PORT", b.port()))
	if out != "20 20 None\n" {
		t.Errorf("stdout %q", out)
	}
	cl, _ := b.srv.Clients.Get("q2")
	eventually(t, "nothing in flight", 3*time.Second, func() bool { return cl.State.Inflight.Len() == 0 })
}

// A persistent session: QoS 1 messages the script has not taken when the
// link drops are resent by the broker after the reconnect; the script
// still gets each once, and the broker ends with nothing in flight.
func testHeldMessagesSurviveReconnect(t *testing.T) {
	shortConnectTimeout(t)
	b := startBroker(t, brokerOpts{})
	p := startProxy(t, b.addr)
	s := newScript(t)
	s.routeAll(p.addr())
	c := s.newClient(t, tuple(str("keeper"), str("127.0.0.1"), str("1883")))
	got := &recorder{}
	s.must(t, c, "set_callback", got.fn())
	if _, err := s.callValue(mustAttr(c, "connect"), nil, []starlark.Tuple{{str("clean_session"), starlark.False}}); err != nil {
		t.Fatal(err)
	}
	s.must(t, c, "subscribe", str("keep"), num(1))
	for i := 0; i < 5; i++ {
		b.srv.Publish("keep", []byte(fmt.Sprint(i)), false, 1)
	}
	eventually(t, "5 waiting", 3*time.Second, func() bool { return c.in.len() == 5 })
	p.cut()
	eventually(t, "reconnected", 5*time.Second, func() bool { return s.sta(t, c) == staConnected && c.t.Link() == linkUp })
	time.Sleep(100 * time.Millisecond) // the broker's resends arrive
	for i := 0; i < 5; i++ {
		s.must(t, c, "wait_msg")
	}
	if v := s.must(t, c, "check_msg"); v != starlark.None {
		t.Errorf("a sixth message: %v (got %q)", v, got.list())
	}
	if g := strings.Join(got.list(), ","); g != "keep 0,keep 1,keep 2,keep 3,keep 4" {
		t.Errorf("got %q", g)
	}
	cl, _ := b.srv.Clients.Get("keeper")
	eventually(t, "nothing in flight", 3*time.Second, func() bool { return cl.State.Inflight.Len() == 0 })
}

func mustAttr(c *Client, name string) starlark.Value {
	v, _ := c.Attr(name)
	return v
}

func TestTransportEnv(t *testing.T) {
	t.Setenv(transportEnv, "nope")
	s := newScript(t)
	got := scriptErr(t, s, `MQTTClient("c", "h")`)
	if want := `ValueError: MQTTClient: QSTAR_UMQTT_TRANSPORT="nope": want one of lean, paho`; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	for _, name := range []string{"lean", "paho", ""} {
		t.Setenv(transportEnv, name)
		b := startBroker(t, brokerOpts{})
		s := newScript(t)
		c := s.newClient(t, tuple(str("c"), str("127.0.0.1"), str(b.port())))
		s.must(t, c, "connect")
		want := map[string]string{"lean": "*umqtt.leanTransport", "paho": "*umqtt.pahoTransport", "": "*umqtt.leanTransport"}[name]
		if got := fmt.Sprintf("%T", c.t); got != want {
			t.Errorf("%s=%q made %s, want %s", transportEnv, name, got, want)
		}
	}
}

// A full inbox drops QoS 0 messages, never a held one; hold waits for
// room instead.
func TestInboxKeepsHeldMessages(t *testing.T) {
	q := newInbox(2)
	acked := 0
	q.hold(inMsg{topic: "h", payload: []byte("1"), ack: func() { acked++ }}, nil)
	q.push(inMsg{topic: "t", payload: []byte("2")})
	q.push(inMsg{topic: "t", payload: []byte("3")}) // full, the oldest is held: 3 is dropped
	stop := make(chan struct{})
	res := make(chan bool)
	go func() { res <- q.hold(inMsg{topic: "h", payload: []byte("4"), ack: func() {}}, stop) }()
	select {
	case <-res:
		t.Fatal("hold did not wait for room")
	case <-time.After(50 * time.Millisecond):
	}
	m, _, dropped := q.pop()
	if string(m.payload) != "1" || dropped != 1 {
		t.Fatalf("pop = %q, dropped %d; want the held \"1\" and 1 drop", m.payload, dropped)
	}
	if !<-res {
		t.Fatal("hold failed once there was room")
	}
	var got []string
	for {
		m, ok, _ := q.pop()
		if !ok {
			break
		}
		got = append(got, string(m.payload))
	}
	if strings.Join(got, ",") != "2,4" {
		t.Errorf("then %q, want 2,4", got)
	}
	close(stop)
	q.hold(inMsg{}, nil)
	q.hold(inMsg{}, nil)
	if q.hold(inMsg{}, stop) {
		t.Error("hold on a full inbox returned true after stop")
	}
}

// BenchmarkTransportPublish is each transport alone, without the
// interpreter: QoS 0 and QoS 1 stop-and-wait publishes of 64 bytes to the
// embedded broker, or QSTAR_TEST_BROKER.
func BenchmarkTransportPublish(b *testing.B) {
	addr := os.Getenv("QSTAR_TEST_BROKER")
	if u, err := url.Parse(addr); err == nil && u.Host != "" {
		addr = u.Host
	}
	if addr == "" {
		addr = startBroker(b, brokerOpts{}).addr
	}
	payload := make([]byte, 64)
	for _, name := range []string{"lean", "paho"} {
		for _, qos := range []byte{0, 1} {
			b.Run(fmt.Sprintf("%s/qos%d", name, qos), func(b *testing.B) {
				f, _ := transportNamed(name)
				cfg := transportConfig{addr: addr, clientID: fmt.Sprintf("bench-%s-%d", name, qos), version: 4, cleanSession: true,
					timeout: 5 * time.Second, dial: (&net.Dialer{}).DialContext}
				tr := f(cfg, &linkLog{})
				if err := tr.Connect(context.Background()); err != nil {
					b.Fatal(err)
				}
				defer tr.Disconnect()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					p := tr.Publish("bench/transport", payload, qos, false)
					<-p.Done()
					if err := p.Error(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
