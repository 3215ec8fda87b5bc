package emulator

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"testing"
	"time"

	"github.com/mochi-mqtt/server/v2/packets"
)

// rawClient speaks MQTT 3.1.1 packet by packet (mochi's codec), to test
// the connection layer where a library client would hide it.
type rawClient struct {
	t    *testing.T
	conn net.Conn
	r    *bufio.Reader
}

func dialRaw(t *testing.T, e *Emulator) *rawClient {
	t.Helper()
	c, err := net.Dial("tcp", e.Addr())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &rawClient{t: t, conn: c, r: bufio.NewReader(c)}
}

func (c *rawClient) send(pk packets.Packet) {
	c.t.Helper()
	var buf bytes.Buffer
	pk.ProtocolVersion = 4
	var err error
	switch pk.FixedHeader.Type {
	case packets.Connect:
		pk.Connect.ProtocolName = []byte("MQTT")
		err = pk.ConnectEncode(&buf)
	case packets.Subscribe:
		pk.FixedHeader.Qos = 1
		err = pk.SubscribeEncode(&buf)
	case packets.Publish:
		err = pk.PublishEncode(&buf)
	case packets.Disconnect:
		err = pk.DisconnectEncode(&buf)
	}
	if err != nil {
		c.t.Fatal(err)
	}
	c.sendBytes(buf.Bytes())
}

func (c *rawClient) sendBytes(b []byte) {
	c.t.Helper()
	if _, err := c.conn.Write(b); err != nil {
		c.t.Fatal(err)
	}
}

// next reads a packet's type and body; type 0 when the connection closed
// (or nothing came within d).
func (c *rawClient) next(d time.Duration) (byte, []byte) {
	h, body := c.nextRaw(d)
	return h >> 4, body
}

// nextRaw reads a packet's first byte (type and flags) and body.
func (c *rawClient) nextRaw(d time.Duration) (byte, []byte) {
	c.conn.SetReadDeadline(time.Now().Add(d))
	h, err := c.r.ReadByte()
	if err != nil {
		return 0, nil
	}
	n, shift := 0, 0
	for {
		b, err := c.r.ReadByte()
		if err != nil {
			return 0, nil
		}
		n |= int(b&0x7f) << shift
		if b&0x80 == 0 {
			break
		}
		shift += 7
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(c.r, body); err != nil {
		return 0, nil
	}
	return h, body
}

// connect sends a CONNECT and returns the CONNACK's session-present flag.
func (c *rawClient) connect(p packets.ConnectParams) bool {
	c.t.Helper()
	c.send(packets.Packet{FixedHeader: packets.FixedHeader{Type: packets.Connect}, Connect: p})
	typ, body := c.next(5 * time.Second)
	if typ != packets.Connack || len(body) != 2 || body[1] != 0 {
		c.t.Fatalf("CONNACK: type %d body %v", typ, body)
	}
	return body[0]&1 == 1
}

func (c *rawClient) subscribe(filter string) {
	c.t.Helper()
	if code := c.subscribeQoS(filter, 0); code != 0 {
		c.t.Fatalf("SUBACK code %#x", code)
	}
}

// subscribeQoS subscribes and returns the SUBACK's return code.
func (c *rawClient) subscribeQoS(filter string, qos byte) byte {
	c.t.Helper()
	c.send(packets.Packet{FixedHeader: packets.FixedHeader{Type: packets.Subscribe}, PacketID: 1,
		Filters: packets.Subscriptions{{Filter: filter, Qos: qos}}})
	typ, body := c.next(5 * time.Second)
	if typ != packets.Suback || len(body) != 3 {
		c.t.Fatalf("SUBACK: type %d body %v", typ, body)
	}
	return body[2]
}

// expectPublishQoS waits for a PUBLISH at QoS 1, checks it and returns
// its packet id.
func (c *rawClient) expectPublishQoS1(topic, payload string) uint16 {
	c.t.Helper()
	h, body := c.nextRaw(5 * time.Second)
	if h>>4 != packets.Publish || (h>>1)&3 != 1 {
		c.t.Fatalf("want a QoS 1 PUBLISH %s, got header %#x", topic, h)
	}
	n := int(body[0])<<8 | int(body[1])
	id := uint16(body[2+n])<<8 | uint16(body[3+n])
	if got := string(body[2 : 2+n]); got != topic || string(body[4+n:]) != payload {
		c.t.Fatalf("PUBLISH %q %q, want %q %q", got, body[4+n:], topic, payload)
	}
	return id
}

func (c *rawClient) puback(id uint16) {
	c.sendBytes([]byte{packets.Puback << 4, 2, byte(id >> 8), byte(id)})
}

func (c *rawClient) publish(topic, payload string) {
	c.send(packets.Packet{FixedHeader: packets.FixedHeader{Type: packets.Publish}, TopicName: topic, Payload: []byte(payload)})
}

// expectPublish waits for a PUBLISH and checks its topic and payload.
func (c *rawClient) expectPublish(topic, payload string) {
	c.t.Helper()
	typ, body := c.next(5 * time.Second)
	if typ != packets.Publish {
		c.t.Fatalf("want PUBLISH %s, got type %d", topic, typ)
	}
	n := int(body[0])<<8 | int(body[1])
	if got := string(body[2 : 2+n]); got != topic || string(body[2+n:]) != payload {
		c.t.Fatalf("PUBLISH %q %q, want %q %q", got, body[2+n:], topic, payload)
	}
}

// expectClosed waits for the emulator to close the connection.
func (c *rawClient) expectClosed(within time.Duration) {
	c.t.Helper()
	for deadline := time.Now().Add(within); time.Now().Before(deadline); {
		c.conn.SetReadDeadline(deadline)
		if _, err := c.r.ReadByte(); err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				break
			}
			return
		}
	}
	c.t.Fatalf("connection still open after %v", within)
}

func TestConnKeepAliveDropsASilentClientAndSendsItsWill(t *testing.T) {
	e, _ := standalone(t, Options{})
	watcher := dialRaw(t, e)
	watcher.connect(packets.ConnectParams{ClientIdentifier: "watcher", Clean: true, Keepalive: 60})
	watcher.subscribe("wills/#")

	silent := dialRaw(t, e)
	silent.connect(packets.ConnectParams{ClientIdentifier: "silent", Clean: true, Keepalive: 1,
		WillFlag: true, WillTopic: "wills/silent", WillPayload: []byte("gone")})
	start := time.Now()
	silent.expectClosed(5 * time.Second)
	if took := time.Since(start); took < time.Second {
		t.Errorf("dropped after %v, before one and a half keep-alives", took)
	}
	watcher.expectPublish("wills/silent", "gone")
}

func TestConnDisconnectSendsNoWill(t *testing.T) {
	e, _ := standalone(t, Options{})
	watcher := dialRaw(t, e)
	watcher.connect(packets.ConnectParams{ClientIdentifier: "watcher", Clean: true, Keepalive: 60})
	watcher.subscribe("wills/#")

	polite := dialRaw(t, e)
	polite.connect(packets.ConnectParams{ClientIdentifier: "polite", Clean: true, Keepalive: 60,
		WillFlag: true, WillTopic: "wills/polite", WillPayload: []byte("gone")})
	polite.send(packets.Packet{FixedHeader: packets.FixedHeader{Type: packets.Disconnect}})
	polite.expectClosed(5 * time.Second)

	rude := dialRaw(t, e)
	rude.connect(packets.ConnectParams{ClientIdentifier: "rude", Clean: true, Keepalive: 60,
		WillFlag: true, WillTopic: "wills/rude", WillPayload: []byte("gone")})
	rude.conn.Close()
	// the first will to arrive is the rude client's: the polite one sent none
	watcher.expectPublish("wills/rude", "gone")
}

func TestConnSessionTakeOver(t *testing.T) {
	e, _ := standalone(t, Options{})
	first := dialRaw(t, e)
	if first.connect(packets.ConnectParams{ClientIdentifier: "dev", Keepalive: 60}) {
		t.Fatal("a new session reported present")
	}
	first.subscribe("cmd/dev")

	second := dialRaw(t, e)
	if !second.connect(packets.ConnectParams{ClientIdentifier: "dev", Keepalive: 60}) {
		t.Error("a resumed session not reported present")
	}
	first.expectClosed(5 * time.Second)

	sender := dialRaw(t, e)
	sender.connect(packets.ConnectParams{ClientIdentifier: "sender", Clean: true, Keepalive: 60})
	sender.publish("cmd/dev", "on")
	second.expectPublish("cmd/dev", "on") // the subscription came with the session

	// a clean take-over starts afresh: the subscription is gone
	third := dialRaw(t, e)
	if third.connect(packets.ConnectParams{ClientIdentifier: "dev", Clean: true, Keepalive: 60}) {
		t.Error("a clean session reported present")
	}
	second.expectClosed(5 * time.Second)
	sender.publish("cmd/dev", "off")
	third.subscribe("cmd/dev/ack")
	sender.publish("cmd/dev/ack", "ok")
	third.expectPublish("cmd/dev/ack", "ok") // "off" never came: it would have been first
}

func TestConnRefusesWhatIsNotMQTT(t *testing.T) {
	e, _ := standalone(t, Options{})
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"a PUBLISH before CONNECT", []byte{0x30, 0x05, 0x00, 0x01, 'a', 'h', 'i'}},
		{"a remaining length of five bytes", []byte{0x10, 0xff, 0xff, 0xff, 0xff, 0x7f}},
		{"a packet over the size limit", []byte{0x10, 0xff, 0xff, 0xff, 0x7f}}, // 256 MB
		{"a CONNECT that breaks off", []byte{0x10, 0x0c, 0x00, 0x04, 'M', 'Q'}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := dialRaw(t, e)
			c.sendBytes(tc.data)
			if tc.name == "a CONNECT that breaks off" {
				c.conn.(*net.TCPConn).CloseWrite()
			}
			c.expectClosed(5 * time.Second)
		})
	}
	// and the broker still serves
	ok := dialRaw(t, e)
	ok.connect(packets.ConnectParams{ClientIdentifier: "after", Clean: true, Keepalive: 60})
}

func TestConnCloseDropsEveryDevice(t *testing.T) {
	e, err := Start(Options{Listen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	var clients []*rawClient
	for range 5 {
		c := dialRaw(t, e)
		c.connect(packets.ConnectParams{Clean: true, Keepalive: 60})
		clients = append(clients, c)
	}
	e.Close()
	for _, c := range clients {
		c.expectClosed(5 * time.Second)
	}
}

func TestConnPlatformDeviceSubscriptions(t *testing.T) {
	e, _ := standalone(t, Options{})
	onenetDevice := func(dev string, clean bool) (*rawClient, bool) {
		cr := onenetCreds(t, "pid1", dev)
		c := dialRaw(t, e)
		present := c.connect(packets.ConnectParams{ClientIdentifier: cr.ClientID, Clean: clean, Keepalive: 60,
			UsernameFlag: true, Username: []byte(cr.Username), PasswordFlag: true, Password: []byte(cr.Password)})
		return c, present
	}
	dev1, _ := onenetDevice("dev1", false)
	if code := dev1.subscribeQoS("$sys/pid1/dev1/cmd/request/+", 1); code != 1 {
		t.Fatalf("own command topic: SUBACK %#x, want QoS 1 granted", code)
	}
	dev2, _ := onenetDevice("dev2", true)
	if code := dev2.subscribeQoS("$sys/pid1/dev1/cmd/request/+", 0); code != 0x80 {
		t.Fatalf("another device's topic: SUBACK %#x, want 0x80", code)
	}
	if code := dev2.subscribeQoS("$sys/pid1/dev2/cmd/#", 0); code != 0 {
		t.Fatalf("own topics: SUBACK %#x", code)
	}

	if err := e.Publish("$sys/pid1/dev1/cmd/request/7", []byte("on"), 1); err != nil {
		t.Fatal(err)
	}
	dev1.puback(dev1.expectPublishQoS1("$sys/pid1/dev1/cmd/request/7", "on"))

	// offline, its session kept: the message waits for it
	dev1.conn.Close()
	time.Sleep(100 * time.Millisecond)
	if err := e.Publish("$sys/pid1/dev1/cmd/request/8", []byte("off"), 1); err != nil {
		t.Fatal(err)
	}
	dev1, present := onenetDevice("dev1", false)
	if !present {
		t.Error("the resumed session not reported present")
	}
	dev1.puback(dev1.expectPublishQoS1("$sys/pid1/dev1/cmd/request/8", "off"))
	// and its subscription came back with it
	e.Publish("$sys/pid1/dev1/cmd/request/9", []byte("again"), 1)
	dev1.expectPublishQoS1("$sys/pid1/dev1/cmd/request/9", "again")

	// dev2 saw none of dev1's commands, and gets its own
	e.Publish("$sys/pid1/dev2/cmd/request/1", []byte("mine"), 0)
	dev2.expectPublish("$sys/pid1/dev2/cmd/request/1", "mine")
}

func TestTopicMatches(t *testing.T) {
	for _, tc := range []struct {
		filter, topic string
		want          bool
	}{
		{"a/b", "a/b", true},
		{"a/b", "a/c", false},
		{"a/+", "a/b", true},
		{"a/+", "a/b/c", false},
		{"a/+", "a", false},
		{"a/#", "a", true},
		{"a/#", "a/b/c", true},
		{"#", "a/b", true},
		{"#", "$sys/x", false},
		{"+/x", "$sys/x", false},
		{"$sys/+/x", "$sys/p/x", true},
		{"a/+/c", "a//c", true},
		{"a/b", "a/b/c", false},
		{"a/b/c", "a/b", false},
		{"$iothub/twin/res/#", "$iothub/twin/res/200/?$rid=1", true},
	} {
		if got := topicMatches(tc.filter, tc.topic); got != tc.want {
			t.Errorf("topicMatches(%q, %q) = %v, want %v", tc.filter, tc.topic, got, tc.want)
		}
		var d devSubs
		d.add(nil, session{}, packets.Subscription{Filter: tc.filter})
		if got := len(d.match(tc.topic)) == 1; got != tc.want {
			t.Errorf("devSubs: filter %q matches %q: %v, want %v", tc.filter, tc.topic, got, tc.want)
		}
		d.remove(nil, tc.filter)
		if len(d.byPrefix) != 0 {
			t.Errorf("remove(%q) left %v", tc.filter, d.byPrefix)
		}
	}
}
