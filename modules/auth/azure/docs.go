package azure

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of auth.azure, for help(), __doc__ and `qstar
// stubs`; TestDocsMatchBinders keeps them honest.
func init() {
	runtime.RegisterDocs("auth.azure", map[string]string{
		"parse_connection_string": "parse_connection_string(connection_string)\nThe HostName, DeviceId, ModuleId, SharedAccessKey... fields of an IoT Hub connection string, as a dict.",
		"resource_uri":            "resource_uri(hostname, device_id=None, module_id=None)\nThe SAS resource URI: {hostname}/devices/{device_id}[/modules/{module_id}].",
		"sas_token":               "sas_token(uri, key, expiry=None, ttl=3600, key_name=None)\nA SharedAccessSignature for uri signed with the base64 key, expiring at expiry (epoch seconds) or ttl seconds from now.",
		"username":                "username(hostname, device_id, module_id=None, api_version=API_VERSION)\nThe MQTT user name: {hostname}/{device_id}/?api-version=...",
		"mqtt_credentials":        "mqtt_credentials(connection_string=None, hostname=None, device_id=None, module_id=None, shared_access_key=None, sas_token=None, expiry=None, ttl=3600, api_version=API_VERSION, keepalive=60)\nA dict of what umqtt.MQTTClient needs (client_id, server, port 8883, user, password SAS token, keepalive, ssl) from a connection string or its parts.",
		"telemetry_topic":         "telemetry_topic(device_id, module_id=None, properties=None)\ndevices/{id}/messages/events/ with the message properties URL-encoded after it.",
		"c2d_topic":               "c2d_topic(device_id)\nThe cloud-to-device subscription filter, devices/{id}/messages/devicebound/#.",
		"twin_get_topic":          "twin_get_topic(rid)\n$iothub/twin/GET/?$rid={rid}: ask for the whole twin.",
		"twin_patch_topic":        "twin_patch_topic(rid)\n$iothub/twin/PATCH/properties/reported/?$rid={rid}: report properties.",
		"method_response_topic":   "method_response_topic(status, rid)\n$iothub/methods/res/{status}/?$rid={rid}: answer a direct method.",
		"parse_topic":             "parse_topic(topic)\nA dict of what an incoming topic carries (kind, method name, status, rid, version, properties).",
		"API_VERSION":             "API_VERSION\nThe IoT Hub MQTT API version sent in the user name.",
		"METHOD_TOPIC":            "METHOD_TOPIC\nThe subscription filter for direct method calls.",
		"TWIN_DESIRED_TOPIC":      "TWIN_DESIRED_TOPIC\nThe subscription filter for desired-property patches.",
		"TWIN_RESPONSE_TOPIC":     "TWIN_RESPONSE_TOPIC\nThe subscription filter for twin request answers.",
	})
}
