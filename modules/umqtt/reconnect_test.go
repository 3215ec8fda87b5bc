package umqtt

import (
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.starlark.net/starlark"
)

// recorder is a Go callback that records its string arguments.
type recorder struct {
	mu  sync.Mutex
	got []string
}

func (r *recorder) fn() starlark.Value {
	return starlark.NewBuiltin("record", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		var parts []string
		for _, a := range args {
			s, _ := starlark.AsString(a)
			if b, ok := a.(starlark.Bytes); ok {
				s = string(b)
			}
			parts = append(parts, s)
		}
		r.mu.Lock()
		r.got = append(r.got, strings.Join(parts, " "))
		r.mu.Unlock()
		return starlark.None, nil
	})
}

func (r *recorder) list() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.got...)
}

func eventually(t testing.TB, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// shortConnectTimeout bounds each reconnect attempt: a dial that reaches
// the dying broker's listener gets no CONNACK and would otherwise wait the
// full 20 s before the next attempt.
func shortConnectTimeout(t testing.TB) {
	old := connectTimeout
	connectTimeout = 2 * time.Second
	t.Cleanup(func() { connectTimeout = old })
}

func (s *script) sta(t testing.TB, c *Client) int {
	v := s.must(t, c, "get_mqttsta")
	n, _ := starlark.AsInt32(v)
	return n
}

// The broker dies and comes back on the same port: the client reconnects,
// every subscription is restored, the error callback hears
// reconnect_start then reconnect_success, and get_mqttsta follows.
func testReconnectRestoresSubscriptions(t *testing.T) {
	shortConnectTimeout(t)
	b1 := startBroker(t, brokerOpts{})
	s := newScript(t)
	c := s.newClient(t, tuple(str("resub"), str("127.0.0.1"), str(b1.port())))
	events, msgs := &recorder{}, &recorder{}
	s.must(t, c, "error_register_cb", events.fn())
	s.must(t, c, "set_callback", msgs.fn())
	s.must(t, c, "connect")
	filters := []string{"a/1", "b/+", "c/#"}
	for _, f := range filters {
		s.must(t, c, "subscribe", str(f), num(1))
	}
	if got := s.sta(t, c); got != staConnected {
		t.Fatalf("get_mqttsta = %d before the crash", got)
	}

	b1.stop()
	eventually(t, "get_mqttsta == 1 (reconnecting)", 5*time.Second, func() bool { return s.sta(t, c) == staConnecting })
	b2 := startBroker(t, brokerOpts{addr: b1.addr})
	for _, f := range filters {
		b2.waitSubscribed(t, f, 20*time.Second)
	}
	eventually(t, "reconnect events", 5*time.Second, func() bool { return len(events.list()) == 2 })
	if got := strings.Join(events.list(), ","); got != "reconnect_start,reconnect_success" {
		t.Errorf("events %q", got)
	}
	if got := s.sta(t, c); got != staConnected {
		t.Errorf("get_mqttsta = %d after reconnect", got)
	}
	for _, topic := range []string{"a/1", "b/x", "c/y/z"} {
		if err := b2.srv.Publish(topic, []byte("after "+topic), false, 1); err != nil {
			t.Fatal(err)
		}
		s.must(t, c, "wait_msg")
	}
	want := "a/1 after a/1|b/x after b/x|c/y/z after c/y/z"
	if got := strings.Join(msgs.list(), "|"); got != want {
		t.Errorf("messages %q, want %q", got, want)
	}
}

// QoS 1 messages published while the link is down are queued (publish
// returns True) and delivered, in order, once the broker is back.
func testQoS1PublishedWhileDownArrivesInOrder(t *testing.T) {
	shortConnectTimeout(t)
	b1 := startBroker(t, brokerOpts{})
	s := newScript(t)
	c := s.newClient(t, tuple(str("queuer"), str("127.0.0.1"), str(b1.port())))
	s.must(t, c, "connect")
	b1.stop()
	eventually(t, "link down", 5*time.Second, func() bool { return s.sta(t, c) == staConnecting })
	for i := 0; i < 5; i++ {
		if v := s.must(t, c, "publish", str("q"), str("m"+strconv.Itoa(i)), starlark.False, num(1)); v != starlark.True {
			t.Fatalf("publish %d while down = %v, want True (queued)", i, v)
		}
	}
	if v := s.must(t, c, "publish", str("q"), str("qos0")); v != starlark.False {
		t.Errorf("QoS 0 publish while down = %v, want False", v)
	}
	if !strings.Contains(s.err.String(), "QoS 0 message dropped") {
		t.Errorf("no reason for the QoS 0 False: %q", s.err.String())
	}
	b2 := startBroker(t, brokerOpts{addr: b1.addr})
	got := b2.collect(t, "q").waitN(t, 5, 20*time.Second)
	if strings.Join(got, ",") != "m0,m1,m2,m3,m4" {
		t.Errorf("delivered %q", got)
	}
	if v := s.must(t, c, "publish", str("q"), str("m5"), starlark.False, num(1)); v != starlark.True {
		t.Errorf("publish after reconnect = %v", v)
	}
}

// With reconn=False the loss reaches the error callback, get_mqttsta says
// 2, and the next wait_msg raises; connect() starts over.
func testReconnOffReportsLoss(t *testing.T) {
	shortConnectTimeout(t)
	b1 := startBroker(t, brokerOpts{})
	s := newScript(t)
	c := s.newClient(t, tuple(str("once"), str("127.0.0.1"), str(b1.port())), starlark.Tuple{str("reconn"), starlark.False})
	events := &recorder{}
	s.must(t, c, "error_register_cb", events.fn())
	s.must(t, c, "set_callback", events.fn())
	s.must(t, c, "connect")
	b1.stop()
	eventually(t, "get_mqttsta == 2", 5*time.Second, func() bool { return s.sta(t, c) == staClosed })
	eventually(t, "error callback", 5*time.Second, func() bool { return len(events.list()) == 1 })
	if ev := events.list()[0]; !strings.HasPrefix(ev, "connection lost: ") {
		t.Errorf("error callback got %q", ev)
	}
	_, err := s.call(c, "wait_msg")
	if err == nil || !strings.Contains(err.Error(), "OSError: MQTT connection to "+b1.addr+" lost") {
		t.Errorf("wait_msg after loss: %v", err)
	}
	if v := s.must(t, c, "publish", str("t"), str("m"), starlark.False, num(1)); v != starlark.False {
		t.Errorf("publish after loss = %v", v)
	}
	startBroker(t, brokerOpts{addr: b1.addr})
	if v := s.must(t, c, "connect"); v != starlark.MakeInt(0) {
		t.Errorf("connect again = %v", v)
	}
	if got := s.sta(t, c); got != staConnected {
		t.Errorf("get_mqttsta = %d after connect again", got)
	}
}

// Kill and restart the broker during a 1,000-message QoS 1 stream from a
// script: nothing is lost, the order holds, duplicates are counted.
func testBrokerRestartDuring1000MessageStream(t *testing.T) {
	shortConnectTimeout(t)
	b1 := startBroker(t, brokerOpts{})
	c1 := b1.collect(t, "stream")
	var b2 *broker
	var c2 *collector
	restarted := make(chan struct{})
	go func() {
		defer close(restarted)
		for len(c1.payloads()) < 300 {
			time.Sleep(time.Millisecond)
		}
		b1.stop()
		time.Sleep(200 * time.Millisecond)
		b2 = startBroker(t, brokerOpts{addr: b1.addr})
		c2 = b2.collect(t, "stream")
	}()
	s := newScript(t)
	out := s.runOK(t, subst(`load("umqtt", "MQTTClient")
events = []
def on_err(e):
    events.append(e)
c = MQTTClient("streamer", "127.0.0.1", $PORT, keepalive=5)
c.error_register_cb(on_err)
c.connect()
ok = 0
seen = {}
for i in range(1000):
    if c.publish("stream", "%d" % i, qos=1):
        ok += 1
    seen[c.get_mqttsta()] = True
c.disconnect()
print(ok, sorted(seen.keys()), events)
`, "$PORT", b1.port()))
	<-restarted
	// the broker acknowledges before it routes: give the last ones a moment
	var all []string
	eventually(t, "all 1000 routed", 5*time.Second, func() bool {
		all = append(c1.payloads(), c2.payloads()...)
		seen := map[string]bool{}
		for _, p := range all {
			seen[p] = true
		}
		return len(seen) >= 1000
	})
	count := map[int]int{}
	last, inversions := -1, 0
	for _, p := range all {
		n, err := strconv.Atoi(p)
		if err != nil {
			t.Fatalf("bad payload %q", p)
		}
		if count[n] == 0 {
			if n < last {
				inversions++
			}
			last = n
		}
		count[n]++
	}
	missing, dups := 0, 0
	for i := 0; i < 1000; i++ {
		switch {
		case count[i] == 0:
			missing++
		case count[i] > 1:
			dups += count[i] - 1
		}
	}
	t.Logf("broker 1 got %d, broker 2 got %d; duplicates %d; script: %s\nstderr:\n%s", len(c1.payloads()), len(c2.payloads()), dups, strings.TrimSpace(out), s.err.String())
	if missing > 0 {
		t.Errorf("%d of 1000 messages lost", missing)
	}
	if inversions > 0 {
		t.Errorf("%d messages arrived out of order", inversions)
	}
	if !strings.Contains(out, "'reconnect_start', 'reconnect_success'") {
		t.Errorf("script did not see the reconnect events: %s", out)
	}
	if !strings.HasPrefix(out, "1000 ") && !strings.HasPrefix(out, "999 ") {
		t.Errorf("publish returned False more than once (the in-flight message may time out): %s", out)
	}
}
