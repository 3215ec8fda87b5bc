// Package emulator is qstar's local cloud: an embedded MQTT broker
// (mochi-mqtt) that recognises the cloud a script dials, checks that
// cloud's credentials with the same algorithms, and answers its system
// topics, so vendor samples run offline.
//
// In process (`qstar run --emulate`), the script's Env.Dial is replaced
// by Emulator.Dial: every connection goes to the broker, and the platform
// is picked by the host the script dialled (*.heclouds.com is OneNET, ...;
// any other host gets a plain broker). TLS is terminated with the
// emulator's own CA, which the in-process route trusts (Env.RootCAs).
// Standalone (`qstar emulate`), one port serves MQTT and MQTT over TLS,
// and the platform is picked by the form of the credentials.
package emulator

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	mqtt "github.com/mochi-mqtt/server/v2"
	"github.com/mochi-mqtt/server/v2/packets"
)

// Options configure an emulator.
type Options struct {
	// Listen is a TCP address for external clients ("127.0.0.1:1883"),
	// serving MQTT and MQTT/TLS on one port; "" serves in-process only.
	Listen string
	// Logf receives one line per notable event (connects, refusals).
	// Secrets never appear in it.
	Logf func(format string, args ...any)
	// Now is the clock credentials are checked against (default time.Now).
	Now func() time.Time
	// Devices registers secrets per platform; a device with a secret gets
	// its signature checked, others only the form of their credentials.
	Devices Devices
	// Strict refuses an expired token even for a device with no secret
	// registered, as the platform would (by default that connects, with a
	// warning, so doc samples with old tokens run offline).
	Strict bool
	// APIToken is the secret the application-side HTTP API and the console
	// want ("" generates one at Start; see Emulator.APIToken).
	APIToken string
}

// Devices maps a platform name to its registered keys and their secrets:
//
//	"onenet": "{product_id}/{device_name}" (or "{product_id}" for the
//	          product key) -> base64 access key
//	"huawei": "{device_id}" -> device secret
type Devices map[string]map[string]string

// LoadDevices reads a Devices JSON file. Its secrets are never logged.
func LoadDevices(path string) (Devices, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var d Devices
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("devices file %s: %w", path, err)
	}
	for name := range d {
		if name != plain.Name && name != policiesKey && byName(name) == plain {
			return nil, fmt.Errorf("devices file %s: unknown platform %q", path, name)
		}
	}
	return d, nil
}

// Emulator is a running local cloud.
type Emulator struct {
	srv    *mqtt.Server
	ca     *authority
	opts   Options
	routes map[string]string // platform name -> loopback address of its listener
	https  string            // loopback address of the HTTPS API (port 443 routes here)
	ntp    string            // loopback UDP address of the time server (UDP port 123 routes here)
	addr   string            // the standalone listener's address

	hook     *hook
	work     chan *mqttConn // the connection layer's workers take packets here (conn.go)
	stop     chan struct{}
	stopOnce sync.Once
	sessions sync.Mutex // orders session take-over against a session's end
	devSubs  devSubs    // platform devices' subscriptions (devsubs.go)

	mu      sync.Mutex
	clients map[*mqtt.Client]session
	conns   map[*mqtt.Client]*mqttConn // established connections
	live    map[*mqttConn]struct{}     // every connection, for Close
	closed  bool
	state   State
	onClose []func()

	handler     http.Handler // Handler's mux, built once
	handlerOnce sync.Once
	outbox      outbox  // Huawei messages waiting for their device
	traffic     traffic // the console's last messages per device
}

type session struct {
	platform *Platform
	connect  Connect
}

const autoListener = "auto" // the standalone listener: platform by credential form

// Start runs an emulator.
func Start(opts Options) (*Emulator, error) {
	if opts.Logf == nil {
		opts.Logf = func(string, ...any) {}
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.APIToken == "" {
		opts.APIToken = randomHex(16)
	}
	ca, err := newAuthority()
	if err != nil {
		return nil, err
	}
	e := &Emulator{
		ca:      ca,
		opts:    opts,
		routes:  map[string]string{},
		clients: map[*mqtt.Client]session{},
		conns:   map[*mqtt.Client]*mqttConn{},
		live:    map[*mqttConn]struct{}{},
		work:    make(chan *mqttConn),
		stop:    make(chan struct{}),
		srv:     mqtt.New(brokerOptions()),
	}
	e.hook = &hook{e: e}
	if err := e.srv.AddHook(e.hook, nil); err != nil {
		return nil, err
	}
	for range workerCount {
		go e.worker()
	}
	for _, p := range append([]*Platform{plain}, platforms...) {
		addr, err := e.listen(p.Name, "127.0.0.1:0")
		if err != nil {
			e.Close()
			return nil, err
		}
		e.routes[p.Name] = addr
	}
	if e.https, err = e.serveHTTPS(); err != nil {
		e.Close()
		return nil, err
	}
	if e.ntp, err = e.serveSNTP(); err != nil {
		e.Close()
		return nil, err
	}
	if opts.Listen != "" {
		if e.addr, err = e.listen(autoListener, opts.Listen); err != nil {
			e.Close()
			return nil, err
		}
		e.ca.addLocal(opts.Listen) // as asked: "0.0.0.0:1883" stands for every interface
	}
	go e.srv.Serve()
	return e, nil
}

// brokerOptions size mochi for many small devices: by default each
// client gets a queue of 8192 pending writes and 2 KiB read and write
// buffers, about 70 KB a device before it sends a byte (1.2 GB at 10,000).
// A device has a few messages in flight, not thousands; a client whose
// queue is full has further messages dropped, as mochi does for any
// slow client.
func brokerOptions() *mqtt.Options {
	caps := mqtt.NewDefaultServerCapabilities()
	caps.MaximumClientWritesPending = 64
	return &mqtt.Options{
		InlineClient:             true,
		Logger:                   slog.New(slog.NewTextHandler(io.Discard, nil)),
		Capabilities:             caps,
		ClientNetReadBufferSize:  16, // mochi reads packets the connection layer has framed, from memory (conn.go)
		ClientNetWriteBufferSize: 512,
	}
}

func (e *Emulator) listen(id, addr string) (string, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("emulator: listen %s: %w", addr, err)
	}
	split := newSplitListener(l, e.ca.serverConfig(), e.opts.Logf)
	go e.serveMQTT(id, split)
	e.onClose = append(e.onClose, func() { split.Close() })
	// the same port answers the service APIs, for --emulate=HOST:PORT
	srv := &http.Server{Handler: e.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(split.http)
	e.onClose = append(e.onClose, func() { srv.Close() })
	return l.Addr().String(), nil
}

// Addr is the standalone listener's address ("" when in-process only).
func (e *Emulator) Addr() string { return e.addr }

// RootCAs is the pool a client must trust for the emulator's TLS.
func (e *Emulator) RootCAs() *x509.CertPool { return e.ca.Pool() }

// CAPEM is the emulator's CA certificate, for external clients.
func (e *Emulator) CAPEM() []byte { return e.ca.PEM() }

// Dial connects to the emulator's listener for the platform that owns
// addr's host (UDP to port 123: the time server); it has runtime.Env.Dial's signature.
func (e *Emulator) Dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	var d net.Dialer
	if strings.HasPrefix(network, "udp") {
		if port != "123" {
			return nil, fmt.Errorf("emulator: no UDP service at %s: the local cloud answers NTP (port 123) only", addr)
		}
		e.opts.Logf("emulator: %s -> local time server", addr)
		return d.DialContext(ctx, "udp", e.ntp)
	}
	p := byHost(host)
	route := e.routes[p.Name]
	if port == "443" && p != plain {
		route = e.https
	}
	c, err := d.DialContext(ctx, "tcp", route)
	if err != nil {
		return nil, err
	}
	e.opts.Logf("emulator: %s -> local %s cloud", addr, p.Name)
	return c, nil
}

// Publish sends a message to devices, as the cloud's application side would.
func (e *Emulator) Publish(topic string, payload []byte, qos byte) error {
	return e.srv.Publish(topic, payload, false, qos)
}

// Close stops the broker, drops every connection and stops the HTTP API.
func (e *Emulator) Close() error {
	for _, f := range e.onClose {
		f()
	}
	e.dropAll()
	return e.srv.Close()
}

// hook connects mochi's events to the platforms.
type hook struct {
	mqtt.HookBase
	e *Emulator
}

func (h *hook) ID() string { return "qstar-emulator" }

func (h *hook) Provides(b byte) bool {
	switch b {
	case mqtt.OnConnect, mqtt.OnConnectAuthenticate, mqtt.OnACLCheck, mqtt.OnPacketRead, mqtt.OnDisconnect,
		mqtt.OnSessionEstablished, mqtt.OnPacketSent, mqtt.OnPublish:
		return true
	}
	return false
}

// OnConnect picks the platform and checks the connection and the
// credentials; a refusal is answered here with the platform's CONNACK code.
func (h *hook) OnConnect(cl *mqtt.Client, pk packets.Packet) error {
	c := Connect{ClientID: pk.Connect.ClientIdentifier, User: string(pk.Connect.Username),
		Password: string(pk.Connect.Password), KeepAlive: pk.Connect.Keepalive, TLS: isTLS(cl.Net.Conn),
		State: &h.e.state}
	p := byName(cl.Net.Listener)
	if cl.Net.Listener == autoListener {
		p = byForm(c)
	}
	c.secrets, c.strict = h.e.secrets(p.Name), h.e.opts.Strict
	if err := h.e.admit(p, c, cl.Net.Listener == autoListener); err != nil {
		var r interface{ ReturnCode() byte }
		code := packets.ErrBadUsernameOrPassword
		if errors.As(err, &r) {
			code = connackCode(r.ReturnCode())
		}
		who := p.Name + " refused"
		if p == plain {
			who = "refused" // by no platform: none recognised the credentials
		}
		h.e.opts.Logf("%s", redact(fmt.Sprintf("emulator: %s client %q: %v", who, c.ClientID, err), c))
		h.e.srv.SendConnack(cl, code, false, nil)
		return code
	}
	h.e.mu.Lock()
	h.e.clients[cl] = session{platform: p, connect: c}
	h.e.mu.Unlock()
	h.e.opts.Logf("emulator: %s client %q connected", p.Name, c.ClientID)
	return nil
}

// admit checks a CONNECT for platform p. On the standalone listener,
// where p was picked by the form of the credentials, only a client with
// none gets the plain broker.
func (e *Emulator) admit(p *Platform, c Connect, byForm bool) error {
	if p == plain {
		if byForm && (c.User != "" || c.Password != "") {
			return unrecognised(c)
		}
		return nil
	}
	if p.Session != nil {
		if err := p.Session(c); err != nil {
			return err
		}
	}
	if p.Verify == nil {
		return nil
	}
	err := p.Verify(c, e.opts.Now(), c.secrets)
	var l *lenient
	if errors.As(err, &l) {
		e.opts.Logf("%s", redact(fmt.Sprintf("emulator: WARNING: %s accepted client %q, which the real platform would refuse: %v "+
			"(register the device's secret in the devices file, or run with --strict / QSTAR_EMULATOR_STRICT=1, to refuse it)", p.Name, c.ClientID, l.reason), c))
		return nil
	}
	return err
}

// OnSessionEstablished lets the platform speak first once CONNACK is
// out (Aliyun's /ext/register answer).
func (h *hook) OnSessionEstablished(cl *mqtt.Client, _ packets.Packet) {
	s, ok := h.e.session(cl)
	if ok {
		h.e.sessionUp(cl, s)
	}
	if ok && s.platform.Established != nil {
		s.platform.Established(s.connect, func(topic string, payload []byte) {
			h.e.deliver(cl, s.platform, topic, payload)
		})
	}
}

func (h *hook) OnConnectAuthenticate(*mqtt.Client, packets.Packet) bool { return true }

// OnACLCheck is asked about a SUBSCRIBE's filter and about each message's
// topic before it is delivered (write false), and about a PUBLISH (write
// true): publishes were already sorted in OnPacketRead, where one outside
// the device's space becomes a dropped copy.
func (h *hook) OnACLCheck(cl *mqtt.Client, topic string, write bool) bool {
	if write {
		return true
	}
	s, ok := h.e.session(cl)
	return ok && h.e.mayRead(s, topic)
}

// OnPublish drops the copies OnPacketRead made of handled or refused
// publishes: mochi acknowledges them and delivers them to no one.
func (h *hook) OnPublish(cl *mqtt.Client, pk packets.Packet) (packets.Packet, error) {
	if pk.TopicName == handledTopic {
		return pk, packets.CodeSuccessIgnore
	}
	h.e.publishToDevices(pk)
	return pk, nil
}

func (e *Emulator) session(cl *mqtt.Client) (session, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	s, ok := e.clients[cl]
	return s, ok
}

func (h *hook) OnDisconnect(cl *mqtt.Client, err error, expire bool) {
	h.e.mu.Lock()
	delete(h.e.clients, cl)
	h.e.mu.Unlock()
}

// OnPacketRead lets the platform answer a device's publish, and drops
// one outside the device's topic space. A plain broker refuses client
// publishes to topics starting "$SYS" in any case, which OneNET's
// "$sys/..." topics do; the emulator delivers those itself. A publish the
// emulator handled itself, or drops, is handed on to mochi as a harmless
// copy on handledTopic, which mochi acknowledges and OnPublish discards
// (rejecting the packet here would close the connection).
func (h *hook) OnPacketRead(cl *mqtt.Client, pk packets.Packet) (packets.Packet, error) {
	switch pk.FixedHeader.Type {
	case packets.Connect:
		// MQTT 3.1.1 allows an empty password, which mochi would refuse
		// with a code 3.1.1 does not have; OnConnect judges it.
		if pk.Connect.PasswordFlag && len(pk.Connect.Password) == 0 {
			pk.Connect.PasswordFlag = false
		}
		return pk, nil
	case packets.Publish:
	default:
		return pk, nil
	}
	s, ok := h.e.session(cl)
	if !ok {
		return pk, nil
	}
	handled := func() (packets.Packet, error) {
		pk.TopicName, pk.FixedHeader.Retain = handledTopic, false
		return pk, nil
	}
	if !h.e.mayWrite(s, pk.TopicName) {
		h.e.opts.Logf("emulator: %s client %q: publish outside its topic space dropped (topic %q)", s.platform.Name, s.connect.ClientID, pk.TopicName)
		return handled()
	}
	consumed := s.platform.Consumes != nil && s.platform.Consumes(pk.TopicName)
	h.e.traffic.up(s, pk.TopicName, pk.Payload)
	refused := !mqtt.IsValidFilter(pk.TopicName, true) && strings.HasPrefix(pk.TopicName, "$")
	if refused && !consumed {
		h.e.srv.Publish(pk.TopicName, pk.Payload, pk.FixedHeader.Retain, pk.FixedHeader.Qos)
	}
	if s.platform.OnPublish != nil {
		s.platform.OnPublish(s.connect, pk.TopicName, pk.Payload, func(topic string, payload []byte) {
			h.e.deliver(cl, s.platform, topic, payload)
		})
	}
	if refused || consumed {
		return handled()
	}
	return pk, nil
}

// OnPacketSent shows the application side what reached a device: its
// publishes go to the console's log, its SUBACKs release the messages
// held for it.
func (h *hook) OnPacketSent(cl *mqtt.Client, pk packets.Packet, _ []byte) {
	if pk.FixedHeader.Type != packets.Publish && pk.FixedHeader.Type != packets.Suback {
		return
	}
	if s, ok := h.e.session(cl); ok {
		h.e.sent(cl, s, pk)
	}
}

// handledTopic carries the copies of publishes the emulator handled or
// dropped; no client may subscribe to it (internalPrefix).
const handledTopic = internalPrefix + "handled"

// connackCode maps an MQTT 3.1.1 CONNACK return code to the mochi code
// that mochi writes as that return code to a 3.1.1 client.
func connackCode(c byte) packets.Code {
	switch c {
	case 1:
		return packets.ErrUnsupportedProtocolVersion
	case 2:
		return packets.ErrClientIdentifierNotValid
	case 3:
		return packets.ErrServerUnavailable
	case 4:
		return packets.ErrMalformedUsername
	}
	return packets.ErrBadUsernameOrPassword // 3.1.1: 5, not authorized
}
