package modern

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/eclipse/paho.mqtt.golang/packets"
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/sdk/azure/hub"
	"github.com/qstar-dev/qstar/modules/sdk/internal/pyobj"
	"github.com/qstar-dev/qstar/modules/sdk/internal/worker"
	"github.com/qstar-dev/qstar/modules/std/ujson"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

const deviceAPIVersion = "2019-10-01"

// allowedKwargs are create_from_connection_string's keyword arguments.
var allowedKwargs = map[string]bool{"server_verification_cert": true, "websockets": true, "cipher": true,
	"product_info": true, "proxy_options": true, "sastoken_ttl": true, "keep_alive": true, "auto_connect": true,
	"connection_retry": true, "connection_retry_interval": true, "ensure_desired_properties": true}

func (c *deviceClasses) clientClass(name string) *pyobj.Class {
	create := func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var cs string
		if err := starlark.UnpackPositionalArgs(b.Name(), args, nil, 1, &cs); err != nil {
			return nil, err
		}
		return c.newClient(thread, name, cs, kwargs)
	}
	fromKey := func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var key, host, dev, mod string
		var rest []starlark.Tuple
		for _, kv := range kwargs {
			switch k, _ := starlark.AsString(kv[0]); k {
			case "symmetric_key", "hostname", "device_id", "module_id":
				args = append(args[:len(args):len(args)], kv[1])
			default:
				rest = append(rest, kv)
			}
		}
		if err := starlark.UnpackPositionalArgs(b.Name(), args, nil, 3, &key, &host, &dev, &mod); err != nil {
			return nil, err
		}
		cs := "HostName=" + host + ";DeviceId=" + dev + ";SharedAccessKey=" + key
		if mod != "" {
			cs += ";ModuleId=" + mod
		}
		return c.newClient(thread, name, cs, rest)
	}
	return &pyobj.Class{Qual: devicePkg + "." + name, Attrs: starlark.StringDict{
		"create_from_connection_string": starlark.NewBuiltin("create_from_connection_string", create),
		"create_from_symmetric_key":     starlark.NewBuiltin("create_from_symmetric_key", fromKey),
	}}
}

// client is an IoTHubDeviceClient / IoTHubModuleClient (sync API).
type client struct {
	c        *deviceClasses
	unclose  func() // unregisters close once the script shut it down
	class    string
	dev      *hub.Device
	q        *worker.Queue
	ctx      context.Context
	cancel   context.CancelFunc
	ensure   bool // ensure_desired_properties
	mu       sync.Mutex
	handlers map[string]starlark.Value // on_* properties
	shut     bool
	lastDV   float64 // the desired $version last handed to the handler
}

func (c *deviceClasses) newClient(thread *starlark.Thread, class, cs string, kwargs []starlark.Tuple) (starlark.Value, error) {
	opts := hub.DeviceOptions{APIVersion: deviceAPIVersion, ClientType: "azure-iot-device-iothub-py/2.14.0(qstar)",
		KeepAlive: 60 * time.Second}
	ensure := true
	for _, kv := range kwargs {
		k, _ := starlark.AsString(kv[0])
		if !allowedKwargs[k] {
			return nil, exc.TypeError("Unsupported keyword argument: '%s'", k)
		}
		switch k {
		case "keep_alive":
			n, err := pyargs.Int(k, k, kv[1])
			if err != nil {
				return nil, err
			}
			if n <= 0 || n > 1740 {
				return nil, exc.ValueError("Keepalive must be between 1 and 1740")
			}
			opts.KeepAlive = time.Duration(n) * time.Second
		case "sastoken_ttl":
			n, err := pyargs.Int(k, k, kv[1])
			if err != nil {
				return nil, err
			}
			opts.TokenTTL = time.Duration(n) * time.Second
		case "ensure_desired_properties":
			ensure = bool(kv[1].Truth())
		}
	}
	if strings.Contains(cs, "x509=") {
		return nil, exc.ValueError("Invalid Connection String - x509 authentication: use create_from_x509_certificate")
	}
	dev, err := hub.NewDevice(c.env, cs, opts)
	if err != nil {
		return nil, exc.ValueError("Invalid Connection String - %v", err)
	}
	cl := &client{c: c, class: class, dev: dev, q: worker.New(runtime.FromThread(thread), devicePkg+" handler"),
		ensure: ensure, handlers: map[string]starlark.Value{}, lastDV: -1}
	cl.ctx, cl.cancel = context.WithCancel(context.Background())
	cl.unclose = c.env.OnClose(cl.close)
	return cl, nil
}

func (cl *client) close() {
	cl.unclose()
	cl.cancel()
	cl.dev.Disconnect()
	cl.q.Stop()
}

// Starlark plumbing.

var (
	_ starlark.HasAttrs    = (*client)(nil)
	_ starlark.HasSetField = (*client)(nil)
)

func (cl *client) String() string        { return "<" + devicePkg + "." + cl.class + " object>" }
func (cl *client) Type() string          { return cl.class }
func (cl *client) Freeze()               {}
func (cl *client) Truth() starlark.Bool  { return true }
func (cl *client) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: '%s'", cl.class) }

var handlerNames = map[string]bool{"on_twin_desired_properties_patch_received": true, "on_message_received": true,
	"on_method_request_received": true, "on_connection_state_change": true, "on_new_sastoken_required": true,
	"on_background_exception": true}

func (cl *client) Attr(name string) (starlark.Value, error) {
	if m, ok := clientMethods[name]; ok {
		return starlark.NewBuiltin(name, m).BindReceiver(cl), nil
	}
	switch name {
	case "connected":
		return starlark.Bool(cl.dev.Connected()), nil
	}
	if handlerNames[name] {
		cl.mu.Lock()
		defer cl.mu.Unlock()
		if v, ok := cl.handlers[name]; ok {
			return v, nil
		}
		return starlark.None, nil
	}
	return nil, nil
}

func (cl *client) AttrNames() []string {
	names := []string{"connected"}
	for n := range clientMethods {
		names = append(names, n)
	}
	for n := range handlerNames {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// SetField sets a handler: the feature is enabled at once (connecting
// first, as auto_connect does); None disables it.
func (cl *client) SetField(name string, v starlark.Value) error {
	if !handlerNames[name] {
		return exc.New("AttributeError", "'%s' object has no attribute '%s'", cl.class, name)
	}
	if v != starlark.None {
		if _, ok := v.(starlark.Callable); !ok {
			return exc.TypeError("%s must be callable", name)
		}
	}
	cl.mu.Lock()
	cl.handlers[name] = v
	cl.mu.Unlock()
	if v == starlark.None {
		return nil
	}
	go cl.enable(name)
	return nil
}

func (cl *client) handler(name string) starlark.Value {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	return cl.handlers[name]
}

// enable subscribes what a handler needs; failures go to
// on_background_exception, or stderr.
func (cl *client) enable(name string) {
	ctx := cl.ctx
	var err error
	switch name {
	case "on_twin_desired_properties_patch_received":
		if err = cl.dev.OnDesired(ctx, cl.desired); err == nil && cl.ensure {
			cl.ensureDesired()
		}
	case "on_message_received":
		err = cl.dev.OnMessage(ctx, cl.message)
	case "on_method_request_received":
		err = cl.dev.OnMethod(ctx, cl.method)
	}
	if err != nil && ctx.Err() == nil {
		cl.c.env.Logf("%s: enabling %s: %v", devicePkg, name, err)
	}
}

// desired hands a patch to the handler, as a dict with "$version".
func (cl *client) desired(patch []byte) {
	v, err := ujson.Decode(string(patch))
	if err != nil {
		return
	}
	if d, ok := v.(*starlark.Dict); ok {
		if ver, found, _ := d.Get(starlark.String("$version")); found {
			f, _ := starlark.AsFloat(ver)
			cl.mu.Lock()
			cl.lastDV = f
			cl.mu.Unlock()
		}
	}
	cl.q.Post(cl.handler("on_twin_desired_properties_patch_received"), nil, v)
}

// ensureDesired (ensure_desired_properties): a desired section newer than
// the handler has seen is handed over whole.
func (cl *client) ensureDesired() {
	body, err := cl.dev.GetTwin(cl.ctx)
	if err != nil {
		return
	}
	v, err := ujson.Decode(string(body))
	twin, ok := v.(*starlark.Dict)
	if err != nil || !ok {
		return
	}
	desired, _, _ := twin.Get(starlark.String("desired"))
	d, ok := desired.(*starlark.Dict)
	if !ok {
		return
	}
	ver, _, _ := d.Get(starlark.String("$version"))
	f, _ := starlark.AsFloat(ver)
	cl.mu.Lock()
	fresh := f != cl.lastDV
	cl.lastDV = f
	cl.mu.Unlock()
	if fresh {
		cl.q.Post(cl.handler("on_twin_desired_properties_patch_received"), nil, d)
	}
}

func (cl *client) method(name, rid string, payload []byte) {
	var p starlark.Value = starlark.None
	if v, err := ujson.Decode(string(payload)); err == nil {
		p = v
	}
	req := pyobj.New(devicePkg+".MethodRequest", starlark.StringDict{"request_id": starlark.String(rid),
		"name": starlark.String(name), "payload": p})
	cl.q.Post(cl.handler("on_method_request_received"), nil, req)
}

func (cl *client) message(props map[string]string, payload []byte) {
	custom := starlark.NewDict(len(props))
	attrs := starlark.StringDict{"data": starlark.Bytes(payload), "message_id": starlark.None,
		"correlation_id": starlark.None, "content_type": starlark.None, "content_encoding": starlark.None,
		"user_id": starlark.None, "expiry_time_utc": starlark.None, "output_name": starlark.None,
		"input_name": starlark.None, "ack": starlark.None}
	sys := map[string]string{"$.mid": "message_id", "$.cid": "correlation_id", "$.ct": "content_type", "$.ce": "content_encoding"}
	for k, v := range props {
		if a, ok := sys[k]; ok {
			attrs[a] = starlark.String(v)
		} else {
			custom.SetKey(starlark.String(k), starlark.String(v))
		}
	}
	attrs["custom_properties"] = custom
	cl.q.Post(cl.handler("on_message_received"), nil, pyobj.New(devicePkg+".Message", attrs))
}

// connectError maps a connect failure to the SDK's exceptions.
func (cl *client) connectError(err error) error {
	e := cl.c.errs
	switch {
	case errors.Is(err, packets.ErrorRefusedBadUsernameOrPassword), errors.Is(err, packets.ErrorRefusedNotAuthorised):
		return e.credential.Raise(fmt.Sprintf("Credentials invalid, could not connect: %v", err))
	case errors.Is(err, packets.ErrorRefusedIDRejected), errors.Is(err, packets.ErrorRefusedBadProtocolVersion):
		return e.client.Raise("Error in the IoTHub client")
	}
	return e.connFailed.Raise(fmt.Sprintf("Could not connect: %v", err))
}
