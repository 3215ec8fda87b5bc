// Package qpyaliyun provides QuecPython's built-in aLiYun module: the
// firmware's Alibaba Cloud client (`from aLiYun import aLiYun`), a device
// secret sign-in on top of umqtt.MQTTClient with a listening thread.
package qpyaliyun

import (
	"fmt"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/auth/aliyun"
	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "aLiYun",
		Doc:  "QuecPython's Alibaba Cloud client: aLiYun(pk, ps, dn, ds).setMqtt(), subscribe, publish, start (device-secret sign-in over umqtt)",
		New: func(env *runtime.Env) (starlark.StringDict, error) {
			return starlark.StringDict{"aLiYun": class()}, nil
		},
	})
}

// device is one aLiYun object: the triple, the MQTT client once setMqtt
// has connected, and the script's callbacks.
type device struct {
	pk, ps, dn, ds string
	server         string
	port           int
	ssl            starlark.Value
	sslParams      starlark.Value

	mu        sync.Mutex
	client    starlark.Value // umqtt.MQTTClient, nil before setMqtt
	recv      starlark.Value
	onError   starlark.Value
	listening bool
	listener  *starlark.Thread // start()'s thread, cancelled by disconnect
	in        *runtime.Interp
}

func class() *gotype.Class {
	c := gotype.NewClass("aLiYun", nil, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		a, err := pyargs.Bind("aLiYun", args, kw, "productKey", "productSecret?", "DeviceName?", "DeviceSecret?", "MqttServer?", "MqttPort?", "ssl?", "ssl_params?")
		if err != nil {
			return nil, err
		}
		d := &device{port: 1883, ssl: starlark.False, sslParams: starlark.NewDict(0)}
		for _, f := range []struct {
			name string
			dst  *string
		}{{"productKey", &d.pk}, {"productSecret", &d.ps}, {"DeviceName", &d.dn}, {"DeviceSecret", &d.ds}, {"MqttServer", &d.server}} {
			if *f.dst, err = optText(a, f.name); err != nil {
				return nil, err
			}
		}
		if d.port, err = a.Int("MqttPort", 1883); err != nil {
			return nil, err
		}
		if a.Has("ssl") {
			d.ssl = a.Value("ssl")
		}
		if a.Has("ssl_params") {
			d.sslParams = a.Value("ssl_params")
		}
		return gotype.NewObject(c, d.methods(), func() string { return fmt.Sprintf("<aLiYun %s/%s>", d.pk, d.dn) }), nil
	}
	return c
}

// optText is a str (or bytes) argument that may be absent or None.
func optText(a *pyargs.Args, name string) (string, error) {
	v := a.Value(name)
	if v == nil || v == starlark.None {
		return "", nil
	}
	s, ok := pyargs.AsText(v)
	if !ok {
		return "", exc.TypeError("aLiYun() argument '%s' must be str, not %s", name, pyargs.TypeName(v))
	}
	return s, nil
}

func (d *device) methods() map[string]gotype.Method {
	return map[string]gotype.Method{
		"setMqtt":           d.setMqtt,
		"setCallback":       d.setCallback,
		"error_register_cb": d.errorRegister,
		"subscribe":         d.subscribe,
		"publish":           d.publish,
		"start":             d.start,
		"disconnect":        d.disconnect,
		"close":             d.close,
		"ping":              d.ping,
		"getAliyunSta":      d.status,
	}
}

// setMqtt(clientID=None, clean_session=True, keepAlive=300, reconn=True,
// pingmaxnum=0, manage=False) signs in with the device secret and
// connects: 0, or -1 with the firmware's "[ERROR] connect failed" line.
func (d *device) setMqtt(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind("setMqtt", args, kw, "clientID?", "clean_session?", "keepAlive?", "reconn?", "pingmaxnum?", "manage?")
	if err != nil {
		return nil, err
	}
	cid, err := optText(a, "clientID")
	if err != nil {
		return nil, err
	}
	keepAlive, err := a.Int("keepAlive", 300)
	if err != nil {
		return nil, err
	}
	if cid == "" {
		cid = d.dn // the firmware formats None; any id signs the same way
	}
	out := runtime.EnvOf(t).Stdout
	if d.ds == "" && d.ps != "" {
		fmt.Fprintln(out, "[ERROR] connect failed. Error : aLiYun needs the DeviceSecret here (product-secret registration: use linkkit or auth.aliyun)")
		return starlark.MakeInt(-1), nil
	}
	password, err := aliyun.HMAC("hmacsha256", d.ds, "clientId"+cid+"deviceName"+d.dn+"productKey"+d.pk)
	if err != nil {
		return nil, err
	}
	server := d.server
	if server == "" {
		server = d.pk + ".iot-as-mqtt.cn-shanghai.aliyuncs.com"
	}
	in := runtime.FromThread(t)
	if in == nil {
		return nil, exc.RuntimeError("aLiYun needs a script thread")
	}
	umqtt, err := in.Module("umqtt")
	if err != nil {
		return nil, err
	}
	ckw := []starlark.Tuple{
		{starlark.String("keepalive"), starlark.MakeInt(keepAlive)},
		{starlark.String("ssl"), d.ssl},
		{starlark.String("ssl_params"), d.sslParams},
	}
	if a.Has("reconn") {
		ckw = append(ckw, starlark.Tuple{starlark.String("reconn"), a.Value("reconn")})
	}
	client, err := starlark.Call(t, umqtt.Members["MQTTClient"], starlark.Tuple{
		starlark.String(cid + "|securemode=3,signmethod=hmacsha256|"), starlark.String(server), starlark.MakeInt(d.port),
		starlark.String(aliyun.Username(d.pk, d.dn)), starlark.String(password),
	}, ckw)
	if err != nil {
		return nil, err
	}
	proc := starlark.NewBuiltin("proc", func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		d.mu.Lock()
		cb := d.recv
		d.mu.Unlock()
		if cb == nil {
			return starlark.None, nil
		}
		return starlark.Call(t, cb, args, kw)
	})
	if _, err := callMethod(t, client, "set_callback", proc); err != nil {
		return nil, err
	}
	d.mu.Lock()
	onError := d.onError
	d.mu.Unlock()
	if onError != nil {
		if _, err := callMethod(t, client, "error_register_cb", onError); err != nil {
			return nil, err
		}
	}
	// The client is kept even if connect fails, as the firmware's is: later
	// calls then fail on the link, not on a missing client.
	d.mu.Lock()
	d.client = client
	d.mu.Unlock()
	var connectKw []starlark.Tuple
	if a.Has("clean_session") {
		connectKw = []starlark.Tuple{{starlark.String("clean_session"), a.Value("clean_session")}}
	}
	if _, err := starlark.Call(t, attr(client, "connect"), nil, connectKw); err != nil {
		if _, isExc := exc.As(err); !isExc || runtime.IsCancelled(err) {
			return nil, err
		}
		fmt.Fprintf(out, "[ERROR] connect failed. Error : %s\n", errText(err))
		return starlark.MakeInt(-1), nil
	}
	return starlark.MakeInt(0), nil
}

func (d *device) setCallback(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 1, &fn); err != nil {
		return nil, err
	}
	d.mu.Lock()
	d.recv = callableOrNil(fn)
	d.mu.Unlock()
	return starlark.None, nil
}

// error_register_cb(func): told of link errors, as MQTTClient's is.
func (d *device) errorRegister(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 1, &fn); err != nil {
		return nil, err
	}
	d.mu.Lock()
	d.onError = callableOrNil(fn)
	client := d.client
	d.mu.Unlock()
	if client != nil {
		return callMethod(t, client, "error_register_cb", fn)
	}
	return starlark.None, nil
}

// subscribe(topic, qos=0): 0, or -1 when the link refuses it.
func (d *device) subscribe(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind("subscribe", args, kw, "topic", "qos?")
	if err != nil {
		return nil, err
	}
	client, err := d.connected("subscribe")
	if err != nil {
		return nil, err
	}
	qos := a.Value("qos")
	if qos == nil {
		qos = starlark.MakeInt(0)
	}
	if _, err := callMethod(t, client, "subscribe", a.Value("topic"), qos); err != nil {
		if e, ok := exc.As(err); ok && exc.IsSubclass(e.Type, "OSError") {
			fmt.Fprintf(runtime.EnvOf(t).Stdout, "[WARNING] subscribe failed. OSError : %s\n", errText(err))
			return starlark.MakeInt(-1), nil
		}
		return nil, err
	}
	return starlark.MakeInt(0), nil
}

// publish(topic, msg, retain=False, qos=0) returns MQTTClient.publish's result.
func (d *device) publish(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind("publish", args, kw, "topic", "msg", "retain?", "qos?")
	if err != nil {
		return nil, err
	}
	client, err := d.connected("publish")
	if err != nil {
		return nil, err
	}
	retain, qos := a.Value("retain"), a.Value("qos")
	if retain == nil {
		retain = starlark.False
	}
	if qos == nil {
		qos = starlark.MakeInt(0)
	}
	return callMethod(t, client, "publish", a.Value("topic"), a.Value("msg"), retain, qos)
}

// start() runs a thread that waits for messages and hands them to the
// callback, until disconnect().
func (d *device) start(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 0); err != nil {
		return nil, err
	}
	client, err := d.connected("start")
	if err != nil {
		return nil, err
	}
	in := runtime.FromThread(t)
	d.mu.Lock()
	if d.listening {
		d.mu.Unlock()
		return starlark.None, nil
	}
	d.listening = true
	d.mu.Unlock()
	listen := starlark.NewBuiltin("aLiYun.listen", func(t *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		for d.isListening() {
			if _, err := callMethod(t, client, "wait_msg"); err != nil {
				if !d.isListening() || runtime.IsCancelled(err) {
					return starlark.None, nil
				}
				d.mu.Lock()
				onError := d.onError
				d.listening = false
				d.mu.Unlock()
				if onError != nil {
					_, cbErr := starlark.Call(t, onError, starlark.Tuple{starlark.String(errText(err))}, nil)
					return starlark.None, cbErr
				}
				return nil, err
			}
		}
		return starlark.None, nil
	})
	in.Go("aLiYun", listen, nil, func(th *starlark.Thread) {
		d.mu.Lock()
		d.listener, d.in = th, in
		d.mu.Unlock()
	})
	return starlark.None, nil
}

// stopListening ends start()'s thread, which may be blocked in wait_msg.
func (d *device) stopListening() starlark.Value {
	d.mu.Lock()
	d.listening = false
	th, in, client := d.listener, d.in, d.client
	d.listener = nil
	d.mu.Unlock()
	if th != nil {
		in.Cancel(th, "aLiYun disconnected")
	}
	return client
}

func (d *device) isListening() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.listening
}

func (d *device) disconnect(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 0); err != nil {
		return nil, err
	}
	client := d.stopListening()
	if client == nil {
		return starlark.None, nil
	}
	return callMethod(t, client, "disconnect")
}

// close() closes the link and, as the firmware's, returns -1.
func (d *device) close(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 0); err != nil {
		return nil, err
	}
	if client := d.stopListening(); client != nil {
		if _, err := callMethod(t, client, "close"); err != nil {
			return nil, err
		}
	}
	return starlark.MakeInt(-1), nil
}

func (d *device) ping(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 0); err != nil {
		return nil, err
	}
	client, err := d.connected("ping")
	if err != nil {
		return nil, err
	}
	return callMethod(t, client, "ping")
}

// getAliyunSta() is the link state (0 connected, 1 connecting, 2 closed by
// the server, -1 disconnected), -1 before setMqtt.
func (d *device) status(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 0); err != nil {
		return nil, err
	}
	d.mu.Lock()
	client := d.client
	d.mu.Unlock()
	if client == nil {
		return starlark.MakeInt(-1), nil
	}
	return callMethod(t, client, "get_mqttsta")
}

// connected is the MQTT client; before a successful setMqtt there is none,
// which the firmware reports as an AttributeError on None.
func (d *device) connected(method string) (starlark.Value, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.client == nil {
		return nil, exc.New("AttributeError", "'NoneType' object has no attribute '%s' (call setMqtt() first)", method)
	}
	return d.client, nil
}

func callableOrNil(v starlark.Value) starlark.Value {
	if _, ok := v.(starlark.Callable); ok {
		return v
	}
	return nil
}

func attr(v starlark.Value, name string) starlark.Value {
	f, _ := v.(starlark.HasAttrs).Attr(name)
	return f
}

func callMethod(t *starlark.Thread, v starlark.Value, name string, args ...starlark.Value) (starlark.Value, error) {
	return starlark.Call(t, attr(v, name), starlark.Tuple(args), nil)
}

// errText is an exception's message (str(e)), as the firmware prints it.
func errText(err error) string {
	if e, ok := exc.As(err); ok {
		return e.Msg
	}
	return err.Error()
}
