package emulator

import (
	"bufio"
	"io"
	"net"
	"sync/atomic"
	"time"

	mqtt "github.com/mochi-mqtt/server/v2"
	"github.com/mochi-mqtt/server/v2/packets"
)

// The emulator's own MQTT connection layer, in place of mochi's
// attachClient. mochi runs a reader and a writer goroutine per client and
// handles each packet on the reader's stack, about 32 KB deep, so every
// device holds 16-32 KB of stack: 200-350 MiB at 10,000 devices before any
// heap. Here a device's goroutine only frames packets (its stack stays
// small, parked in Read); mochi's decoding and processing and the
// platforms' work run on a few shared workers, one packet at a time per
// device, so a device's packets keep their order. mochi still owns the
// session state, the topic tree and the delivery queue.

const (
	maxPacket      = 1 << 20          // larger than any platform accepts (Aliyun and Azure: 256 KB)
	connectTimeout = 10 * time.Second // for the CONNECT to arrive
	writeTimeout   = 30 * time.Second // a device that reads nothing for this long is dropped
	frameBuffer    = 256              // per device: its packets are small
	workerCount    = 64
)

// mqttConn is one device's connection.
type mqttConn struct {
	e        *Emulator
	listener string
	raw      net.Conn
	in       *bufio.Reader
	feed     feedConn     // mochi's client reads the current packet from it and writes to raw
	cl       *mqtt.Client // set once the CONNECT is read

	established bool        // CONNACK sent: the session is mochi's
	platform    bool        // a platform's device: its subscriptions are the emulator's (devsubs.go)
	s           session     // the platform's view of the device
	takenOver   atomic.Bool // a new connection with the same client id took the session
	frame       []byte      // the packet a worker is to handle; nil: end the connection
	err         error       // what handling it, or ending the connection, came to
	done        chan struct{}
}

// feedConn is the connection as mochi's client sees it: reads return only
// the packet the device's goroutine framed (mochi never blocks on the
// network); writes go to the device, bounded by writeTimeout.
type feedConn struct {
	net.Conn
	pending []byte
}

func (f *feedConn) Read(p []byte) (int, error) {
	if len(f.pending) == 0 {
		return 0, io.EOF
	}
	n := copy(p, f.pending)
	f.pending = f.pending[n:]
	return n, nil
}

func (f *feedConn) Write(p []byte) (int, error) {
	f.Conn.SetWriteDeadline(time.Now().Add(writeTimeout))
	return f.Conn.Write(p)
}

// serveMQTT gives each MQTT connection of a listener its goroutine.
func (e *Emulator) serveMQTT(listener string, l net.Listener) {
	for {
		raw, err := l.Accept()
		if err != nil {
			return
		}
		go e.serveConn(listener, raw)
	}
}

// serveConn frames the device's packets and hands each to a worker.
func (e *Emulator) serveConn(listener string, raw net.Conn) {
	c := &mqttConn{e: e, listener: listener, raw: raw, in: bufio.NewReaderSize(raw, frameBuffer),
		feed: feedConn{Conn: raw}, done: make(chan struct{}, 1)}
	if !e.track(c) {
		raw.Close()
		return
	}
	defer e.untrack(c)
	var err error
	for {
		raw.SetReadDeadline(c.readDeadline())
		if c.frame, err = readFrame(c.in); err != nil {
			break
		}
		if e.dispatch(c); c.err != nil {
			err = c.err
			break
		}
		if c.cl.Closed() { // DISCONNECT: no will
			break
		}
	}
	c.frame, c.err = nil, err
	e.dispatch(c)
}

// readDeadline is when the next packet must have arrived: the CONNECT
// soon, then within one and a half keep-alives (MQTT 3.1.1 section 3.1.2.10).
func (c *mqttConn) readDeadline() time.Time {
	if !c.established {
		return time.Now().Add(connectTimeout)
	}
	if ka := c.cl.State.Keepalive; ka > 0 {
		return time.Now().Add(time.Duration(ka) * 1500 * time.Millisecond)
	}
	return time.Time{}
}

// readFrame reads one whole packet: fixed header, remaining length, body.
func readFrame(r *bufio.Reader) ([]byte, error) {
	var head [5]byte
	b, err := r.ReadByte()
	if err != nil {
		return nil, err
	}
	head[0] = b
	n, length, shift := 1, 0, 0
	for {
		if n == len(head) {
			return nil, packets.ErrMalformedVariableByteInteger
		}
		if b, err = r.ReadByte(); err != nil {
			return nil, err
		}
		head[n] = b
		n++
		length |= int(b&0x7f) << shift
		shift += 7
		if b&0x80 == 0 {
			break
		}
	}
	if length > maxPacket {
		return nil, packets.ErrPacketTooLarge
	}
	frame := make([]byte, n+length)
	copy(frame, head[:n])
	if _, err := io.ReadFull(r, frame[n:]); err != nil {
		return nil, err
	}
	return frame, nil
}

// dispatch runs c's step on a worker and waits for it. There are enough
// workers that a few blocked writing to slow devices (writeTimeout at
// most) leave the rest of the fleet served.
func (e *Emulator) dispatch(c *mqttConn) {
	select {
	case e.work <- c:
	case <-e.stop: // closed: the workers are gone
		go c.step()
	}
	<-c.done
}

func (e *Emulator) worker() {
	for {
		select {
		case c := <-e.work:
			c.step()
		case <-e.stop:
			return
		}
	}
}

func (c *mqttConn) step() {
	if c.frame == nil {
		c.end(c.err)
	} else {
		c.err = c.handle()
	}
	c.done <- struct{}{}
}

// handle decodes and processes one packet as mochi's own read loop would.
func (c *mqttConn) handle() error {
	c.feed.pending = c.frame
	if c.cl == nil {
		return c.attach()
	}
	cl, srv := c.cl, c.e.srv
	var fh packets.FixedHeader
	if err := cl.ReadFixedHeader(&fh); err != nil {
		return err
	}
	pk, err := cl.ReadPacket(&fh)
	if err != nil {
		return err
	}
	if c.platform {
		switch pk.FixedHeader.Type {
		case packets.Subscribe:
			return c.subscribe(pk)
		case packets.Unsubscribe:
			return c.unsubscribe(pk)
		}
	}
	err = srv.InjectPacket(cl, pk)
	// InjectPacket counts what ReadPacket already counted
	atomic.AddInt64(&srv.Info.PacketsReceived, -1)
	if pk.FixedHeader.Type == packets.Publish {
		atomic.AddInt64(&srv.Info.MessagesReceived, -1)
	}
	if code, ok := err.(packets.Code); ok && cl.Properties.ProtocolVersion == 5 && code.Code >= packets.ErrUnspecifiedError.Code {
		srv.DisconnectClient(cl, code)
	}
	return err
}

// attach reads the CONNECT, lets the platform judge it, and sets up the
// session (taking over one with the same client id), as mochi's
// attachClient does.
func (c *mqttConn) attach() error {
	e, srv := c.e, c.e.srv
	cl := srv.NewClient(&c.feed, c.listener, "", false)
	var fh packets.FixedHeader
	if err := cl.ReadFixedHeader(&fh); err != nil {
		return err
	}
	if fh.Type != packets.Connect {
		return packets.ErrProtocolViolationRequireFirstConnect // [MQTT-3.1.0-1]
	}
	pk, err := cl.ReadPacket(&fh)
	if err != nil {
		return err
	}
	cl.ParseConnect(c.listener, pk)
	c.cl = cl
	caps := srv.Options.Capabilities
	if atomic.LoadInt64(&srv.Info.ClientsConnected) >= caps.MaximumClients {
		code := packets.ErrServerBusy
		if cl.Properties.ProtocolVersion < 5 {
			code = packets.ErrServerUnavailable
		}
		srv.SendConnack(cl, code, false, nil)
		return code
	}
	if code := validateConnect(caps, cl, pk); code != packets.CodeSuccess {
		srv.SendConnack(cl, code, false, nil)
		return code
	}
	if err := e.hook.OnConnect(cl, pk); err != nil {
		return err // OnConnect has answered
	}
	atomic.AddInt64(&srv.Info.ClientsConnected, 1)
	c.established = true
	if s, ok := e.session(cl); ok && s.platform != plain {
		c.platform, c.s = true, s
	}
	e.mu.Lock()
	e.conns[cl] = c
	e.mu.Unlock()
	present := c.inherit(pk)
	srv.Clients.Add(cl) // [MQTT-4.1.0-1]
	if !c.platform {
		go cl.WriteLoop() // mochi queues messages from its topic tree for it
	}
	if err := srv.SendConnack(cl, packets.CodeSuccess, present, nil); err != nil {
		return err
	}
	if present {
		if err := cl.ResendInflightMessages(true); err != nil {
			return err
		}
	}
	e.hook.OnSessionEstablished(cl, pk)
	return nil
}

// validateConnect is mochi's check of a CONNECT against the broker's limits.
func validateConnect(caps *mqtt.Capabilities, cl *mqtt.Client, pk packets.Packet) packets.Code {
	if code := pk.ConnectValidate(); code != packets.CodeSuccess { // [MQTT-3.1.4-1] [MQTT-3.1.4-2]
		return code
	}
	switch {
	case cl.Properties.ProtocolVersion < 5 && !pk.Connect.Clean && pk.Connect.ClientIdentifier == "":
		return packets.ErrUnspecifiedError
	case cl.Properties.ProtocolVersion < caps.MinimumProtocolVersion:
		return packets.ErrUnsupportedProtocolVersion // [MQTT-3.1.2-2]
	case cl.Properties.Will.Qos > caps.MaximumQos:
		return packets.ErrQosNotSupported // [MQTT-3.2.2-12]
	case cl.Properties.Will.Retain && caps.RetainAvailable == 0:
		return packets.ErrRetainNotSupported // [MQTT-3.2.2-13]
	}
	return packets.CodeSuccess
}

// inherit takes over the session of a client with the same id: its
// connection is closed and, unless either side asked for a clean session,
// its subscriptions and messages in flight pass to c's client. It reports
// whether a session was present.
func (c *mqttConn) inherit(pk packets.Packet) bool {
	e, srv, cl := c.e, c.e.srv, c.cl
	e.sessions.Lock()
	defer e.sessions.Unlock()
	existing, ok := srv.Clients.Get(cl.ID)
	if !ok {
		if atomic.LoadInt64(&srv.Info.ClientsConnected) > atomic.LoadInt64(&srv.Info.ClientsMaximum) {
			atomic.AddInt64(&srv.Info.ClientsMaximum, 1)
		}
		return false
	}
	e.mu.Lock()
	if old := e.conns[existing]; old != nil {
		old.takenOver.Store(true) // its end leaves the session alone
	}
	e.mu.Unlock()
	srv.DisconnectClient(existing, packets.ErrSessionTakenOver) // [MQTT-3.1.4-3]
	subs := existing.State.Subscriptions.GetAll()
	e.devSubs.remove(existing, keys(subs)...)
	if pk.Connect.Clean || (existing.Properties.Clean && existing.Properties.ProtocolVersion < 5) {
		srv.UnsubscribeClient(existing) // [MQTT-3.1.2-4] [MQTT-3.1.4-4]
		existing.ClearInflights()
		return false
	}
	if existing.State.Inflight.Len() > 0 { // [MQTT-3.1.2-5]
		cl.State.Inflight = existing.State.Inflight.Clone()
		if rm := srv.Options.Capabilities.ReceiveMaximum; rm != 0 {
			cl.State.Inflight.ResetReceiveQuota(int32(rm))
			cl.State.Inflight.ResetSendQuota(int32(cl.Properties.Props.ReceiveMaximum))
		}
	}
	// mochi's tree keys subscriptions by client id: a plain client's stay
	// there, a device's move to the emulator's list
	for filter, sub := range subs {
		existing.State.Subscriptions.Delete(filter)
		cl.State.Subscriptions.Add(filter, sub)
		switch {
		case c.platform:
			if srv.Topics.Unsubscribe(filter, cl.ID) {
				atomic.AddInt64(&srv.Info.Subscriptions, -1)
			}
			e.devSubs.add(cl, c.s, sub)
		case srv.Topics.Subscribe(cl.ID, sub): // [MQTT-3.8.4-3]
			atomic.AddInt64(&srv.Info.Subscriptions, 1)
		}
	}
	existing.ClearInflights()
	return true
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// end closes the connection: the will goes out unless the device said
// DISCONNECT, and a clean session is forgotten unless another connection
// has taken it over.
func (c *mqttConn) end(err error) {
	cl := c.cl
	if cl == nil {
		c.raw.Close()
		return
	}
	if !c.established {
		cl.Stop(err)
		return
	}
	e, srv := c.e, c.e.srv
	if err != nil {
		e.sendWill(cl)
	} else {
		cl.Properties.Will = mqtt.Will{} // [MQTT-3.14.4-3] [MQTT-3.1.2-10]
	}
	cl.Stop(err)
	expire := (cl.Properties.ProtocolVersion == 5 && cl.Properties.Props.SessionExpiryInterval == 0) ||
		(cl.Properties.ProtocolVersion < 5 && cl.Properties.Clean)
	e.hook.OnDisconnect(cl, err, expire)
	e.sessions.Lock()
	if expire && !c.takenOver.Load() {
		e.devSubs.remove(cl, keys(cl.State.Subscriptions.GetAll())...)
		cl.ClearInflights()
		srv.UnsubscribeClient(cl)
		srv.Clients.Delete(cl.ID) // [MQTT-4.1.0-2]
	}
	e.sessions.Unlock()
	e.mu.Lock()
	delete(e.conns, cl)
	e.mu.Unlock()
	atomic.AddInt64(&srv.Info.ClientsConnected, -1)
}

// sendWill publishes a client's will, after its delay unless the client
// is back by then (MQTT 5).
func (e *Emulator) sendWill(cl *mqtt.Client) {
	if !atomic.CompareAndSwapUint32(&cl.Properties.Will.Flag, 1, 0) { // [MQTT-3.1.2-10]
		return
	}
	w := cl.Properties.Will
	publish := func() { e.srv.Publish(w.TopicName, w.Payload, w.Retain, w.Qos) } // [MQTT-3.1.2-8]
	if w.WillDelayInterval == 0 {
		publish()
		return
	}
	time.AfterFunc(time.Duration(w.WillDelayInterval)*time.Second, func() {
		if cur, ok := e.srv.Clients.Get(cl.ID); ok && cur != cl && !cur.Closed() {
			return // [MQTT-3.1.3-9]
		}
		publish()
	})
}

// track records a live connection so Close can drop it; false once closed.
func (e *Emulator) track(c *mqttConn) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return false
	}
	e.live[c] = struct{}{}
	return true
}

func (e *Emulator) untrack(c *mqttConn) {
	e.mu.Lock()
	delete(e.live, c)
	e.mu.Unlock()
}

// dropAll closes every device connection and stops the workers.
func (e *Emulator) dropAll() {
	e.mu.Lock()
	e.closed = true
	conns := make([]net.Conn, 0, len(e.live))
	for c := range e.live {
		conns = append(conns, c.raw)
	}
	e.mu.Unlock()
	for _, c := range conns {
		c.Close()
	}
	e.stopOnce.Do(func() { close(e.stop) })
}
