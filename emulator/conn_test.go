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
	return h >> 4, body
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
	c.send(packets.Packet{FixedHeader: packets.FixedHeader{Type: packets.Subscribe}, PacketID: 1,
		Filters: packets.Subscriptions{{Filter: filter}}})
	if typ, body := c.next(5 * time.Second); typ != packets.Suback || len(body) != 3 || body[2] != 0 {
		c.t.Fatalf("SUBACK: type %d body %v", typ, body)
	}
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
