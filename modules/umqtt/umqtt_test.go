package umqtt

import (
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/runtime"
)

const header = `load("umqtt", "MQTTClient")
got = []
def cb(topic, msg):
    got.append((topic, msg))
`

func testPubSubRoundTrip(t *testing.T) {
	b := startBroker(t, brokerOpts{})
	s := newScript(t)
	out := s.runOK(t, subst(header+`
sub = MQTTClient("sub1", "127.0.0.1", $PORT)
print(sub.get_mqttsta())
sub.set_callback(cb)
print(sub.connect())
sub.subscribe(b"a/b", 1)
pub = MQTTClient(b"pub1", b"127.0.0.1", "$PORT", keepalive=30)
pub.connect()
print(pub.publish("a/b", "hello", False, 1))
print(pub.publish(b"a/b", b"\x00\xffbin", qos=1))
sub.wait_msg()
sub.wait_msg()
print(got)
print(type(got[0][0]), type(got[0][1]))
print(sub.get_mqttsta())
print(sub.check_msg())
sub.disconnect()
pub.disconnect()
print(sub.get_mqttsta())
print(pub.publish("a/b", "late"))
`, "$PORT", b.port()))
	want := `-1
0
True
True
[(b'a/b', b'hello'), (b'a/b', b'\x00\xffbin')]
<class 'bytes'> <class 'bytes'>
0
None
-1
False
`
	if out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
	if !strings.Contains(s.err.String(), "not connected") {
		t.Errorf("publish after disconnect gave no reason on stderr: %q", s.err.String())
	}
}

func testRetained(t *testing.T) {
	b := startBroker(t, brokerOpts{})
	s := newScript(t)
	out := s.runOK(t, subst(header+`
pub = MQTTClient("pub", "127.0.0.1", $PORT)
pub.connect()
print(pub.publish("cfg/interval", "60", True, 1))
pub.disconnect()
late = MQTTClient("late", "127.0.0.1", $PORT)
late.set_callback(cb)
late.connect()
late.subscribe("cfg/#")
late.wait_msg()
print(got)
late.disconnect()
`, "$PORT", b.port()))
	if want := "True\n[(b'cfg/interval', b'60')]\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
}

// The will is published when the link dies without DISCONNECT (close()),
// and not after a clean disconnect().
func testLastWill(t *testing.T) {
	b := startBroker(t, brokerOpts{})
	s := newScript(t)
	out := s.runOK(t, subst(header+`
obs = MQTTClient("observer", "127.0.0.1", $PORT)
obs.set_callback(cb)
obs.connect()
obs.subscribe("status/#", 1)

polite = MQTTClient("polite", "127.0.0.1", $PORT)
polite.set_last_will("status/polite", "offline", False, 1)
polite.connect()
polite.disconnect()

dying = MQTTClient("dying", "127.0.0.1", $PORT)
dying.set_last_will(b"status/dying", b"offline", qos=1)
dying.connect()
dying.close()
obs.wait_msg()
print(got)
obs.disconnect()
`, "$PORT", b.port()))
	if want := "[(b'status/dying', b'offline')]\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
}

// A persistent session (clean_session=False) gets the QoS 1 messages
// published while the client was away.
func testQoS1RedeliveryPersistentSession(t *testing.T) {
	b := startBroker(t, brokerOpts{})
	s := newScript(t)
	out := s.runOK(t, subst(header+`
dev = MQTTClient("persist", "127.0.0.1", $PORT)
dev.set_callback(cb)
dev.connect(clean_session=False)
dev.subscribe("cmd/dev", 1)
dev.close()

app = MQTTClient("app", "127.0.0.1", $PORT)
app.connect()
for i in range(3):
    app.publish("cmd/dev", "m%d" % i, qos=1)
app.disconnect()

dev.connect(False)
for i in range(3):
    dev.wait_msg()
print(sorted([m for _, m in got]))  # the broker's resend order is its own
dev.disconnect()
`, "$PORT", b.port()))
	if want := "[b'm0', b'm1', b'm2']\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
}

func testWildcards(t *testing.T) {
	b := startBroker(t, brokerOpts{})
	s := newScript(t)
	out := s.runOK(t, subst(header+`
sub = MQTTClient("sub", "127.0.0.1", $PORT)
sub.set_callback(cb)
sub.connect()
sub.subscribe("sensors/+/temp", 1)
sub.subscribe("alarm/#", 1)
pub = MQTTClient("pub", "127.0.0.1", $PORT)
pub.connect()
for t in ["sensors/a/temp", "sensors/a/hum", "alarm", "other/x", "alarm/x/y", "sensors/b/c/temp", "sensors/b/temp"]:
    pub.publish(t, t, qos=1)
for i in range(4):
    sub.wait_msg()
print([str(t, "utf-8") for t, _ in got])
print(sub.check_msg(), len(got))
`, "$PORT", b.port()))
	want := "['sensors/a/temp', 'alarm', 'alarm/x/y', 'sensors/b/temp']\nNone 4\n"
	if out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
}

func testUnsubscribe(t *testing.T) {
	b := startBroker(t, brokerOpts{})
	s := newScript(t)
	out := s.runOK(t, subst(header+`
c = MQTTClient("c", "127.0.0.1", $PORT)
c.set_callback(cb)
c.connect()
c.subscribe("x/1", 1)
c.subscribe("x/2", 1)
c.unsubscribe("x/1")
c.publish("x/1", "no", qos=1)
c.publish("x/2", "yes", qos=1)
c.wait_msg()
print(got)
`, "$PORT", b.port()))
	if want := "[(b'x/2', b'yes')]\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
}

// A callback that fails prints its traceback; the next message is still
// delivered.
func testCallbackErrorKeepsRunning(t *testing.T) {
	b := startBroker(t, brokerOpts{})
	s := newScript(t)
	out := s.runOK(t, subst(`load("umqtt", "MQTTClient")
got = []
def cb(topic, msg):
    if msg == b"bad":
        x = {}["missing"]
    got.append(msg)
c = MQTTClient("c", "127.0.0.1", $PORT)
c.set_callback(cb)
c.connect()
c.subscribe("t", 1)
c.publish("t", "bad", qos=1)
c.publish("t", "good", qos=1)
c.wait_msg()
c.wait_msg()
print(got)
`, "$PORT", b.port()))
	if want := "[b'good']\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	errs := s.err.String()
	if !strings.Contains(errs, "Traceback") || !strings.Contains(errs, "missing") || !strings.Contains(errs, "in cb") {
		t.Errorf("stderr lacks the callback's traceback:\n%s", errs)
	}
}

// wait_msg releases the interpreter lock while it waits and wakes when
// the thread is cancelled (Ctrl-C).
func testWaitMsgReleasesLockAndCancels(t *testing.T) {
	b := startBroker(t, brokerOpts{})
	s := newScript(t)
	res := make(chan error, 1)
	go func() {
		res <- s.run(subst(header+`
c = MQTTClient("c", "127.0.0.1", $PORT)
c.set_callback(cb)
c.connect()
c.subscribe("never", 1)
c.wait_msg()
print("not reached")
`, "$PORT", b.port()))
	}()
	b.waitSubscribed(t, "never", 5*time.Second)
	locked := make(chan struct{})
	go func() { s.in.Lock(); s.in.Unlock(); close(locked) }()
	select {
	case <-locked:
	case <-time.After(5 * time.Second):
		t.Fatal("wait_msg holds the interpreter lock")
	}
	s.in.CancelAll("test")
	select {
	case err := <-res:
		if err == nil || !runtime.IsCancelled(err) {
			t.Fatalf("want a cancellation error, got %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("wait_msg did not wake on cancel")
	}
	if strings.Contains(s.out.String(), "not reached") {
		t.Error("script went on after cancel")
	}
}

func testVersion31(t *testing.T) {
	b := startBroker(t, brokerOpts{})
	s := newScript(t)
	out := s.runOK(t, subst(header+`
c = MQTTClient("v3", "127.0.0.1", $PORT, version=3)
c.set_callback(cb)
print(c.connect())
c.subscribe("v3/t")
c.publish("v3/t", "old protocol")
c.wait_msg()
print(got)
`, "$PORT", b.port()))
	if want := "0\n[(b'v3/t', b'old protocol')]\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
}

func TestInboxDropsOldestAndCounts(t *testing.T) {
	q := newInbox(3)
	for i := 0; i < 5; i++ {
		q.push(inMsg{topic: "t", payload: []byte{byte('0' + i)}})
	}
	m, ok, dropped := q.pop()
	if !ok || string(m.payload) != "2" || dropped != 2 {
		t.Fatalf("pop = %q %v dropped %d; want \"2\" true 2", m.payload, ok, dropped)
	}
	if _, _, d := q.pop(); d != 0 {
		t.Errorf("drop count reported twice: %d", d)
	}
	if q.total != 2 {
		t.Errorf("total dropped %d, want 2", q.total)
	}
}

// Messages that overflow the inbox are dropped oldest-first and reported
// on stderr the next time the script reads.
func testInboxOverflowReported(t *testing.T) {
	b := startBroker(t, brokerOpts{})
	s := newScript(t)
	c := s.newClient(t, tuple(str("c"), str("127.0.0.1"), str(b.port())))
	s.must(t, c, "set_callback", s.predeclaredNoop(t))
	s.must(t, c, "connect")
	s.must(t, c, "subscribe", str("flood"), num(0))
	n := inboxLimit + 10
	for i := 0; i < n; i++ {
		if err := b.srv.Publish("flood", []byte("x"), false, 0); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for c.in.len() < inboxLimit && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // let the rest arrive and overflow
	s.must(t, c, "check_msg")
	if !strings.Contains(s.err.String(), "dropped 10 received messages") {
		t.Errorf("overflow not reported as 10 drops: %q", s.err.String())
	}
}
