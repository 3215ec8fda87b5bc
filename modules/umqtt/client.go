package umqtt

import (
	"context"
	"fmt"
	"net"
	"sync"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// Limits and timeouts. The 5 s PUBACK wait and 20 s connect timeout are
// QuecPython's; the rest bound memory and waits.
const (
	ackTimeout   = 5 * time.Second
	writeTimeout = 10 * time.Second
	inboxLimit   = 4096             // received, not yet delivered
	outboxLimit  = 10000            // QoS 1 published while the link is down
	drainTimeout = 10 * time.Second // disconnect() waits this long for queued QoS 1
)

// connectTimeout bounds dial, TLS handshake and CONNACK (a variable so a
// test of the timeout path need not wait 20 s).
var connectTimeout = 20 * time.Second

// get_mqttsta values.
const (
	staConnected  = 0
	staConnecting = 1
	staClosed     = 2 // the server closed the connection (reconn=False)
	staNone       = -1
)

// newTransport makes the link (transports.go); a variable so tests can
// pick one.
var newTransport = chosenTransport

// Client is an MQTTClient value.
type Client struct {
	env    *runtime.Env
	interp *runtime.Interp
	cfg    transportConfig // template; connect() fills cleanSession and will
	label  string          // for repr and logs: client_id@host:port

	in      *inbox
	methods map[string]*starlark.Builtin

	mu       sync.Mutex
	t        transport
	gen      uint64 // bumped by connect/close/disconnect; stale link events are ignored
	state    int
	lostErr  error
	subs     map[string]byte
	subOrder []string
	will     *will
	msgCB    starlark.Value
	errCB    starlark.Value
	outbox   []outMsg
	flushing bool
	sink     *sink // events of the current transport
	reported map[string]bool
	closed   bool
	noCBLog  bool
	unclose  func() // unregisters shutdown; set while connected

	events  []string
	running bool
	evWG    sync.WaitGroup
}

type outMsg struct {
	topic   string
	payload []byte
	qos     byte
	retain  bool
}

var ctorParams = params("MQTTClient")

func newClient(thread *starlark.Thread, env *runtime.Env, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const fn = "MQTTClient"
	var vID, vServer, vPort, vUser, vPass, vKeep, vSSL, vParams, vReconn, vVersion, vPing, vManage, vIPv starlark.Value
	if err := unpack(fn, args, kwargs, ctorParams, []*starlark.Value{&vID, &vServer, &vPort, &vUser, &vPass, &vKeep, &vSSL, &vParams, &vReconn, &vVersion, &vPing, &vManage, &vIPv}); err != nil {
		return nil, err
	}
	if err := checkTransportEnv(); err != nil {
		return nil, exc.ValueError("%s: %v", fn, err)
	}
	cfg := transportConfig{timeout: connectTimeout, backoff: defaultBackoff, version: 4, reconnect: true, dial: env.Dial}
	if cfg.dial == nil {
		cfg.dial = (&net.Dialer{}).DialContext
	}
	var err error
	if cfg.clientID, err = text(fn, "client_id", vID); err != nil {
		return nil, err
	}
	if cfg.host, err = text(fn, "server", vServer); err != nil {
		return nil, err
	}
	if cfg.host == "" {
		return nil, exc.ValueError("%s: argument 'server' is empty", fn)
	}
	p := 0
	if vPort != nil {
		if p, err = port(fn, vPort); err != nil {
			return nil, err
		}
	}
	if cfg.user, cfg.hasUser, err = optText(fn, "user", vUser); err != nil {
		return nil, err
	}
	if cfg.password, cfg.hasPassword, err = optText(fn, "password", vPass); err != nil {
		return nil, err
	}
	if vKeep != nil {
		k, err := integer(fn, "keepalive", vKeep)
		if err != nil {
			return nil, err
		}
		if k != 0 && (k < 5 || k > 65535) {
			return nil, exc.ValueError("%s: argument 'keepalive' must be 0 or 5..65535 seconds, got %d", fn, k)
		}
		cfg.keepalive = time.Duration(k) * time.Second
	}
	useSSL := false
	if vSSL != nil {
		if useSSL, err = flag(fn, "ssl", vSSL); err != nil {
			return nil, err
		}
	}
	var params *starlark.Dict
	if vParams != nil && vParams != starlark.None {
		d, ok := vParams.(*starlark.Dict)
		if !ok {
			return nil, exc.TypeError("%s: argument 'ssl_params' must be dict, not %s", fn, pyType(vParams))
		}
		params = d
	}
	if useSSL {
		if cfg.tls, err = tlsConfig(env, cfg.host, params); err != nil {
			return nil, err
		}
	} else if params != nil && params.Len() > 0 {
		env.Logf("umqtt: ssl_params given but ssl=False: ignored")
	}
	if vReconn != nil {
		if cfg.reconnect, err = flag(fn, "reconn", vReconn); err != nil {
			return nil, err
		}
	}
	if vVersion != nil {
		v, err := integer(fn, "version", vVersion)
		if err != nil {
			return nil, err
		}
		if v != 3 && v != 4 {
			return nil, exc.ValueError("%s: argument 'version' must be 3 (MQTT 3.1) or 4 (MQTT 3.1.1), got %d", fn, v)
		}
		cfg.version = v
	}
	if p == 0 {
		p = 1883
		if useSSL {
			p = 8883
		}
	}
	cfg.addr = net.JoinHostPort(cfg.host, fmt.Sprint(p))

	c := &Client{
		env:      env,
		interp:   runtime.FromThread(thread),
		cfg:      cfg,
		label:    cfg.clientID + "@" + cfg.addr,
		in:       newInbox(inboxLimit),
		state:    staNone,
		subs:     map[string]byte{},
		reported: map[string]bool{},
	}
	c.methods = map[string]*starlark.Builtin{}
	for name, m := range clientMethods {
		c.methods[name] = starlark.NewBuiltin(name, m).BindReceiver(c)
	}
	return c, nil
}

// Starlark value plumbing.

var _ starlark.HasAttrs = (*Client)(nil)

func (c *Client) String() string        { return fmt.Sprintf("<MQTTClient %s>", c.label) }
func (c *Client) PyRepr() string        { return c.String() }
func (c *Client) Type() string          { return "MQTTClient" }
func (c *Client) Freeze()               {} // state is guarded by c.mu, not frozen
func (c *Client) Truth() starlark.Bool  { return true }
func (c *Client) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable type: MQTTClient") }

func (c *Client) Attr(name string) (starlark.Value, error) {
	if m, ok := c.methods[name]; ok {
		return m, nil
	}
	return nil, nil
}

func (c *Client) AttrNames() []string {
	names := make([]string, 0, len(clientMethods))
	for n := range clientMethods {
		names = append(names, n)
	}
	return names
}

type method = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

var clientMethods = map[string]method{
	"set_callback":      recv((*Client).setCallback),
	"error_register_cb": recv((*Client).errorRegisterCB),
	"set_last_will":     recv((*Client).setLastWill),
	"connect":           recv((*Client).connect),
	"disconnect":        recv((*Client).disconnect),
	"close":             recv((*Client).close),
	"ping":              recv((*Client).ping),
	"publish":           recv((*Client).publish),
	"subscribe":         recv((*Client).subscribe),
	"unsubscribe":       recv((*Client).unsubscribe),
	"wait_msg":          recv((*Client).waitMsg),
	"check_msg":         recv((*Client).checkMsg),
	"get_mqttsta":       recv((*Client).getMqttsta),
}

func recv(f func(*Client, *starlark.Thread, string, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)) method {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return f(b.Receiver().(*Client), t, b.Name(), args, kwargs)
	}
}

// callable checks a callback argument.
func callable(fn, arg string, v starlark.Value) (starlark.Value, error) {
	if v == starlark.None {
		return nil, nil
	}
	if _, ok := v.(starlark.Callable); !ok {
		return nil, exc.TypeError("%s: argument '%s' must be callable, not %s", fn, arg, pyType(v))
	}
	return v, nil
}

func (c *Client) setCallback(t *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return c.setHook(fn, args, kwargs, &c.msgCB)
}

func (c *Client) errorRegisterCB(t *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return c.setHook(fn, args, kwargs, &c.errCB)
}

// setHook stores the callback argument f (or None to clear) in *dst.
func (c *Client) setHook(fn string, args starlark.Tuple, kwargs []starlark.Tuple, dst *starlark.Value) (starlark.Value, error) {
	var f starlark.Value
	if err := unpack(fn, args, kwargs, params("MQTTClient."+fn), []*starlark.Value{&f}); err != nil {
		return nil, err
	}
	f, err := callable(fn, "f", f)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	*dst = f
	c.mu.Unlock()
	return starlark.None, nil
}

func (c *Client) setLastWill(t *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var vTopic, vMsg, vRetain, vQos starlark.Value
	if err := unpack(fn, args, kwargs, params("MQTTClient.set_last_will"), []*starlark.Value{&vTopic, &vMsg, &vRetain, &vQos}); err != nil {
		return nil, err
	}
	topic, err := topicArg(fn, "topic", vTopic, false)
	if err != nil {
		return nil, err
	}
	msg, err := text(fn, "msg", vMsg)
	if err != nil {
		return nil, err
	}
	w := &will{topic: topic, payload: []byte(msg)}
	if vRetain != nil {
		if w.retain, err = flag(fn, "retain", vRetain); err != nil {
			return nil, err
		}
	}
	if vQos != nil {
		if w.qos, err = qosArg(fn, vQos); err != nil {
			return nil, err
		}
	}
	c.mu.Lock()
	c.will = w
	c.mu.Unlock()
	return starlark.None, nil
}

// connect(clean_session=True) opens the link and returns 0, or raises
// ValueError with the reason (refused, timeout, DNS, TLS, CONNACK code).
func (c *Client) connect(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var vClean starlark.Value
	if err := unpack(fn, args, kwargs, params("MQTTClient.connect"), []*starlark.Value{&vClean}); err != nil {
		return nil, err
	}
	clean := true
	if vClean != nil {
		var err error
		if clean, err = flag(fn, "clean_session", vClean); err != nil {
			return nil, err
		}
	}
	c.mu.Lock()
	old := c.t
	c.gen++
	cfg := c.cfg
	cfg.cleanSession = clean
	cfg.will = c.will
	c.sink = &sink{c: c, gen: c.gen}
	if c.unclose == nil && !c.closed {
		// Only a connected client needs closing at exit; disconnect()
		// and close() unregister it, so closed clients can be freed.
		c.unclose = c.env.OnClose(c.shutdown)
	}
	t := newTransport(cfg, c.sink)
	c.t, c.state, c.lostErr = t, staConnecting, nil
	c.mu.Unlock()

	err := runtime.Block(thread, func(ctx context.Context) error {
		if old != nil { // connect() again: QuecPython opens a fresh socket
			old.Drop()
		}
		return t.Connect(ctx)
	})
	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil {
		if c.t == t {
			c.t, c.state = nil, staNone
		}
		if runtime.IsCancelled(err) {
			return nil, err
		}
		return nil, exc.ValueError("%s", err.Error())
	}
	if c.t == t {
		c.state = staConnected
	}
	return starlark.MakeInt(0), nil
}

// detach takes the transport away from the client, so its late events are
// ignored, and wakes a wait_msg blocked in another thread: it then raises
// "not connected".
func (c *Client) detach() transport {
	c.mu.Lock()
	t := c.t
	c.t = nil
	c.gen++
	c.state = staNone
	c.flushing = false
	c.sink = nil
	if c.unclose != nil {
		c.unclose()
		c.unclose = nil
	}
	c.mu.Unlock()
	c.in.wake()
	return t
}

// disconnect() sends DISCONNECT after waiting (bounded) for queued QoS 1
// messages to go out. Errors are logged, not raised, as in QuecPython.
func (c *Client) disconnect(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := unpack(fn, args, kwargs, params("MQTTClient."+fn), nil); err != nil {
		return nil, err
	}
	err := runtime.Block(thread, func(ctx context.Context) error {
		c.drain(ctx, drainTimeout)
		return nil
	})
	t := c.detach()
	if t != nil {
		runtime.Block(thread, func(context.Context) error { t.Disconnect(); return nil })
	}
	c.mu.Lock()
	lost := len(c.outbox)
	c.outbox = nil
	c.mu.Unlock()
	if lost > 0 {
		c.env.Logf("umqtt: %s: disconnect: %s queued for sending were not acknowledged", c.label, plural(lost, "QoS 1 message"))
	}
	if err != nil {
		return nil, err
	}
	return starlark.None, nil
}

// drain waits until the outbox is sent and paho holds nothing
// unacknowledged, the link is down for good, or the timeout passes.
func (c *Client) drain(ctx context.Context, timeout time.Duration) {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		c.mu.Lock()
		t, queued := c.t, len(c.outbox)
		c.mu.Unlock()
		if t == nil || t.Link() == linkDown || queued == 0 && t.Unacked() == 0 {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// close() closes the socket only (no DISCONNECT, so the broker publishes
// the last will); connect() may follow.
func (c *Client) close(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := unpack(fn, args, kwargs, params("MQTTClient."+fn), nil); err != nil {
		return nil, err
	}
	if t := c.detach(); t != nil {
		runtime.Block(thread, func(context.Context) error { t.Drop(); return nil })
	}
	return starlark.None, nil
}

// ping() is accepted for compatibility: paho sends PINGREQ itself every
// keepalive period. It raises when there is no connection.
func (c *Client) ping(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := unpack(fn, args, kwargs, params("MQTTClient."+fn), nil); err != nil {
		return nil, err
	}
	if err := c.linkError(); err != nil {
		return nil, err
	}
	return starlark.None, nil
}

func (c *Client) getMqttsta(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := unpack(fn, args, kwargs, params("MQTTClient."+fn), nil); err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return starlark.MakeInt(c.state), nil
}

// linkError is the error wait_msg, check_msg, ping and subscribe raise when
// there is no link to use: never connected, disconnected, or (reconn=False)
// lost.
func (c *Client) linkError() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.t == nil {
		return exc.OSError("MQTTClient %s is not connected: call connect() first", c.label)
	}
	if c.lostErr != nil {
		return exc.OSError("MQTT connection to %s lost: %v", c.cfg.addr, c.lostErr)
	}
	return nil
}

// shutdown runs when the interpreter closes.
func (c *Client) shutdown() {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	if t := c.detach(); t != nil {
		t.Disconnect()
	}
	// Let a callback already running finish (bounded: the closer may run
	// while the interpreter lock is held).
	ch := make(chan struct{})
	go func() { c.evWG.Wait(); close(ch) }()
	select {
	case <-ch:
	case <-time.After(time.Second):
	}
}

// reportFailure prints why publish returned False, once per kind until a
// publish succeeds again.
func (c *Client) reportFailure(kind, format string, args ...any) {
	c.mu.Lock()
	seen := c.reported[kind]
	c.reported[kind] = true
	c.mu.Unlock()
	if !seen {
		c.env.Logf("umqtt: %s: publish: %s (publish returned False; repeats not reported)", c.label, fmt.Sprintf(format, args...))
	}
}

func (c *Client) clearReports() {
	c.mu.Lock()
	if len(c.reported) > 0 {
		clear(c.reported)
	}
	c.mu.Unlock()
}

// waitToken waits for p up to d or until ctx is done.
func waitToken(ctx context.Context, p pending, d time.Duration) (finished bool) {
	select {
	case <-p.Done():
		return true
	default:
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-p.Done():
		return true
	case <-timer.C:
	case <-ctx.Done():
	}
	return false
}
