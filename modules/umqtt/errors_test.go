package umqtt

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/runtime"
)

// scriptErr runs src and returns the Python-style last line of its error.
func scriptErr(t *testing.T, s *script, src string) string {
	t.Helper()
	err := s.run(`load("umqtt", "MQTTClient")
def cb(t, m):
    pass
` + src)
	if err == nil {
		t.Fatalf("script succeeded, want an error:\n%s", src)
	}
	return runtime.ErrorLine(err)
}

func TestMalformedArguments(t *testing.T) {
	cases := []struct{ src, want string }{
		{`MQTTClient(1, "h")`, "TypeError: MQTTClient: argument 'client_id' must be str or bytes, not int"},
		{`MQTTClient("c", None)`, "TypeError: MQTTClient: argument 'server' must be str or bytes, not NoneType"},
		{`MQTTClient("c")`, "TypeError: MQTTClient() missing required argument 'server'"},
		{`MQTTClient("c", "")`, "ValueError: MQTTClient: argument 'server' is empty"},
		{`MQTTClient("c", "h", [1883])`, "TypeError: MQTTClient: argument 'port' must be int or str, not list"},
		{`MQTTClient("c", "h", "mqtt")`, `ValueError: MQTTClient: argument 'port' must be a number, got "mqtt"`},
		{`MQTTClient("c", "h", 70000)`, "ValueError: MQTTClient: argument 'port' must be 0..65535, got 70000"},
		{`MQTTClient("c", "h", user=5)`, "TypeError: MQTTClient: argument 'user' must be str or bytes, not int"},
		{`MQTTClient("c", "h", password=[])`, "TypeError: MQTTClient: argument 'password' must be str or bytes, not list"},
		{`MQTTClient("c", "h", keepalive=3)`, "ValueError: MQTTClient: argument 'keepalive' must be 0 or 5..65535 seconds, got 3"},
		{`MQTTClient("c", "h", keepalive="60")`, "TypeError: MQTTClient: argument 'keepalive' must be int, not str"},
		{`MQTTClient("c", "h", ssl="yes")`, "TypeError: MQTTClient: argument 'ssl' must be bool, not str"},
		{`MQTTClient("c", "h", ssl=True, ssl_params=[])`, "TypeError: MQTTClient: argument 'ssl_params' must be dict, not list"},
		{`MQTTClient("c", "h", ssl=True, ssl_params={"certificate": "x"})`, "TypeError: MQTTClient: ssl_params: unknown key 'certificate'"},
		{`MQTTClient("c", "h", ssl=True, ssl_params={"cert": "/usr/no/such/file.pem"})`, "OSError: MQTTClient: ssl_params['cert'] is neither PEM text nor a readable file"},
		{`MQTTClient("c", "h", version=5)`, "ValueError: MQTTClient: argument 'version' must be 3 (MQTT 3.1) or 4 (MQTT 3.1.1), got 5"},
		{`MQTTClient("c", "h", colour=1)`, "TypeError: MQTTClient() got an unexpected keyword argument 'colour'"},
		{`MQTTClient("c", "h", 1883, server="x")`, "TypeError: MQTTClient() got multiple values for argument 'server'"},
		{`MQTTClient("c", "h").publish(1, "m")`, "TypeError: publish: argument 'topic' must be str or bytes, not int"},
		{`MQTTClient("c", "h").publish("t", 5)`, "TypeError: publish: argument 'msg' must be str or bytes, not int"},
		{`MQTTClient("c", "h").publish("t", "m", qos=3)`, "ValueError: publish: argument 'qos' must be 0, 1 or 2, got 3"},
		{`MQTTClient("c", "h").publish("t", "m", retain="no")`, "TypeError: publish: argument 'retain' must be bool, not str"},
		{`MQTTClient("c", "h").subscribe("t")`, "AssertionError: Subscribe callback is not set"},
		{`MQTTClient("c", "h").set_callback(5)`, "TypeError: set_callback: argument 'f' must be callable, not int"},
		{`MQTTClient("c", "h").set_last_will("", "x")`, "ValueError: set_last_will: topic '' is empty"},
		{`MQTTClient("c", "h").set_last_will("w/#", "x")`, "ValueError: set_last_will: topic 'w/#' contains a wildcard (+ or #)"},
		{`MQTTClient("c", "h").connect(clean=True)`, "TypeError: connect() got an unexpected keyword argument 'clean'"},
		{`MQTTClient("c", "h").wait_msg()`, "OSError: MQTTClient c@h:1883 is not connected: call connect() first"},
		{`MQTTClient("c", "h").check_msg()`, "OSError: MQTTClient c@h:1883 is not connected: call connect() first"},
		{"c = MQTTClient('c', 'h')\nc.set_callback(cb)\nc.subscribe('t')", "OSError: MQTTClient c@h:1883 is not connected"},
	}
	for _, tc := range cases {
		s := newScript(t)
		got := scriptErr(t, s, tc.src)
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s\n got: %s\nwant: %s", tc.src, got, tc.want)
		}
	}
}

func TestPortDefaultsAndForms(t *testing.T) {
	s := newScript(t)
	out := s.runOK(t, `load("umqtt", "MQTTClient")
print(MQTTClient("a", "h"))
print(MQTTClient(b"b", b"h", ssl=True))
print(MQTTClient("c", "h", "1884"))
print(MQTTClient("d", "h", b" 2000 "))
print(MQTTClient("e", "::1", 1883))
print(MQTTClient("f", "h", 0, None, None, 0, False, {}, True, 4).get_mqttsta())
`)
	want := "<MQTTClient a@h:1883>\n<MQTTClient b@h:8883>\n<MQTTClient c@h:1884>\n<MQTTClient d@h:2000>\n<MQTTClient e@[::1]:1883>\n-1\n"
	if out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
}

func freePort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	_, p, _ := net.SplitHostPort(addr)
	return p
}

// A closed port fails at once with "refused", well inside the timeout.
func testConnectRefused(t *testing.T) {
	s := newScript(t)
	start := time.Now()
	got := scriptErr(t, s, subst(`MQTTClient("c", "127.0.0.1", $PORT).connect()`, "$PORT", freePort(t)))
	if took := time.Since(start); took >= connectTimeout {
		t.Errorf("refused connect took %v, the whole timeout", took)
	}
	if !strings.HasPrefix(got, "ValueError: MQTT Connect error='111' FAIL: connection refused by 127.0.0.1:") {
		t.Errorf("got %s", got)
	}
}

// A broker that accepts TCP but never answers, and a dial that never
// completes, both end in a Timeout error after the connect timeout.
func testConnectTimeout(t *testing.T) {
	old := connectTimeout
	connectTimeout = 300 * time.Millisecond
	defer func() { connectTimeout = old }()

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			defer c.Close() // hold it open, say nothing
		}
	}()
	_, p, _ := net.SplitHostPort(l.Addr().String())
	s := newScript(t)
	got := scriptErr(t, s, subst(`MQTTClient("c", "127.0.0.1", $PORT).connect()`, "$PORT", p))
	if !strings.Contains(got, "Timeout") {
		t.Errorf("silent broker: got %s", got)
	}

	s = newScript(t)
	s.env.Dial = func(ctx context.Context, _, _ string) (net.Conn, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	got = scriptErr(t, s, `MQTTClient("c", "10.255.255.1", 1883).connect()`)
	if !strings.HasPrefix(got, "ValueError: MQTT Connect error='110' Timeout: no answer from 10.255.255.1:1883 within 300ms") {
		t.Errorf("blackhole dial: got %s", got)
	}
}

func testConnectDNSFailure(t *testing.T) {
	s := newScript(t)
	got := scriptErr(t, s, `MQTTClient("c", "no-such-host.invalid").connect()`)
	if !strings.HasPrefix(got, `ValueError: DNS Parsing failed: cannot resolve "no-such-host.invalid"`) {
		t.Errorf("got %s", got)
	}
}

// Bad credentials are reported with the CONNACK code and its meaning, and
// the password appears nowhere.
func testBadCredentials(t *testing.T) {
	b := startBroker(t, brokerOpts{users: map[string]string{"dev": "s3cret-pw"}})
	s := newScript(t)
	out := s.runOK(t, subst(`load("umqtt", "MQTTClient")
print(MQTTClient("ok", "127.0.0.1", $PORT, "dev", "s3cret-pw").connect())
`, "$PORT", b.port()))
	if out != "0\n" {
		t.Fatalf("good credentials: %q", out)
	}
	got := scriptErr(t, s, subst(`MQTTClient("c", "127.0.0.1", $PORT, "dev", "wrong-pw-123").connect()`, "$PORT", b.port()))
	if !strings.HasPrefix(got, "ValueError: MQTT Connect error='5' FAIL: broker refused the connection: CONNACK 5, not authorized") {
		t.Errorf("got %s", got)
	}
	for _, secret := range []string{"wrong-pw-123", "s3cret-pw"} {
		if strings.Contains(got+s.err.String()+s.out.String(), secret) {
			t.Errorf("password %q leaked into output", secret)
		}
	}
}

// CONNACK codes 1-5 each get their 3.1.1 meaning (mochi can only send 5,
// so the table is checked here; Mosquitto's 4 in the interop test).
func TestConnackMeanings(t *testing.T) {
	want := map[byte]string{
		1: "CONNACK 1, unacceptable protocol version",
		2: "CONNACK 2, identifier rejected",
		3: "CONNACK 3, server unavailable",
		4: "CONNACK 4, bad user name or password",
		5: "CONNACK 5, not authorized",
	}
	for rc, w := range want {
		e := classify(transportConfig{addr: "h:1"}, nil, rc, nil)
		if !strings.Contains(e.Error(), w) || !strings.Contains(e.Error(), "error='"+string('0'+rc)+"'") {
			t.Errorf("rc %d: %s", rc, e.Error())
		}
	}
}

// A broker that answers CONNACK with a code paho does not know (here an
// MQTT 5 reason code, 0x87) must not count as connected.
func testUnknownConnackCodeRefuses(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			buf := make([]byte, 256)
			c.Read(buf)                             // the CONNECT
			c.Write([]byte{0x20, 0x02, 0x00, 0x87}) // CONNACK, return code 135
		}
	}()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	s := newScript(t)
	err = s.run(`
load("umqtt", "MQTTClient")
c = MQTTClient("id", "127.0.0.1", ` + port + `, version=4)
c.connect()
`)
	if err == nil || !strings.Contains(err.Error(), "CONNACK 135") {
		t.Fatalf("connect() = %v, want a refusal naming CONNACK 135", err)
	}
}
