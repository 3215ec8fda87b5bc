package legacy

import "github.com/qstar-dev/qstar/runtime"

// Docs of the legacy azure-iothub-device-client / azure-iothub-service-client
// modules, for help(), __doc__ and `qstar stubs`.
func init() {
	device := map[string]string{
		"IoTHubClient":                       "IoTHubClient(connection_string, protocol)\nThe legacy device client: send_event_async, set_message_callback, set_device_twin_callback, send_reported_state, set_device_method_callback, set_option.",
		"IoTHubModuleClient":                 "IoTHubModuleClient\nThe legacy module client: create_from_connection_string, then as IoTHubClient.",
		"IoTHubMessage":                      "IoTHubMessage(data)\nA message: get_bytearray, get_string, properties(), message_id, correlation_id.",
		"IoTHubMap":                          "IoTHubMap()\nA string map for message properties: add, add_or_update, get_internals, contains_key.",
		"DeviceMethodReturnValue":            "DeviceMethodReturnValue()\nWhat a device method callback returns: response (JSON text) and status.",
		"IoTHubError":                        "IoTHubError\nThe base of the SDK's errors.",
		"IoTHubClientError":                  "IoTHubClientError\nRaised when a client call fails.",
		"IoTHubMapError":                     "IoTHubMapError\nRaised by IoTHubMap.",
		"IoTHubMessageError":                 "IoTHubMessageError\nRaised by IoTHubMessage.",
		"IoTHubTransportProvider":            "IoTHubTransportProvider\nThe protocols: MQTT, MQTT_WS, AMQP, AMQP_WS, HTTP (qstar speaks MQTT).",
		"IoTHubClientResult":                 "IoTHubClientResult\nThe result of a client call: OK, INVALID_ARG, ERROR, ...",
		"IoTHubClientConfirmationResult":     "IoTHubClientConfirmationResult\nThe result a send confirmation callback gets: OK, BECAUSE_DESTROY, MESSAGE_TIMEOUT, ERROR.",
		"IoTHubClientConnectionStatusReason": "IoTHubClientConnectionStatusReason\nWhy the connection status changed.",
		"IoTHubClientRetryPolicy":            "IoTHubClientRetryPolicy\nThe reconnection policies set_retry_policy takes.",
		"IoTHubClientStatus":                 "IoTHubClientStatus\nIDLE or BUSY, from get_send_status.",
		"IoTHubConnectionStatus":             "IoTHubConnectionStatus\nAUTHENTICATED or UNAUTHENTICATED.",
		"IoTHubMessageContent":               "IoTHubMessageContent\nBYTEARRAY, STRING or UNKNOWN.",
		"IoTHubMessageDispositionResult":     "IoTHubMessageDispositionResult\nWhat a message callback returns: ACCEPTED, REJECTED, ABANDONED.",
		"IoTHubSecurityType":                 "IoTHubSecurityType\nSAS, X509 and the other authentication kinds.",
		"IoTHubTwinUpdateState":              "IoTHubTwinUpdateState\nCOMPLETE (the whole twin) or PARTIAL (a desired-property patch).",
	}
	runtime.RegisterDocs("iothub_client", device)
	runtime.RegisterDocs("iothub_service_client", map[string]string{
		"IoTHubRegistryManager":           "IoTHubRegistryManager(connection_string)\nThe legacy registry manager: create_device, get_device, delete_device, get_device_list.",
		"IoTHubDeviceTwin":                "IoTHubDeviceTwin(connection_string)\nget_twin(device_id) and update_twin(device_id, patch) over the hub's REST API.",
		"IoTHubDeviceMethod":              "IoTHubDeviceMethod(connection_string)\ninvoke(device_id, method_name, payload, timeout) calls a direct method.",
		"IoTHubRegistryManagerAuthMethod": "IoTHubRegistryManagerAuthMethod\nSHARED_PRIVATE_KEY or X509_THUMBPRINT.",
		"IoTHubRegistryManagerResult":     "IoTHubRegistryManagerResult\nThe result of a registry call.",
		"IoTHubDeviceConnectionState":     "IoTHubDeviceConnectionState\nCONNECTED or DISCONNECTED.",
		"IoTHubDeviceStatus":              "IoTHubDeviceStatus\nENABLED or DISABLED.",
		"IoTHubDeviceMethodResult":        "IoTHubDeviceMethodResult\nThe result of a method call.",
		"IoTHubDeviceTwinResult":          "IoTHubDeviceTwinResult\nThe result of a twin call.",
		"IoTHubError":                     "IoTHubError\nThe base of the SDK's errors.",
		"IoTHubMapError":                  "IoTHubMapError\nRaised by IoTHubMap.",
		"IoTHubMessageError":              "IoTHubMessageError\nRaised by IoTHubMessage.",
		"IoTHubMessagingError":            "IoTHubMessagingError\nRaised by the messaging client.",
		"IoTHubRegistryManagerError":      "IoTHubRegistryManagerError\nRaised when a registry call fails.",
		"IoTHubDeviceTwinError":           "IoTHubDeviceTwinError\nRaised when a twin call fails.",
		"IoTHubDeviceMethodError":         "IoTHubDeviceMethodError\nRaised when a method call fails.",
		"IoTHubDeviceConfigurationError":  "IoTHubDeviceConfigurationError\nRaised when a configuration call fails.",
		"IoTHubServiceClientAuthError":    "IoTHubServiceClientAuthError\nRaised when the service credentials are refused.",
	})
}
