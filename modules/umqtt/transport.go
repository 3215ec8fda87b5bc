package umqtt

import (
	"context"
	"crypto/tls"
	"net"
	"time"
)

// transport is the MQTT link under MQTTClient. The client keeps the
// QuecPython semantics (return values, queues, reconnect events); the
// transport only moves packets. pahoTransport is the one implementation;
// the interface is here so measurements can swap it.
type transport interface {
	// Connect makes the first connection; it fails with *connectError.
	Connect(ctx context.Context) error
	// Publish sends one message; the pending completes when the packet is
	// written (QoS 0) or acknowledged (QoS 1, 2).
	Publish(topic string, payload []byte, qos byte, retain bool) pending
	Subscribe(topic string, qos byte) pending
	Unsubscribe(topic string) pending
	Link() linkState
	// Unacked counts outbound messages the transport holds until the
	// broker acknowledges them (resent after a reconnect).
	Unacked() int
	// Disconnect sends DISCONNECT and closes; Drop closes the socket
	// without it (the broker then publishes the last will).
	Disconnect()
	Drop()
}

// pending is an operation in flight (paho's Token fits).
type pending interface {
	Done() <-chan struct{}
	Error() error
}

// linkEvents receives what happens on the link, from transport goroutines.
// Implementations must not block.
type linkEvents interface {
	message(topic string, payload []byte)
	lost(err error)
	reconnecting()
	connected(reconnect bool)
}

type linkState int

const (
	linkDown linkState = iota
	linkUp
	linkReconnecting
)

// will is the last will sent in CONNECT.
type will struct {
	topic   string
	payload []byte
	qos     byte
	retain  bool
}

// transportConfig is everything needed to open a link.
type transportConfig struct {
	addr         string // host:port
	host         string
	clientID     string
	user         string
	hasUser      bool
	password     string
	hasPassword  bool
	keepalive    time.Duration
	cleanSession bool
	version      int // 3 (MQTT 3.1) or 4 (3.1.1)
	will         *will
	tls          *tls.Config // nil: plain TCP
	reconnect    bool
	timeout      time.Duration // dial + TLS + CONNACK
	backoff      backoff       // waits between reconnect attempts
	dial         func(ctx context.Context, network, addr string) (net.Conn, error)
}

// done is a pending that has already finished.
type done struct{ err error }

var closedChan = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

func (d done) Done() <-chan struct{} { return closedChan }
func (d done) Error() error          { return d.err }
