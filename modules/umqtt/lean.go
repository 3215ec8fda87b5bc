package umqtt

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mochi-mqtt/server/v2/packets"
)

// leanTransport speaks MQTT 3.1/3.1.1 itself, with mochi-mqtt's packet
// codec. A publish is encoded and written on the caller's goroutine (no
// hop to a writer goroutine); one reader goroutine per connection decodes
// what the broker sends and hands messages straight to the client's inbox.
// QoS 1/2 messages from the broker are acknowledged only when the script
// has taken them (ack), so nothing acknowledged can be dropped.
type leanTransport struct {
	cfg transportConfig
	ev  linkEvents

	ctx    context.Context // cancelled by Disconnect/Drop
	cancel context.CancelFunc

	w leanWriter

	mu      sync.Mutex
	conn    net.Conn // nil while down
	state   linkState
	closed  bool   // Disconnect or Drop was called
	session uint64 // bumped per connection
	// kept is whether the broker holds our session across connections:
	// only then are acknowledgements for an earlier connection sent.
	kept    bool
	nextID  uint16
	ops     map[uint16]*leanOp // awaiting an acknowledgement, by packet id
	order   []*leanOp          // outbound publishes awaiting one, in publish order
	resent  int                // of order, resent after the last reconnect and not yet acked
	inHeld  map[uint16]uint64  // inbound QoS 1/2 ids the script has not taken yet: their session
	inQoS2  map[uint16]bool    // inbound QoS 2 ids PUBREC'd, PUBREL awaited
	stopped chan struct{}      // closed when the current connection ends

	lastRead atomic.Int64 // leanClock time, for keepalive
	waiting  atomic.Bool  // the reader is waiting for room in the inbox
}

// heldEvents receives QoS 1/2 messages that are acknowledged only once
// the script has them; held waits for room (the broker keeps the rest)
// and reports false if stop closed first.
type heldEvents interface {
	held(topic string, payload []byte, ack func(), stop <-chan struct{}) bool
}

// leanOp is a publish, subscribe or unsubscribe awaiting its
// acknowledgement; it is the pending the client waits on.
type leanOp struct {
	kind    byte // packets.Publish, Subscribe or Unsubscribe
	id      uint16
	topic   string
	payload []byte
	qos     byte
	retain  bool
	rec     bool // QoS 2: PUBREC came, PUBREL sent
	again   bool // resent after a reconnect
	code    byte // SUBACK return code
	done    chan struct{}
	err     error
	over    bool // done is closed
}

func (o *leanOp) Done() <-chan struct{} { return o.done }
func (o *leanOp) Error() error          { return o.err }

// Result gives the SUBACK code per topic, as paho's token does.
func (o *leanOp) Result() map[string]byte { return map[string]byte{o.topic: o.code} }

// finish completes the op once (t.mu held).
func (o *leanOp) finish(err error) {
	if !o.over {
		o.over, o.err = true, err
		close(o.done)
	}
}

// pingTimeout bounds the wait for PINGRESP (a variable for tests).
var pingTimeout = 10 * time.Second

// errLinkLost is how in-flight operations end when the link drops; it
// wraps net.ErrClosed so the client sees a link error.
var errLinkLost = fmt.Errorf("connection lost: %w", net.ErrClosed)

func newLeanTransport(cfg transportConfig, ev linkEvents) *leanTransport {
	t := &leanTransport{cfg: cfg, ev: ev, ops: map[uint16]*leanOp{}, inHeld: map[uint16]uint64{}, inQoS2: map[uint16]bool{}}
	t.ctx, t.cancel = context.WithCancel(context.Background())
	t.w.cond.L = &t.w.mu
	t.w.failed = t.fail
	return t
}

var leanEpoch = time.Now()

// leanClock is monotonic nanoseconds, cheap enough for every packet.
func leanClock() int64 { return int64(time.Since(leanEpoch)) }

func (t *leanTransport) Connect(ctx context.Context) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	defer context.AfterFunc(t.ctx, stop)() // Drop during connect aborts it
	c, r, present, err := t.open(ctx)
	if err != nil {
		return err
	}
	if !t.up(c, r, present) {
		return &connectError{kind: errOther, addr: t.cfg.addr, err: errNotConnected}
	}
	t.ev.connected(false)
	return nil
}

// open dials, runs TLS, sends CONNECT and reads CONNACK, all within the
// connect timeout; it fails with *connectError.
func (t *leanTransport) open(ctx context.Context) (net.Conn, *bufio.Reader, bool, error) {
	cfg := t.cfg
	ctx, cancel := context.WithTimeout(ctx, cfg.timeout)
	defer cancel()
	c, err := cfg.dial(ctx, "tcp", cfg.addr)
	if err == nil && cfg.tls != nil {
		tc := tls.Client(c, cfg.tls)
		if err = tc.HandshakeContext(ctx); err != nil {
			c.Close()
			err = &tlsError{err}
		} else {
			c = tc
		}
	}
	if err != nil {
		if ctx.Err() == context.DeadlineExceeded && !isTimeout(err) {
			err = fmt.Errorf("%w: %v", context.DeadlineExceeded, err)
		}
		return nil, nil, false, classify(cfg, err, 0, nil)
	}
	// A cancelled or expired ctx interrupts the CONNECT/CONNACK exchange.
	dl, _ := ctx.Deadline()
	c.SetDeadline(dl)
	unhook := context.AfterFunc(ctx, func() { c.SetDeadline(time.Unix(1, 0)) })
	r := bufio.NewReaderSize(c, 16<<10)
	rc, present, err := t.handshake(c, r)
	unhook()
	if err == nil && rc == 0 {
		c.SetDeadline(time.Time{})
		return c, r, present, nil
	}
	c.Close()
	if err == nil {
		err = fmt.Errorf("CONNACK return code %d", rc)
	}
	return nil, nil, false, classify(cfg, nil, rc, err)
}

// handshake sends CONNECT and returns the CONNACK's return code and
// session-present flag.
func (t *leanTransport) handshake(c net.Conn, r *bufio.Reader) (rc byte, present bool, err error) {
	cfg := t.cfg
	pk := packets.Packet{FixedHeader: packets.FixedHeader{Type: packets.Connect}, ProtocolVersion: byte(cfg.version)}
	pk.Connect.ProtocolName = []byte("MQTT")
	if cfg.version == 3 {
		pk.Connect.ProtocolName = []byte("MQIsdp")
	}
	pk.Connect.Clean = cfg.cleanSession
	pk.Connect.Keepalive = uint16(cfg.keepalive / time.Second)
	pk.Connect.ClientIdentifier = cfg.clientID
	if w := cfg.will; w != nil {
		pk.Connect.WillFlag, pk.Connect.WillTopic, pk.Connect.WillPayload = true, w.topic, w.payload
		pk.Connect.WillQos, pk.Connect.WillRetain = w.qos, w.retain
	}
	pk.Connect.UsernameFlag, pk.Connect.Username = cfg.hasUser, []byte(cfg.user)
	pk.Connect.PasswordFlag, pk.Connect.Password = cfg.hasPassword, []byte(cfg.password)
	var buf bytes.Buffer
	if err := pk.ConnectEncode(&buf); err != nil {
		return 0, false, err
	}
	if _, err := c.Write(buf.Bytes()); err != nil {
		return 0, false, err
	}
	ack, err := readPacket(r, pk.ProtocolVersion)
	if err != nil {
		return 0, false, err
	}
	if ack.FixedHeader.Type != packets.Connack {
		return 0, false, fmt.Errorf("expected CONNACK, got %s", packets.PacketNames[ack.FixedHeader.Type])
	}
	return ack.ReasonCode, ack.SessionPresent, nil
}

// readPacket reads and decodes one packet. The body is a fresh slice, so
// the payload and topic may be kept.
func readPacket(r *bufio.Reader, version byte) (packets.Packet, error) {
	pk := packets.Packet{ProtocolVersion: version}
	hb, err := r.ReadByte()
	if err != nil {
		return pk, err
	}
	if err := pk.FixedHeader.Decode(hb); err != nil {
		return pk, err
	}
	n, _, err := packets.DecodeLength(r)
	if err != nil {
		return pk, err
	}
	pk.FixedHeader.Remaining = n
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return pk, err
	}
	switch pk.FixedHeader.Type {
	case packets.Connack:
		err = pk.ConnackDecode(body)
	case packets.Publish:
		err = pk.PublishDecode(body)
	case packets.Puback:
		err = pk.PubackDecode(body)
	case packets.Pubrec:
		err = pk.PubrecDecode(body)
	case packets.Pubrel:
		err = pk.PubrelDecode(body)
	case packets.Pubcomp:
		err = pk.PubcompDecode(body)
	case packets.Suback:
		err = pk.SubackDecode(body)
	case packets.Unsuback:
		err = pk.UnsubackDecode(body)
	case packets.Pingresp:
	default:
		err = fmt.Errorf("unexpected %s packet from the broker", packets.PacketNames[pk.FixedHeader.Type])
	}
	return pk, err
}

// up makes c the live connection: it starts the reader and keepalive and
// resends what the broker has not acknowledged. It reports false if the
// transport was closed meanwhile.
func (t *leanTransport) up(c net.Conn, r *bufio.Reader, present bool) bool {
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		c.Close()
		return false
	}
	t.session++
	t.kept = present && !t.cfg.cleanSession
	if !t.kept { // the broker forgot what it sent before
		clear(t.inQoS2)
		clear(t.inHeld)
	}
	t.conn = c
	t.stopped = make(chan struct{})
	t.lastRead.Store(leanClock())
	t.w.attach(c)
	// Resend in publish order, before anything new is written: the
	// client queues QoS 1 publishes while Link says reconnecting.
	resend := make([]*packets.Packet, len(t.order))
	for i, o := range t.order {
		o.again = true
		if o.rec { // the broker has the message; only PUBREL is missing
			resend[i] = ackPacket(packets.Pubrel, o.id)
		} else {
			resend[i] = o.packet(true)
		}
	}
	t.resent = len(resend)
	t.state = linkUp
	sess, stopped := t.session, t.stopped
	t.mu.Unlock()
	if len(resend) > 0 {
		t.w.send(c, resend...)
	}
	go t.read(c, r, sess, stopped)
	if t.cfg.keepalive > 0 {
		go t.keepalive(c, stopped)
	}
	return true
}

// packet is the PUBLISH for o; dup marks a resend.
func (o *leanOp) packet(dup bool) *packets.Packet {
	return &packets.Packet{
		FixedHeader: packets.FixedHeader{Type: packets.Publish, Qos: o.qos, Retain: o.retain, Dup: dup && o.qos > 0},
		TopicName:   o.topic, Payload: o.payload, PacketID: o.id,
	}
}

// ackPacket is a PUBACK, PUBREC, PUBREL or PUBCOMP for id.
func ackPacket(kind byte, id uint16) *packets.Packet {
	pk := &packets.Packet{FixedHeader: packets.FixedHeader{Type: kind}, PacketID: id}
	if kind == packets.Pubrel {
		pk.FixedHeader.Qos = 1 // [MQTT-3.6.1-1]
	}
	return pk
}

// read decodes packets until the connection fails.
func (t *leanTransport) read(c net.Conn, r *bufio.Reader, sess uint64, stopped chan struct{}) {
	version := byte(t.cfg.version)
	for {
		pk, err := readPacket(r, version)
		if err != nil {
			t.fail(c, err)
			return
		}
		t.lastRead.Store(leanClock())
		t.handle(c, &pk, sess, stopped)
	}
}

// handle acts on one packet from the broker.
func (t *leanTransport) handle(c net.Conn, pk *packets.Packet, sess uint64, stopped chan struct{}) {
	id := pk.PacketID
	switch pk.FixedHeader.Type {
	case packets.Publish:
		t.received(c, pk, sess, stopped)
	case packets.Puback, packets.Pubcomp:
		t.mu.Lock()
		if o := t.ops[id]; o != nil && o.kind == packets.Publish {
			t.settle(o, nil)
		}
		t.mu.Unlock()
	case packets.Pubrec:
		t.mu.Lock()
		if o := t.ops[id]; o != nil && o.kind == packets.Publish {
			o.rec = true
		}
		t.mu.Unlock()
		t.w.send(c, ackPacket(packets.Pubrel, id)) // also for an unknown id [MQTT-4.3.3]
	case packets.Pubrel:
		t.mu.Lock()
		delete(t.inQoS2, id)
		t.mu.Unlock()
		t.w.send(c, ackPacket(packets.Pubcomp, id))
	case packets.Suback, packets.Unsuback:
		t.mu.Lock()
		if o := t.ops[id]; o != nil && o.kind == pk.FixedHeader.Type-1 {
			if len(pk.ReasonCodes) > 0 {
				o.code = pk.ReasonCodes[0]
			}
			delete(t.ops, id)
			o.finish(nil)
		}
		t.mu.Unlock()
	}
}

// received hands a PUBLISH to the client. QoS 0 goes straight to the
// inbox. QoS 1/2 is acknowledged when the script takes it; a duplicate
// of one still waiting is not delivered twice.
func (t *leanTransport) received(c net.Conn, pk *packets.Packet, sess uint64, stopped chan struct{}) {
	id, qos := pk.PacketID, pk.FixedHeader.Qos
	h, canHold := t.ev.(heldEvents)
	if qos == 0 || !canHold {
		t.ev.message(pk.TopicName, pk.Payload)
		if qos > 0 { // an events sink that cannot hold: acknowledge now
			t.ack(id, qos, sess)
		}
		return
	}
	t.mu.Lock()
	_, waiting := t.inHeld[id]
	rec := t.inQoS2[id]
	if !waiting && !rec {
		t.inHeld[id] = sess
	}
	t.mu.Unlock()
	switch {
	case rec: // the broker missed our PUBREC: already delivered
		t.w.send(c, ackPacket(packets.Pubrec, id))
		return
	case waiting: // a resend of one the script has not taken yet
		return
	}
	t.waiting.Store(true)
	ok := h.held(pk.TopicName, pk.Payload, func() { t.ack(id, qos, sess) }, stopped)
	t.waiting.Store(false)
	if !ok {
		t.mu.Lock()
		delete(t.inHeld, id)
		t.mu.Unlock()
	}
}

// ack sends PUBACK (QoS 1) or PUBREC (QoS 2) for a message the script
// has taken. If it came on an earlier connection and the broker did not
// keep the session, the broker no longer expects it.
func (t *leanTransport) ack(id uint16, qos byte, sess uint64) {
	t.mu.Lock()
	if s, ok := t.inHeld[id]; ok && s == sess {
		delete(t.inHeld, id)
	}
	c := t.conn
	send := c != nil && (sess == t.session || t.kept)
	if send && qos == 2 {
		t.inQoS2[id] = true
	}
	t.mu.Unlock()
	if !send {
		return
	}
	kind := byte(packets.Puback)
	if qos == 2 {
		kind = packets.Pubrec
	}
	t.w.send(c, ackPacket(kind, id))
}

// settle completes an acknowledged publish (t.mu held).
func (t *leanTransport) settle(o *leanOp, err error) {
	delete(t.ops, o.id)
	for i, p := range t.order {
		if p == o {
			t.order = append(t.order[:i], t.order[i+1:]...)
			break
		}
	}
	if o.again {
		o.again = false
		t.resent--
	}
	o.finish(err)
}

// keepalive sends PINGREQ when nothing was written for a keepalive
// period, and drops the link when the broker then stays silent for
// pingTimeout (unless the reader is only waiting for inbox room).
func (t *leanTransport) keepalive(c net.Conn, stopped chan struct{}) {
	ka := t.cfg.keepalive
	wait := min(pingTimeout, ka)
	timer := time.NewTimer(ka)
	defer timer.Stop()
	var pinged int64 // when the unanswered PINGREQ went out, or 0
	for {
		select {
		case <-stopped:
			return
		case <-timer.C:
		}
		now := leanClock()
		if pinged != 0 {
			if t.lastRead.Load() >= pinged || t.waiting.Load() {
				pinged = 0
			} else if now-pinged >= int64(wait) {
				t.fail(c, fmt.Errorf("no PINGRESP within %v: the link is dead", wait))
				return
			}
		}
		next := ka - time.Duration(now-t.w.lastWrite.Load())
		if pinged == 0 && next <= 0 {
			t.w.send(c, &packets.Packet{FixedHeader: packets.FixedHeader{Type: packets.Pingreq}})
			pinged, next = now, wait
		} else if pinged != 0 {
			next = wait - time.Duration(now-pinged)
		}
		timer.Reset(max(next, time.Millisecond))
	}
}

// fail handles the loss of c: in-flight operations end with a link
// error (unacknowledged publishes stay, to be resent), and with reconnect
// on a reconnect loop starts.
func (t *leanTransport) fail(c net.Conn, err error) {
	t.mu.Lock()
	if t.conn != c || t.closed {
		t.mu.Unlock()
		c.Close()
		return // already handled, or closed on purpose
	}
	t.down(!t.cfg.reconnect)
	reconnect := t.cfg.reconnect
	if reconnect {
		t.state = linkReconnecting
	}
	t.mu.Unlock()
	c.Close() // after down: the reader's own failure is then ignored
	t.ev.lost(err)
	if reconnect {
		go t.reconnect()
	}
}

// down detaches the live connection (t.mu held). forget also gives up
// the unacknowledged publishes.
func (t *leanTransport) down(forget bool) {
	t.conn = nil
	t.state = linkDown
	t.w.attach(nil)
	if t.stopped != nil {
		close(t.stopped)
		t.stopped = nil
	}
	for id, o := range t.ops {
		if o.kind != packets.Publish || forget {
			delete(t.ops, id)
		}
		o.finish(errLinkLost)
	}
	if forget {
		t.order, t.resent = nil, 0
	}
}

// reconnect dials until it succeeds or the transport is closed.
func (t *leanTransport) reconnect() {
	for attempt := 0; ; attempt++ {
		if !t.retryWait(attempt) {
			return
		}
		t.ev.reconnecting()
		c, r, present, err := t.open(t.ctx)
		if err != nil {
			continue
		}
		if t.up(c, r, present) {
			t.ev.connected(true)
		}
		return
	}
}

// retryWait waits before reconnect attempt n (0 is the first after the
// loss) as backoff.go says; false if the transport was closed meanwhile.
func (t *leanTransport) retryWait(n int) bool {
	return t.cfg.backoff.wait(t.ctx, n)
}

// nextPacketID picks a free outbound packet id (t.mu held).
func (t *leanTransport) nextPacketID() (uint16, bool) {
	for range 1 << 16 {
		t.nextID++
		if t.nextID == 0 {
			t.nextID = 1
		}
		if t.ops[t.nextID] == nil {
			return t.nextID, true
		}
	}
	return 0, false
}

var errIDsExhausted = errors.New("all 65535 packet ids are in flight")

func (t *leanTransport) Publish(topic string, payload []byte, qos byte, retain bool) pending {
	t.mu.Lock()
	c := t.conn
	if c == nil {
		t.mu.Unlock()
		return done{errNotConnected}
	}
	if qos == 0 {
		t.mu.Unlock()
		pk := packets.Packet{FixedHeader: packets.FixedHeader{Type: packets.Publish, Retain: retain}, TopicName: topic, Payload: payload}
		return done{t.w.send(c, &pk)}
	}
	id, ok := t.nextPacketID()
	if !ok {
		t.mu.Unlock()
		return done{errIDsExhausted}
	}
	o := &leanOp{kind: packets.Publish, id: id, topic: topic, payload: payload, qos: qos, retain: retain, done: make(chan struct{})}
	t.ops[id] = o
	t.order = append(t.order, o)
	t.mu.Unlock()
	// Written outside t.mu: the reader must be free to take the PUBACK.
	// A failed write leaves o in order, resent after the reconnect.
	t.w.send(c, o.packet(false))
	return o
}

func (t *leanTransport) Subscribe(topic string, qos byte) pending {
	return t.request(packets.Subscribe, topic, qos)
}

func (t *leanTransport) Unsubscribe(topic string) pending {
	return t.request(packets.Unsubscribe, topic, 0)
}

func (t *leanTransport) request(kind byte, topic string, qos byte) pending {
	t.mu.Lock()
	c := t.conn
	if c == nil {
		t.mu.Unlock()
		return done{errNotConnected}
	}
	id, ok := t.nextPacketID()
	if !ok {
		t.mu.Unlock()
		return done{errIDsExhausted}
	}
	o := &leanOp{kind: kind, id: id, topic: topic, done: make(chan struct{})}
	t.ops[id] = o
	t.mu.Unlock()
	pk := packets.Packet{FixedHeader: packets.FixedHeader{Type: kind, Qos: 1}, PacketID: id,
		Filters: packets.Subscriptions{{Filter: topic, Qos: qos}}}
	if err := t.w.send(c, &pk); err != nil {
		t.mu.Lock()
		delete(t.ops, id)
		o.finish(err)
		t.mu.Unlock()
	}
	return o
}

func (t *leanTransport) Link() linkState {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.state == linkUp && t.resent > 0 {
		return linkReconnecting // connected, resending
	}
	return t.state
}

func (t *leanTransport) Unacked() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.order)
}

func (t *leanTransport) Disconnect() { t.close(true) }
func (t *leanTransport) Drop()       { t.close(false) }

func (t *leanTransport) close(polite bool) {
	t.cancel()
	t.mu.Lock()
	t.closed = true
	c := t.conn
	t.mu.Unlock()
	if c != nil && polite {
		t.w.send(c, &packets.Packet{FixedHeader: packets.FixedHeader{Type: packets.Disconnect}})
	}
	t.mu.Lock()
	t.down(true)
	t.mu.Unlock()
	if c != nil {
		c.Close()
	}
}

// leanWriter writes packets to the live connection. The goroutine that
// finds it idle writes at once; packets sent meanwhile by others (acks,
// pings, other threads' publishes) collect in the buffer and go out
// with its next write, so a burst costs one syscall per batch.
type leanWriter struct {
	mu        sync.Mutex
	cond      sync.Cond // signalled when a write finishes
	conn      net.Conn  // where the buffer goes; nil while down
	buf       bytes.Buffer
	spare     bytes.Buffer
	writing   bool
	lastWrite atomic.Int64          // leanClock time, for keepalive
	failed    func(net.Conn, error) // a write failed: the link is gone
}

// maxBuffered bounds what waits behind a write in progress.
const maxBuffered = 256 << 10

func (w *leanWriter) attach(c net.Conn) {
	w.mu.Lock()
	w.conn = c
	w.buf.Reset()
	w.cond.Broadcast()
	w.mu.Unlock()
}

// send encodes pks for c and writes them (or leaves them to the write in
// progress). An error means c is gone or a packet could not be encoded.
func (w *leanWriter) send(c net.Conn, pks ...*packets.Packet) error {
	w.mu.Lock()
	for w.writing && w.buf.Len() > maxBuffered && w.conn == c {
		w.cond.Wait()
	}
	if w.conn != c || c == nil {
		w.mu.Unlock()
		return errNotConnected
	}
	for _, pk := range pks {
		if err := encode(pk, &w.buf); err != nil {
			w.mu.Unlock()
			return err
		}
	}
	if w.writing {
		w.mu.Unlock()
		return nil
	}
	w.writing = true
	var err error
	for w.buf.Len() > 0 && w.conn == c {
		w.buf, w.spare = w.spare, w.buf
		w.mu.Unlock()
		c.SetWriteDeadline(time.Now().Add(writeTimeout))
		_, err = c.Write(w.spare.Bytes())
		w.lastWrite.Store(leanClock())
		w.mu.Lock()
		w.spare.Reset()
		if err != nil {
			break
		}
	}
	w.writing = false
	w.cond.Broadcast()
	w.mu.Unlock()
	if err != nil {
		w.failed(c, err)
	}
	return err
}

func encode(pk *packets.Packet, buf *bytes.Buffer) error {
	switch pk.FixedHeader.Type {
	case packets.Publish:
		return pk.PublishEncode(buf)
	case packets.Puback:
		return pk.PubackEncode(buf)
	case packets.Pubrec:
		return pk.PubrecEncode(buf)
	case packets.Pubrel:
		return pk.PubrelEncode(buf)
	case packets.Pubcomp:
		return pk.PubcompEncode(buf)
	case packets.Subscribe:
		return pk.SubscribeEncode(buf)
	case packets.Unsubscribe:
		return pk.UnsubscribeEncode(buf)
	case packets.Pingreq:
		return pk.PingreqEncode(buf)
	case packets.Disconnect:
		return pk.DisconnectEncode(buf)
	}
	return fmt.Errorf("cannot send a %s packet", packets.PacketNames[pk.FixedHeader.Type])
}
