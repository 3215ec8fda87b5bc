package umqtt

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of umqtt, for help(), __doc__ and `qstar stubs`.
func init() {
	runtime.RegisterDocs("umqtt", map[string]string{
		"MQTTClient": "MQTTClient(client_id, server, port=0, user=None, password=None, keepalive=0, ssl=False, ssl_params={}, reconn=True, version=4)\n" +
			"An MQTT 3.1.1 client (version=3 for 3.1). port 0 picks 1883, or 8883 with ssl. With reconn=True a lost link is redialled and every topic resubscribed.",
		"MQTTClient.connect":           "connect(clean_session=True)\nConnect to the broker; raises ValueError naming the cause on failure.",
		"MQTTClient.disconnect":        "disconnect()\nSend DISCONNECT and close the link.",
		"MQTTClient.close":             "close()\nClose the link without DISCONNECT.",
		"MQTTClient.ping":              "ping()\nSend a PINGREQ.",
		"MQTTClient.publish":           "publish(topic, msg, retain=False, qos=0)\nPublish msg (str or bytes) on topic; True when sent (QoS 1: acknowledged), else False.",
		"MQTTClient.subscribe":         "subscribe(topic, qos=0)\nSubscribe to topic; messages reach the set_callback function.",
		"MQTTClient.unsubscribe":       "unsubscribe(topic)\nUnsubscribe from topic.",
		"MQTTClient.set_callback":      "set_callback(f)\nCall f(topic, msg) (both bytes) for each message, inside wait_msg/check_msg.",
		"MQTTClient.error_register_cb": "error_register_cb(f)\nCall f(err) on link errors and reconnects ('reconnect_start', 'reconnect_success').",
		"MQTTClient.set_last_will":     "set_last_will(topic, msg, retain=False, qos=0)\nThe message the broker publishes if this client vanishes; call before connect.",
		"MQTTClient.wait_msg":          "wait_msg()\nWait for one incoming message and run the callback on it.",
		"MQTTClient.check_msg":         "check_msg()\nRun the callback on a waiting message, if any; never blocks.",
		"MQTTClient.get_mqttsta":       "get_mqttsta()\nLink state: 0 connected, 1 connecting, 2 server closed, -1 error.",
	})
}
