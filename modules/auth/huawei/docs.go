package huawei

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of auth.huawei, for help(), __doc__ and `qstar
// stubs`; TestDocsMatchBinders keeps them honest.
func init() {
	runtime.RegisterDocs("auth.huawei", map[string]string{
		"timestamp":        "timestamp(timestamp=None)\nThe UTC time as YYYYMMDDHH (now when timestamp, epoch seconds, is None).",
		"password":         "password(secret, timestamp=None)\nThe MQTT password: hex HMAC-SHA256 of secret keyed with the YYYYMMDDHH timestamp.",
		"client_id":        "client_id(device_id, timestamp=None, check_timestamp=False)\nThe MQTT client id {device_id}_0_{0|1}_{YYYYMMDDHH}: 1 when the platform checks the timestamp.",
		"mqtt_credentials": "mqtt_credentials(device_id, secret, timestamp=None, check_timestamp=False, server=None, ssl=False, keepalive=60)\nA dict MQTTClient(**creds) takes as is: client_id, server, port, user, password, keepalive, ssl.",
		"topics":           "topics(device_id)\nA dict of the device's IoTDA topics: properties report/set/get, commands, messages, events and their responses.",
		"request_id":       "request_id(topic)\nThe request_id=... at the end of a command or property topic.",
		"response_topic":   "response_topic(topic)\nThe response topic for a request topic (request_id kept).",
		"SERVER":           "SERVER\nThe default IoTDA MQTT host.",
		"PORT":             "PORT\n1883, plain MQTT.",
		"TLS_PORT":         "TLS_PORT\n8883, MQTT over TLS.",
	})
}
