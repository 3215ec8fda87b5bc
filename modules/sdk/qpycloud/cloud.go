// Package qpycloud provides the QuecPython firmware's built-in cloud
// clients, aLiYun (`from aLiYun import aLiYun`) and TenCentYun (`from
// TenCentYun import TXyun`): a device-key sign-in on top of
// umqtt.MQTTClient, with a listening thread that hands messages to the
// script's callback.
package qpycloud

import (
	"fmt"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// login is what a vendor's sign-in puts in CONNECT.
type login struct{ clientID, user, password string }

// client is one cloud object: where to connect, the MQTT client once
// setMqtt has made it, and the script's callbacks.
type client struct {
	kind      string // the class name, for messages
	server    string
	port      int
	ssl       starlark.Value
	sslParams starlark.Value

	mu        sync.Mutex
	mqtt      starlark.Value // umqtt.MQTTClient, nil before setMqtt
	recv      starlark.Value
	onError   starlark.Value
	listening bool
	listener  *starlark.Thread // start()'s thread, cancelled by disconnect
	in        *runtime.Interp
}

// mqttOpts are setMqtt's connection settings.
type mqttOpts struct {
	keepAlive     int
	reconn, clean starlark.Value // nil: MQTTClient's default
}

// methods are the calls both clients share; status is the name of the
// link-state getter (getAliyunSta, getTXyunsta).
func (c *client) methods(status string) map[string]gotype.Method {
	return map[string]gotype.Method{
		"setCallback":       c.setCallback,
		"error_register_cb": c.errorRegister,
		"subscribe":         c.subscribe,
		"start":             c.start,
		"disconnect":        c.disconnect,
		"close":             c.close,
		"ping":              c.ping,
		status:              c.status,
	}
}

// connect makes the MQTT client for l and connects it: 0, or -1 with the
// firmware's "[ERROR] connect failed" line. The client is kept even if
// connect fails, as the firmware's is: later calls then fail on the link.
func (c *client) connect(t *starlark.Thread, l login, o mqttOpts) (starlark.Value, error) {
	in := runtime.FromThread(t)
	if in == nil {
		return nil, exc.RuntimeError("%s needs a script thread", c.kind)
	}
	umqtt, err := in.Module("umqtt")
	if err != nil {
		return nil, err
	}
	kw := []starlark.Tuple{
		{starlark.String("keepalive"), starlark.MakeInt(o.keepAlive)},
		{starlark.String("ssl"), c.ssl},
		{starlark.String("ssl_params"), c.sslParams},
	}
	if o.reconn != nil {
		kw = append(kw, starlark.Tuple{starlark.String("reconn"), o.reconn})
	}
	m, err := starlark.Call(t, umqtt.Members["MQTTClient"], starlark.Tuple{
		starlark.String(l.clientID), starlark.String(c.server), starlark.MakeInt(c.port),
		starlark.String(l.user), starlark.String(l.password),
	}, kw)
	if err != nil {
		return nil, err
	}
	proc := starlark.NewBuiltin(c.kind+".proc", func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		c.mu.Lock()
		cb := c.recv
		c.mu.Unlock()
		if cb == nil {
			return starlark.None, nil
		}
		return starlark.Call(t, cb, args, kw)
	})
	if _, err := callMethod(t, m, "set_callback", proc); err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.mqtt = m
	onError := c.onError
	c.mu.Unlock()
	if onError != nil {
		if _, err := callMethod(t, m, "error_register_cb", onError); err != nil {
			return nil, err
		}
	}
	var ckw []starlark.Tuple
	if o.clean != nil {
		ckw = []starlark.Tuple{{starlark.String("clean_session"), o.clean}}
	}
	if _, err := starlark.Call(t, attr(m, "connect"), nil, ckw); err != nil {
		if _, isExc := exc.As(err); !isExc || runtime.IsCancelled(err) {
			return nil, err
		}
		fmt.Fprintf(runtime.EnvOf(t).Stdout, "[ERROR] connect failed. Error : %s\n", errText(err))
		return starlark.MakeInt(-1), nil
	}
	return starlark.MakeInt(0), nil
}

func (c *client) setCallback(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 1, &fn); err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.recv = callableOrNil(fn)
	c.mu.Unlock()
	return starlark.None, nil
}

// error_register_cb(func): told of link errors, as MQTTClient's is.
func (c *client) errorRegister(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 1, &fn); err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.onError = callableOrNil(fn)
	m := c.mqtt
	c.mu.Unlock()
	if m != nil {
		return callMethod(t, m, "error_register_cb", fn)
	}
	return starlark.None, nil
}

// subscribe(topic, qos=0): 0, or -1 when the link refuses it.
func (c *client) subscribe(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind("subscribe", args, kw, "topic", "qos?")
	if err != nil {
		return nil, err
	}
	m, err := c.connected("subscribe")
	if err != nil {
		return nil, err
	}
	if _, err := callMethod(t, m, "subscribe", a.Value("topic"), orInt(a.Value("qos"), 0)); err != nil {
		if e, ok := exc.As(err); ok && exc.IsSubclass(e.Type, "OSError") {
			fmt.Fprintf(runtime.EnvOf(t).Stdout, "[WARNING] subscribe failed. OSError : %s\n", errText(err))
			return starlark.MakeInt(-1), nil
		}
		return nil, err
	}
	return starlark.MakeInt(0), nil
}

// publish sends msg and returns MQTTClient.publish's result.
func (c *client) publish(t *starlark.Thread, topic, msg, retain, qos starlark.Value) (starlark.Value, error) {
	m, err := c.connected("publish")
	if err != nil {
		return nil, err
	}
	if retain == nil {
		retain = starlark.False
	}
	return callMethod(t, m, "publish", topic, msg, retain, orInt(qos, 0))
}

// start() runs a thread that waits for messages and hands them to the
// callback, until disconnect().
func (c *client) start(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 0); err != nil {
		return nil, err
	}
	m, err := c.connected("start")
	if err != nil {
		return nil, err
	}
	in := runtime.FromThread(t)
	c.mu.Lock()
	if c.listening {
		c.mu.Unlock()
		return starlark.None, nil
	}
	c.listening = true
	c.mu.Unlock()
	listen := starlark.NewBuiltin(c.kind+".listen", func(t *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		for c.isListening() {
			if _, err := callMethod(t, m, "wait_msg"); err != nil {
				if !c.isListening() || runtime.IsCancelled(err) {
					return starlark.None, nil
				}
				c.mu.Lock()
				onError := c.onError
				c.listening = false
				c.mu.Unlock()
				if onError != nil {
					_, cbErr := starlark.Call(t, onError, starlark.Tuple{starlark.String(errText(err))}, nil)
					return starlark.None, cbErr
				}
				return nil, err
			}
		}
		return starlark.None, nil
	})
	in.Go(c.kind, listen, nil, func(th *starlark.Thread) {
		c.mu.Lock()
		c.listener, c.in = th, in
		c.mu.Unlock()
	})
	return starlark.None, nil
}

// stopListening ends start()'s thread, which may be blocked in wait_msg.
func (c *client) stopListening() starlark.Value {
	c.mu.Lock()
	c.listening = false
	th, in, m := c.listener, c.in, c.mqtt
	c.listener = nil
	c.mu.Unlock()
	if th != nil {
		in.Cancel(th, c.kind+" disconnected")
	}
	return m
}

func (c *client) isListening() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.listening
}

func (c *client) disconnect(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 0); err != nil {
		return nil, err
	}
	m := c.stopListening()
	if m == nil {
		return starlark.None, nil
	}
	return callMethod(t, m, "disconnect")
}

// close() closes the link and, as the firmware's aLiYun, returns -1.
func (c *client) close(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 0); err != nil {
		return nil, err
	}
	if m := c.stopListening(); m != nil {
		if _, err := callMethod(t, m, "close"); err != nil {
			return nil, err
		}
	}
	return starlark.MakeInt(-1), nil
}

func (c *client) ping(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 0); err != nil {
		return nil, err
	}
	m, err := c.connected("ping")
	if err != nil {
		return nil, err
	}
	return callMethod(t, m, "ping")
}

// status is the link state (0 connected, 1 connecting, 2 closed by the
// server, -1 disconnected), -1 before setMqtt.
func (c *client) status(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 0); err != nil {
		return nil, err
	}
	c.mu.Lock()
	m := c.mqtt
	c.mu.Unlock()
	if m == nil {
		return starlark.MakeInt(-1), nil
	}
	return callMethod(t, m, "get_mqttsta")
}

// connected is the MQTT client; before setMqtt there is none, which the
// firmware reports as an AttributeError on None.
func (c *client) connected(method string) (starlark.Value, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.mqtt == nil {
		return nil, exc.New("AttributeError", "'NoneType' object has no attribute '%s' (call setMqtt() first)", method)
	}
	return c.mqtt, nil
}

// optText is a str (or bytes) argument that may be absent or None.
func optText(fn string, a *pyargs.Args, name string) (string, error) {
	v := a.Value(name)
	if v == nil || v == starlark.None {
		return "", nil
	}
	s, ok := pyargs.AsText(v)
	if !ok {
		return "", exc.TypeError("%s() argument '%s' must be str, not %s", fn, name, pyargs.TypeName(v))
	}
	return s, nil
}

func orInt(v starlark.Value, n int) starlark.Value {
	if v == nil {
		return starlark.MakeInt(n)
	}
	return v
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
