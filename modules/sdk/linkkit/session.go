package linkkit

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"math/rand/v2"
	"net"
	"net/url"
	"strconv"
	"sync"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"
	"github.com/eclipse/paho.mqtt.golang/packets"
	"go.starlark.net/starlark"
)

// session is connect_async's loop thread: it signs in, connects, waits
// for the link to end and reconnects with LinkKit's backoff, until
// disconnect(), destroy() or a dynamic registration ends it.
type session struct {
	lk     *LinkKit
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}
	force  chan struct{}
	reg    chan []byte // the /ext/register or /ext/regnwl payload

	mu     sync.Mutex
	client paho.Client
	mode   string // "" device secret, "triple", "register", "regnwl"
}

func (lk *LinkKit) startSession() *session {
	ctx, cancel := context.WithCancel(context.Background())
	s := &session{lk: lk, ctx: ctx, cancel: cancel, done: make(chan struct{}),
		force: make(chan struct{}, 1), reg: make(chan []byte, 1)}
	go s.run()
	return s
}

// stop ends the loop and waits for it; graceful sends DISCONNECT and
// reports on_disconnect(0) as disconnect() does.
func (s *session) stop(graceful bool) {
	s.mu.Lock()
	c := s.client
	s.mu.Unlock()
	s.cancel()
	<-s.done
	if c != nil && c.IsConnectionOpen() {
		c.Disconnect(250)
	}
	if graceful {
		s.lk.disconnected(0)
	}
}

func (s *session) run() {
	defer close(s.done)
	lk := s.lk
	if lk.needsHTTPSRegister() && !s.httpsRegister() {
		return
	}
	var wait backoff
	for s.ctx.Err() == nil {
		client, mode, err := s.dial()
		if err != nil {
			if s.ctx.Err() != nil {
				return
			}
			if !refused(err) {
				lk.logf("connect failed: %v", err)
				lk.mu.Lock()
				lk.setState("DISCONNECTED")
				lk.mu.Unlock()
				lk.handler.post("on_connect", starlark.MakeInt(0), starlark.MakeInt(9), lk.userData)
			} else {
				lk.logf("connect refused: %v", err)
				if mode == modeRegister || mode == modeRegNWL {
					s.registerFailed(mode)
					return
				}
			}
			if !s.sleep(wait.next(lk.cfg.reconnectMin, lk.cfg.reconnectMax)) {
				return
			}
			continue
		}
		wait.reset()
		if !s.connected(client, mode) {
			return
		}
		if !s.sleep(wait.next(lk.cfg.reconnectMin, lk.cfg.reconnectMax)) {
			return
		}
	}
}

// connected runs one session until it ends; false ends the loop.
func (s *session) connected(client paho.Client, mode string) bool {
	lk := s.lk
	tc := client.(*trackedClient)
	s.mu.Lock()
	s.client, s.mode = client, mode
	s.mu.Unlock()
	lk.onConnected(tc.present)
	select {
	case <-s.ctx.Done():
		return false
	case payload := <-s.reg:
		client.Disconnect(250)
		s.registered(mode, payload)
		return false
	case <-s.force:
		client.Disconnect(0)
	case <-tc.lost:
	}
	lk.lostLink()
	if mode == modeRegister || mode == modeRegNWL {
		s.registerFailed(mode)
		return false
	}
	return true
}

// sleep waits d, or returns false when the loop is told to end.
func (s *session) sleep(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-s.ctx.Done():
		return false
	}
}

// backoff is 1.2.13's reconnect wait: min first, then doubling up to max,
// each time plus a random 1..that many seconds; a good CONNACK resets it.
type backoff struct{ secs int }

func (b *backoff) next(min, max int) time.Duration {
	if b.secs == 0 {
		b.secs = min
		return time.Duration(min) * time.Second
	}
	b.secs = b.secs * 2
	if b.secs > max {
		b.secs = max
	}
	return time.Duration(b.secs+1+rand.IntN(b.secs)) * time.Second
}

func (b *backoff) reset() { b.secs = 0 }

// refused reports whether err is a CONNACK refusal rather than a failure
// to reach the server.
func refused(err error) bool {
	for _, e := range packets.ConnErrors {
		if e != nil && errors.Is(err, e) && !errors.Is(err, packets.ErrorNetworkError) && e != packets.ErrorProtocolViolation {
			return true
		}
	}
	return false
}

// dial builds this attempt's credentials and connects.
func (s *session) dial() (paho.Client, string, error) {
	lk := s.lk
	lk.mu.Lock()
	creds, err := lk.credentials()
	cfg, host := lk.cfg, lk.host()
	lk.mu.Unlock()
	if err != nil {
		return nil, "", err
	}
	// the registration answer can follow CONNACK at once: route it by mode
	s.mu.Lock()
	s.mode = creds.mode
	s.mu.Unlock()
	tlsCfg, err := lk.tlsConfig(host, cfg)
	if err != nil {
		return nil, creds.mode, err
	}
	addr := net.JoinHostPort(host, strconv.Itoa(cfg.port))
	opts := paho.NewClientOptions().
		AddBroker("tcp://" + addr).
		SetClientID(creds.clientID).SetUsername(creds.username).SetPassword(creds.password).
		SetKeepAlive(time.Duration(cfg.keepAlive) * time.Second).
		SetCleanSession(cfg.cleanSession).
		SetAutoReconnect(false).SetConnectRetry(false).SetOrderMatters(true).
		SetConnectTimeout(cfg.requestTimeout).
		SetDefaultPublishHandler(func(_ paho.Client, m paho.Message) { s.inbound(m.Topic(), m.Payload(), m.Qos()) })
	if cfg.protocol == "MQTTv31" {
		opts.SetProtocolVersion(3)
	} else {
		opts.SetProtocolVersion(4)
	}
	opts.SetCustomOpenConnectionFn(func(*url.URL, paho.ClientOptions) (net.Conn, error) {
		return s.open(addr, tlsCfg)
	})
	client := &trackedClient{lost: make(chan struct{})}
	opts.SetConnectionLostHandler(func(paho.Client, error) { client.once.Do(func() { close(client.lost) }) })
	client.Client = paho.NewClient(opts)
	tok := client.Connect()
	select {
	case <-tok.Done():
	case <-s.ctx.Done():
		return nil, creds.mode, s.ctx.Err()
	}
	if err := tok.Error(); err != nil {
		return nil, creds.mode, err
	}
	if ct, ok := tok.(*paho.ConnectToken); ok {
		client.present = ct.SessionPresent()
	}
	return client, creds.mode, nil
}

// open dials addr through the runtime (so the emulator can route it) and
// adds TLS when secure is "TLS".
func (s *session) open(addr string, cfg *tls.Config) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(s.ctx, s.lk.cfg.requestTimeout)
	defer cancel()
	conn, err := s.lk.env.Dial(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	if cfg == nil {
		return conn, nil
	}
	tc := tls.Client(conn, cfg)
	if err := tc.HandshakeContext(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	return tc, nil
}

// tlsConfig verifies the server against cadata, or the runtime's roots;
// check_hostname=False keeps the chain check and skips the name.
func (lk *LinkKit) tlsConfig(host string, cfg config) (*tls.Config, error) {
	if cfg.secure != "TLS" {
		return nil, nil
	}
	roots := lk.env.RootCAs
	if cfg.cadata != "" {
		roots = x509.NewCertPool()
		if !roots.AppendCertsFromPEM([]byte(cfg.cadata)) {
			return nil, errors.New("cadata holds no PEM certificate")
		}
	}
	c := &tls.Config{ServerName: host, RootCAs: roots, MinVersion: tls.VersionTLS12}
	if !cfg.checkHostname {
		c.InsecureSkipVerify = true
		c.VerifyConnection = func(cs tls.ConnectionState) error {
			opts := x509.VerifyOptions{Roots: roots, Intermediates: x509.NewCertPool()}
			for _, ic := range cs.PeerCertificates[1:] {
				opts.Intermediates.AddCert(ic)
			}
			_, err := cs.PeerCertificates[0].Verify(opts)
			return err
		}
	}
	return c, nil
}

// trackedClient is a paho client with what its CONNACK said and a
// channel closed when its connection drops.
type trackedClient struct {
	paho.Client
	present bool
	lost    chan struct{}
	once    sync.Once
}
