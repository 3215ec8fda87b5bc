// Package umqtt is QuecPython's umqtt.MQTTClient for qstar scripts. The
// link is a small transport interface (transport.go) with two
// implementations: lean.go, qstar's own MQTT 3.1/3.1.1 client on
// mochi-mqtt's packet codec (the default: a publish is written on the
// script's goroutine, one write per packet or per batch), and paho.go on
// paho.mqtt.golang (QSTAR_UMQTT_TRANSPORT=paho).
//
// Delivery: the transport only enqueues into a bounded inbox (4096);
// callbacks run on the script's own thread inside wait_msg/check_msg,
// topic and message as bytes. A QoS 0 message that does not fit is
// dropped and counted on stderr. The lean transport acknowledges QoS 1/2
// messages (PUBACK/PUBREC) only once the script has taken them, and stops
// reading while the inbox is full of them, so the broker keeps the rest:
// nothing acknowledged is lost. (paho acknowledges on receipt.)
// wait_msg releases the interpreter lock while it waits and wakes on Ctrl-C.
// A failing callback prints its traceback; the client keeps running.
//
// Reconnection (reconn=True): the first retry goes at once, later ones back
// off with jitter up to 2 s (backoff.go, the same for every transport); the
// client resubscribes every topic, reports "reconnect_start" and
// "reconnect_success" to error_register_cb, and get_mqttsta follows
// (0 connected, 1 connecting, 2 closed by the server with reconn=False,
// -1 not connected). A QoS 1 publish made while the link is down is queued
// and publish returns True; queued messages go out in order, after the
// unacknowledged ones the transport resends (DUP). disconnect() waits up to
// 10 s for them.
// With reconn=False the loss reaches error_register_cb as text, and the
// next wait_msg/check_msg/subscribe raises OSError.
//
// Results: connect() returns 0 or raises ValueError naming the cause
// (refused, timeout, DNS, TLS, CONNACK code and meaning). publish returns
// True/False like QuecPython and says why on stderr, once per kind of
// failure. QoS 2 is accepted (QuecPython refuses it). ping() only checks
// that a connection exists: the transport sends PINGREQ every keepalive
// itself, and takes a broker silent for 10 s after one for a dead link.
// unsubscribe() is an extension.
//
// Every connection, TLS included, is dialled through Env.Dial.
package umqtt

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "umqtt",
		Doc:  "MQTT client (QuecPython umqtt.MQTTClient)",
		New:  newModule,
	})
}

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"MQTTClient": starlark.NewBuiltin("MQTTClient", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return newClient(t, env, args, kwargs)
		}),
	}, nil
}
