package umqtt

import (
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// sigs are umqtt's signatures and docs: the parameter names each builtin
// binds (params) and what help(), __doc__ and `qstar stubs` show.
var sigs = map[string]*pyargs.Sig{
	"MQTTClient": pyargs.NewSig("MQTTClient(client_id, server, port=0, user=None, password=None, keepalive=0, ssl=False, ssl_params={}, reconn=True, version=4, pingmaxnum=None, manage=None, ipvtype=None)",
		"An MQTT 3.1.1 client (version=3 for 3.1). port 0 picks 1883, or 8883 with ssl. With reconn=True a lost link is redialled and every topic resubscribed. pingmaxnum, manage and ipvtype are accepted for UMQTT24 scripts and have no effect."),
	"MQTTClient.connect":           pyargs.NewSig("connect(clean_session=True)", "Connect to the broker; raises ValueError naming the cause on failure."),
	"MQTTClient.disconnect":        pyargs.NewSig("disconnect()", "Send DISCONNECT and close the link."),
	"MQTTClient.close":             pyargs.NewSig("close()", "Close the link without DISCONNECT."),
	"MQTTClient.ping":              pyargs.NewSig("ping()", "Send a PINGREQ."),
	"MQTTClient.publish":           pyargs.NewSig("publish(topic, msg, retain=False, qos=0)", "Publish msg (str or bytes) on topic; True when sent (QoS 1: acknowledged), else False."),
	"MQTTClient.subscribe":         pyargs.NewSig("subscribe(topic, qos=0)", "Subscribe to topic; messages reach the set_callback function."),
	"MQTTClient.unsubscribe":       pyargs.NewSig("unsubscribe(topic)", "Unsubscribe from topic."),
	"MQTTClient.set_callback":      pyargs.NewSig("set_callback(f)", "Call f(topic, msg) (both bytes) for each message, inside wait_msg/check_msg."),
	"MQTTClient.error_register_cb": pyargs.NewSig("error_register_cb(f)", "Call f(err) on link errors and reconnects ('reconnect_start', 'reconnect_success')."),
	"MQTTClient.set_last_will":     pyargs.NewSig("set_last_will(topic, msg, retain=False, qos=0)", "The message the broker publishes if this client vanishes; call before connect."),
	"MQTTClient.wait_msg":          pyargs.NewSig("wait_msg()", "Wait for one incoming message and run the callback on it."),
	"MQTTClient.check_msg":         pyargs.NewSig("check_msg()", "Run the callback on a waiting message, if any; never blocks."),
	"MQTTClient.get_mqttsta":       pyargs.NewSig("get_mqttsta()", "Link state: 0 connected, 1 connecting, 2 server closed, -1 error."),
}

// params are the binder's names for member ("MQTTClient.publish").
func params(member string) []string { return sigs[member].Names() }

func init() { runtime.RegisterSigs("umqtt", sigs) }
