package onenet

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of auth.onenet, for help(), __doc__ and `qstar
// stubs`; TestDocsMatchBinders keeps them honest.
func init() {
	runtime.RegisterDocs("auth.onenet", map[string]string{
		"token":              "token(product_id, access_key, device_name=None, expire_time=None, method='sha1', version='2018-10-31')\nThe OneNET security token (version, res, et, method, sign); product-level (res products/{pid}) without device_name.",
		"mqtt_credentials":   "mqtt_credentials(product_id, access_key, device_name, expire_time=None, method='sha1', product_level=False, ssl=False, keepalive=60)\nA dict MQTTClient(**creds) takes as is: client_id, server, port, user, password token, keepalive, ssl.",
		"topics":             "topics(product_id, device_name)\nA dict of the device's OneJSON topics: property post/set, event post, desired get, commands and their replies.",
		"cmd_response_topic": "cmd_response_topic(product_id, device_name, cmd_id)\n$sys/{pid}/{dn}/cmd/response/{cmd_id}.",
		"cmd_id":             "cmd_id(topic)\nThe cmd_id at the end of a $sys/.../cmd/request/{cmd_id} topic.",
		"SERVER":             "SERVER\nThe OneNET MQTT host.",
		"TLS_SERVER":         "TLS_SERVER\nThe OneNET MQTT-over-TLS host.",
		"PORT":               "PORT\n1883, plain MQTT.",
		"TLS_PORT":           "TLS_PORT\n8883, MQTT over TLS.",
		"VERSION":            "VERSION\nThe token version, '2018-10-31'.",
	})
}
