package umqtt

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"
)

// pahoTransport runs the link on paho.mqtt.golang. Every connection,
// TLS included, is opened through cfg.dial (the runtime's Env.Dial), so
// the emulator can reroute cloud hosts.
type pahoTransport struct {
	cfg    transportConfig
	ev     linkEvents
	client paho.Client

	ctx    context.Context // cancelled by Disconnect/Drop: aborts dials
	cancel context.CancelFunc

	mu         sync.Mutex
	conn       net.Conn // the live connection, for Drop
	dialErr    error    // why the last dial or handshake failed
	badConnack byte     // a CONNACK return code outside 0-5 seen on the wire

	everUp  atomic.Bool
	retries atomic.Int32 // reconnect attempts since the link was last up
	store   *watchedStore
}

// watchedStore lets the transport see paho's resend after a reconnect:
// resume() snapshots the store (All) and resends those messages. Until
// they are acknowledged the link does not count as up, so a new publish
// cannot overtake them, nor be caught in the snapshot itself (paho would
// then send it twice and race on its DUP flag).
type watchedStore struct {
	paho.Store

	mu      sync.Mutex
	waiting bool            // a reconnect began; its snapshot not taken yet
	resent  map[string]bool // outbound keys of that snapshot, until acked
}

func (w *watchedStore) All() []string {
	keys := w.Store.All()
	w.mu.Lock()
	if w.waiting {
		w.waiting = false
		w.resent = map[string]bool{}
		for _, k := range keys {
			if strings.HasPrefix(k, outboundPrefix) {
				w.resent[k] = true
			}
		}
	}
	w.mu.Unlock()
	return keys
}

// reconnecting marks the start of a reconnect attempt.
func (w *watchedStore) reconnecting() {
	w.mu.Lock()
	w.waiting = true
	w.mu.Unlock()
}

// settled reports whether paho has resent and got acknowledgements for
// everything it held when the link came back.
func (w *watchedStore) settled() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.waiting {
		return false
	}
	for k := range w.resent {
		if w.Store.Get(k) == nil {
			delete(w.resent, k)
		}
	}
	return len(w.resent) == 0
}

// outboundPrefix is how paho's store keys outbound packets.
const outboundPrefix = "o."

func newPahoTransport(cfg transportConfig, ev linkEvents) *pahoTransport {
	t := &pahoTransport{cfg: cfg, ev: ev}
	t.ctx, t.cancel = context.WithCancel(context.Background())

	o := paho.NewClientOptions()
	o.AddBroker((&url.URL{Scheme: "tcp", Host: cfg.addr}).String())
	o.SetClientID(cfg.clientID)
	if cfg.hasUser {
		o.SetUsername(cfg.user)
	}
	if cfg.hasPassword {
		o.SetPassword(cfg.password)
	}
	o.SetProtocolVersion(uint(cfg.version))
	o.SetCleanSession(cfg.cleanSession)
	o.SetKeepAlive(cfg.keepalive)
	o.SetPingTimeout(10 * time.Second)
	o.SetConnectTimeout(cfg.timeout)
	o.SetWriteTimeout(10 * time.Second)
	o.SetAutoReconnect(cfg.reconnect)
	o.SetConnectRetry(false) // the first connect fails loudly, as in QuecPython
	// paho's own backoff (1 s, then doubling) cannot be switched off, only
	// shrunk to nothing; open() waits by cfg.backoff instead.
	o.SetMaxReconnectInterval(time.Nanosecond)
	o.SetResumeSubs(false) // the client resubscribes itself in connected()
	o.SetOrderMatters(true)
	// The ordered store resends in-flight QoS 1 messages in the order
	// they were published after a reconnect.
	t.store = &watchedStore{Store: paho.NewOrderedMemoryStore()}
	o.SetStore(t.store)
	if w := cfg.will; w != nil {
		o.SetBinaryWill(w.topic, w.payload, w.qos, w.retain)
	}
	// The handler only enqueues: it runs on paho's router goroutine,
	// and blocking there would stall acks and pings.
	o.SetDefaultPublishHandler(func(_ paho.Client, m paho.Message) {
		t.ev.message(m.Topic(), m.Payload())
	})
	o.SetOnConnectHandler(func(paho.Client) {
		t.retries.Store(0)
		t.ev.connected(t.everUp.Swap(true))
	})
	o.SetConnectionLostHandler(func(_ paho.Client, err error) { t.ev.lost(err) })
	o.SetReconnectingHandler(func(paho.Client, *paho.ClientOptions) {
		// runs on paho's reconnect goroutine before each attempt, so
		// before resume() takes its snapshot
		t.retries.Add(1)
		t.store.reconnecting()
		t.ev.reconnecting()
	})
	o.SetCustomOpenConnectionFn(t.open)
	t.client = paho.NewClient(o)
	return t
}

// open dials through cfg.dial and, for ssl, runs the TLS handshake here
// so that TLS also goes through the runtime's dialer. A reconnect attempt
// first waits as cfg.backoff says (nothing for the first).
func (t *pahoTransport) open(*url.URL, paho.ClientOptions) (net.Conn, error) {
	if n := int(t.retries.Load()); n > 0 && !t.cfg.backoff.wait(t.ctx, n-1) {
		return nil, t.ctx.Err()
	}
	ctx, cancel := context.WithTimeout(t.ctx, t.cfg.timeout)
	defer cancel()
	conn, err := t.cfg.dial(ctx, "tcp", t.cfg.addr)
	if err == nil && t.cfg.tls != nil {
		tc := tls.Client(conn, t.cfg.tls)
		if err = tc.HandshakeContext(ctx); err != nil {
			conn.Close()
			err = &tlsError{err}
		} else {
			conn = tc
		}
	}
	t.mu.Lock()
	t.dialErr = err
	t.badConnack = 0
	if err == nil {
		conn = &connackWatch{Conn: conn, refused: func(rc byte) {
			t.mu.Lock()
			t.badConnack = rc
			t.mu.Unlock()
		}}
		t.conn = conn
	}
	t.mu.Unlock()
	return conn, err
}

// connackWatch fails the read of a CONNACK whose return code is not one
// of MQTT 3.1.1's (0-5): paho would take such a refusal for success.
type connackWatch struct {
	net.Conn
	head    [4]byte // the CONNACK: 0x20, 0x02, flags, return code
	seen    int
	refused func(rc byte)
}

func (w *connackWatch) Read(p []byte) (int, error) {
	n, err := w.Conn.Read(p)
	if w.seen < len(w.head) {
		w.seen += copy(w.head[w.seen:], p[:n])
		if w.seen == len(w.head) && w.head[0] == 0x20 && w.head[3] > 5 {
			w.refused(w.head[3])
			return 0, fmt.Errorf("CONNACK return code %d", w.head[3])
		}
	}
	return n, err
}

type tlsError struct{ err error }

func (e *tlsError) Error() string { return e.err.Error() }
func (e *tlsError) Unwrap() error { return e.err }

func (t *pahoTransport) Connect(ctx context.Context) error {
	tok := t.client.Connect()
	// paho bounds the dial and the CONNACK wait by cfg.timeout; the extra
	// margin only guards against a token that never completes.
	timer := time.NewTimer(2*t.cfg.timeout + 5*time.Second)
	defer timer.Stop()
	select {
	case <-tok.Done():
	case <-ctx.Done():
		t.Drop()
		return ctx.Err()
	case <-timer.C:
		t.Drop()
		return &connectError{kind: errTimeout, addr: t.cfg.addr, timeout: t.cfg.timeout}
	}
	if err := tok.Error(); err != nil {
		t.mu.Lock()
		dialErr, rc := t.dialErr, t.badConnack
		t.mu.Unlock()
		if ct, _ := tok.(*paho.ConnectToken); ct != nil && rc == 0 {
			rc = ct.ReturnCode()
		}
		return classify(t.cfg, dialErr, rc, err)
	}
	return nil
}

func (t *pahoTransport) Publish(topic string, payload []byte, qos byte, retain bool) pending {
	return t.client.Publish(topic, qos, retain, payload)
}

func (t *pahoTransport) Subscribe(topic string, qos byte) pending {
	return t.client.Subscribe(topic, qos, nil)
}

func (t *pahoTransport) Unsubscribe(topic string) pending {
	return t.client.Unsubscribe(topic)
}

func (t *pahoTransport) Link() linkState {
	switch {
	case t.client.IsConnectionOpen():
		if t.store.settled() {
			return linkUp
		}
		return linkReconnecting // connected, paho still resending
	case t.client.IsConnected(): // auto-reconnect in progress
		return linkReconnecting
	}
	return linkDown
}

func (t *pahoTransport) Unacked() int {
	n := 0
	for _, k := range t.store.Store.All() { // not counted as a snapshot
		if strings.HasPrefix(k, outboundPrefix) {
			n++
		}
	}
	return n
}

func (t *pahoTransport) Disconnect() {
	t.cancel()
	t.client.Disconnect(250)
}

func (t *pahoTransport) Drop() {
	t.cancel()
	t.mu.Lock()
	c := t.conn
	t.mu.Unlock()
	if c != nil {
		c.Close()
	}
	// Disconnect stops paho's goroutines and any reconnect loop; with the
	// socket already closed no DISCONNECT reaches the broker.
	t.client.Disconnect(0)
}

var errNotConnected = errors.New("not connected")
