package legacy

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/sdk/azure/hub"
	"github.com/qstar-dev/qstar/modules/sdk/internal/pyenum"
	"github.com/qstar-dev/qstar/modules/sdk/internal/pyobj"
	"github.com/qstar-dev/qstar/modules/sdk/internal/worker"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// client is an IoTHubClient or IoTHubModuleClient: like the C SDK's
// convenience layer, it connects in the background, re-runs the twin GET
// after every (re)connection, and calls back on its own thread.
type client struct {
	c      *deviceClasses
	class  string
	dev    *hub.Device
	q      *worker.Queue
	ctx    context.Context
	cancel context.CancelFunc

	mu        sync.Mutex
	twinCB    [2]starlark.Value // callback, user context
	methodCB  [2]starlark.Value
	messageCB [2]starlark.Value
	statusCB  [2]starlark.Value
	up        bool
	enabled   map[string]bool // what this connection has subscribed
	wake      chan struct{}
}

// ctor is IoTHubClient(connection_string, protocol) (and the module one).
func (c *deviceClasses) ctor(class string) func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var cs string
		var protocol starlark.Value
		if err := starlark.UnpackPositionalArgs(class, args, kwargs, 2, &cs, &protocol); err != nil {
			return nil, err
		}
		p, ok := protocol.(*pyenum.Member)
		if !ok || p.Value() < 0 || p.Value() > 4 {
			return nil, exc.TypeError("IoTHubTransportProvider set to unknown protocol")
		}
		if p.Name() != "MQTT" && !c.notedAMQP {
			c.notedAMQP = true
			c.env.Logf("iothub_client: IoTHubTransportProvider.%s is carried over MQTT (qstar's Azure client speaks MQTT)", p.Name())
		}
		dev, err := hub.NewDevice(c.env, cs, hub.DeviceOptions{APIVersion: apiVersion, ClientType: "python/1.4.6",
			KeepAlive: 240 * time.Second})
		if err != nil {
			return nil, fail(c.clientErr, class, class, c.clientResult, "ERROR")
		}
		cl := &client{c: c, class: class, dev: dev, q: worker.New(runtime.FromThread(thread), deviceModule+" callback"),
			wake: make(chan struct{}, 1)}
		cl.ctx, cl.cancel = context.WithCancel(context.Background())
		dev.OnLost(func(error) { cl.poke() })
		c.env.OnClose(cl.close)
		go cl.maintain()
		return cl.object(), nil
	}
}

func (cl *client) close() {
	cl.cancel()
	cl.dev.Disconnect()
	cl.q.Stop()
}

func (cl *client) poke() {
	select {
	case cl.wake <- struct{}{}:
	default:
	}
}

// maintain keeps the link up, with exponential backoff and jitter, and
// redoes the callbacks' subscriptions and the twin GET on each connect.
func (cl *client) maintain() {
	backoff := time.Second
	for cl.ctx.Err() == nil {
		if err := cl.dev.Connect(cl.ctx); err != nil {
			cl.status(false)
			select {
			case <-time.After(backoff):
			case <-cl.ctx.Done():
				return
			}
			backoff = min(2*backoff, 30*time.Second)
			continue
		}
		backoff = time.Second
		cl.mu.Lock()
		cl.enabled = map[string]bool{}
		cl.mu.Unlock()
		cl.status(true)
		cl.enable()
		for cl.dev.Connected() {
			select {
			case <-cl.wake:
				cl.enable()
			case <-time.After(time.Second):
			case <-cl.ctx.Done():
				return
			}
		}
		cl.status(false)
	}
}

// status reports connection changes to set_connection_status_callback.
func (cl *client) status(up bool) {
	cl.mu.Lock()
	changed := cl.up != up
	cl.up = up
	cb := cl.statusCB
	cl.mu.Unlock()
	if !changed {
		return
	}
	st, reason := cl.c.connStatus.Member("UNAUTHENTICATED"), cl.c.connReason.Member("NO_NETWORK")
	if up {
		st, reason = cl.c.connStatus.Member("AUTHENTICATED"), cl.c.connReason.Member("CONNECTION_OK")
	}
	cl.q.Post(cb[0], nil, st, reason, cb[1])
}

// enable subscribes what the set callbacks need; a twin callback gets
// COMPLETE with the whole twin, then PARTIAL with each desired patch.
func (cl *client) enable() {
	cl.mu.Lock()
	twin, method, msg := cl.twinCB, cl.methodCB, cl.messageCB
	first := func(what string, cb [2]starlark.Value) bool {
		if cb[0] == nil || cl.enabled[what] {
			return false
		}
		cl.enabled[what] = true
		return true
	}
	doTwin, doMethod, doMsg := first("twin", twin), first("method", method), first("message", msg)
	cl.mu.Unlock()
	ctx := cl.ctx
	if doTwin {
		if body, err := cl.dev.GetTwin(ctx); err == nil {
			cl.q.Post(twin[0], nil, cl.c.twinState.Member("COMPLETE"), starlark.String(body), twin[1])
		}
		cl.dev.OnDesired(ctx, func(patch []byte) {
			cl.q.Post(twin[0], nil, cl.c.twinState.Member("PARTIAL"), starlark.String(patch), twin[1])
		})
	}
	if doMethod {
		cl.dev.OnMethod(ctx, func(name, rid string, payload []byte) { cl.method(method, name, rid, payload) })
	}
	if doMsg {
		cl.dev.OnMessage(ctx, func(props map[string]string, payload []byte) { cl.message(msg, props, payload) })
	}
}

// method runs a method callback and answers with its DeviceMethodReturnValue.
func (cl *client) method(cb [2]starlark.Value, name, rid string, payload []byte) {
	cl.q.Post(cb[0], func(v starlark.Value, err error) {
		status, response := 500, []byte(`{"message":"method callback failed"}`)
		if o, ok := v.(*pyobj.Object); ok && err == nil {
			if s, err := starlark.AsInt32(o.Attrs["status"]); err == nil {
				status = s
			}
			if r, ok := pyargs.AsText(o.Attrs["response"]); ok {
				response = []byte(r)
			}
		}
		if !json.Valid(response) {
			response, _ = json.Marshal(string(response))
		}
		cl.dev.MethodResponse(cl.ctx, rid, status, response)
	}, starlark.String(name), starlark.String(payload), cb[1])
}

func (cl *client) message(cb [2]starlark.Value, props map[string]string, payload []byte) {
	m := &message{data: payload, props: starlark.NewDict(len(props))}
	o := cl.c.messageObject(m)
	for k, v := range props {
		switch k {
		case "$.mid":
			o.Attrs["message_id"] = starlark.String(v)
		case "$.cid":
			o.Attrs["correlation_id"] = starlark.String(v)
		default:
			m.props.SetKey(starlark.String(k), starlark.String(v))
		}
	}
	cl.q.Post(cb[0], nil, o, cb[1])
}
