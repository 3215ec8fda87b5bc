// Package hub is the Azure IoT Hub wire both Python SDK shapes share: a
// device or module over MQTT (twin, desired patches, direct methods,
// cloud-to-device messages, telemetry) and the service REST API
// (identity registry, twins). Every connection goes through the
// runtime's Env.Dial, so `--emulate` answers it with the local cloud.
package hub

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"

	auth "github.com/qstar-dev/qstar/modules/auth/azure"
	"github.com/qstar-dev/qstar/runtime"
)

// DeviceOptions are what differs between the SDK generations on the wire.
type DeviceOptions struct {
	APIVersion   string        // the user name's api-version
	ClientType   string        // DeviceClientType, unencoded ("python/1.4.6")
	KeepAlive    time.Duration // 240 s legacy, 60 s current
	TokenTTL     time.Duration // SAS lifetime, 3600 s by default
	CleanSession bool
}

// Device is one device or module identity's MQTT link to the hub.
type Device struct {
	env  *runtime.Env
	cs   auth.ConnectionString
	opts DeviceOptions

	connMu   sync.Mutex // one Connect at a time
	mu       sync.Mutex
	client   paho.Client
	subs     map[string]bool
	rid      int
	waiting  map[string]chan Response
	handlers map[string]func(topic string, payload []byte)
	onLost   func(error)
}

// Response is a twin or method response: the status from its topic.
type Response struct {
	Status  int
	Version int64
	Body    []byte
}

// NewDevice checks the connection string; nothing connects yet.
func NewDevice(env *runtime.Env, connStr string, opts DeviceOptions) (*Device, error) {
	cs, err := auth.ParseConnectionString(connStr)
	if err != nil {
		return nil, err
	}
	if cs.DeviceID == "" {
		return nil, errors.New("a device or module connection string needs DeviceId")
	}
	if cs.X509 {
		return nil, errors.New("x509 authentication is not supported by qstar's Azure client")
	}
	if opts.TokenTTL == 0 {
		opts.TokenTTL = time.Hour
	}
	return &Device{env: env, cs: cs, opts: opts, subs: map[string]bool{},
		waiting: map[string]chan Response{}, handlers: map[string]func(string, []byte){}}, nil
}

// ID is the device id and module id ("" for a device).
func (d *Device) ID() (device, module string) { return d.cs.DeviceID, d.cs.ModuleID }

// OnLost sets what runs when an established connection drops.
func (d *Device) OnLost(f func(error)) {
	d.mu.Lock()
	d.onLost = f
	d.mu.Unlock()
}

// Connected reports whether the link is up.
func (d *Device) Connected() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.client != nil && d.client.IsConnectionOpen()
}

// Connect opens the link (if it is not up) and restores subscriptions.
func (d *Device) Connect(ctx context.Context) error {
	d.connMu.Lock()
	defer d.connMu.Unlock()
	d.mu.Lock()
	if d.client != nil && d.client.IsConnectionOpen() {
		d.mu.Unlock()
		return nil
	}
	d.mu.Unlock()
	c, err := auth.DeviceConnect(d.cs, time.Now().Add(d.opts.TokenTTL).Unix(), d.opts.APIVersion)
	if err != nil {
		return err
	}
	if d.opts.ClientType != "" {
		c.Username += "&DeviceClientType=" + auth.Quote(d.opts.ClientType)
	}
	addr := net.JoinHostPort(c.Host, strconv.Itoa(c.Port))
	opts := paho.NewClientOptions().AddBroker("tcp://" + addr).
		SetClientID(c.ClientID).SetUsername(c.Username).SetPassword(c.Password).
		SetKeepAlive(d.opts.KeepAlive).SetCleanSession(d.opts.CleanSession).
		SetAutoReconnect(false).SetConnectRetry(false).SetOrderMatters(false).
		SetConnectTimeout(30 * time.Second).
		SetDefaultPublishHandler(func(_ paho.Client, m paho.Message) { d.inbound(m.Topic(), m.Payload()) }).
		SetConnectionLostHandler(func(_ paho.Client, err error) {
			d.mu.Lock()
			f := d.onLost
			d.mu.Unlock()
			if f != nil {
				f(err)
			}
		})
	opts.SetCustomOpenConnectionFn(func(*url.URL, paho.ClientOptions) (net.Conn, error) {
		return d.open(ctx, addr, c.Host)
	})
	client := paho.NewClient(opts)
	tok := client.Connect()
	select {
	case <-tok.Done():
	case <-ctx.Done():
		return ctx.Err()
	}
	if err := tok.Error(); err != nil {
		return err
	}
	d.mu.Lock()
	d.client = client
	subs := make([]string, 0, len(d.subs))
	for f := range d.subs {
		subs = append(subs, f)
	}
	d.mu.Unlock()
	for _, f := range subs {
		if err := d.subscribe(ctx, client, f); err != nil {
			return err
		}
	}
	return nil
}

func (d *Device) open(ctx context.Context, addr, host string) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	conn, err := d.env.Dial(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	tc := tls.Client(conn, &tls.Config{ServerName: host, RootCAs: d.env.RootCAs, MinVersion: tls.VersionTLS12})
	if err := tc.HandshakeContext(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	return tc, nil
}

// Disconnect closes the link; subscriptions are kept for the next Connect.
func (d *Device) Disconnect() {
	d.mu.Lock()
	c := d.client
	d.client = nil
	d.mu.Unlock()
	if c != nil && c.IsConnectionOpen() {
		c.Disconnect(250)
	}
}

// live returns the connected client, connecting first.
func (d *Device) live(ctx context.Context) (paho.Client, error) {
	if err := d.Connect(ctx); err != nil {
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.client == nil {
		return nil, errors.New("not connected")
	}
	return d.client, nil
}

// Handle subscribes filter (a topic prefix ending in "#") and routes
// messages under it to f, on paho's goroutine.
func (d *Device) Handle(ctx context.Context, filter string, f func(topic string, payload []byte)) error {
	d.mu.Lock()
	d.handlers[strings.TrimSuffix(filter, "#")] = f
	d.mu.Unlock()
	return d.Subscribe(ctx, filter)
}

// Subscribe adds filter to the link's subscriptions (kept across reconnects).
func (d *Device) Subscribe(ctx context.Context, filter string) error {
	d.mu.Lock()
	done := d.subs[filter] && d.client != nil
	d.subs[filter] = true
	d.mu.Unlock()
	if done {
		return nil
	}
	c, err := d.live(ctx)
	if err != nil {
		return err
	}
	return d.subscribe(ctx, c, filter)
}

func (d *Device) subscribe(ctx context.Context, c paho.Client, filter string) error {
	tok := c.Subscribe(filter, 1, nil)
	if err := wait(ctx, tok, 10*time.Second); err != nil {
		return fmt.Errorf("subscribe %s: %w", filter, err)
	}
	if st, ok := tok.(*paho.SubscribeToken); ok && st.Result()[filter] == 0x80 {
		return fmt.Errorf("subscribe %s: refused by the hub", filter)
	}
	return nil
}

// Unsubscribe drops a filter and its handler.
func (d *Device) Unsubscribe(filter string) {
	d.mu.Lock()
	delete(d.subs, filter)
	delete(d.handlers, strings.TrimSuffix(filter, "#"))
	c := d.client
	d.mu.Unlock()
	if c != nil && c.IsConnectionOpen() {
		c.Unsubscribe(filter)
	}
}

// Publish sends a message at qos.
func (d *Device) Publish(ctx context.Context, topic string, qos byte, payload []byte) error {
	c, err := d.live(ctx)
	if err != nil {
		return err
	}
	return wait(ctx, c.Publish(topic, qos, false, payload), 30*time.Second)
}

func wait(ctx context.Context, tok paho.Token, timeout time.Duration) error {
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-tok.Done():
		return tok.Error()
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return errors.New("timed out")
	}
}

// inbound routes a message: twin and method responses to their waiters,
// the rest to the handler of the longest matching prefix.
func (d *Device) inbound(topic string, payload []byte) {
	if t, ok := auth.ParseTopic(topic); ok && t.Kind == "twin_response" {
		d.mu.Lock()
		ch := d.waiting[t.RID]
		delete(d.waiting, t.RID)
		d.mu.Unlock()
		if ch != nil {
			ch <- Response{Status: t.Status, Version: t.Version, Body: payload}
		}
		return
	}
	d.mu.Lock()
	var best string
	var f func(string, []byte)
	for prefix, h := range d.handlers {
		if strings.HasPrefix(topic, prefix) && len(prefix) >= len(best) {
			best, f = prefix, h
		}
	}
	d.mu.Unlock()
	if f != nil {
		f(topic, payload)
	}
}
