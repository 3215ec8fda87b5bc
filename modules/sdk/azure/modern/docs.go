package modern

import "github.com/qstar-dev/qstar/runtime"

// Docs of the azure-iot-device / azure-iot-hub modules, for help(),
// __doc__ and `qstar stubs`.
func init() {
	runtime.RegisterDocs("azure.iot.device", map[string]string{
		"IoTHubDeviceClient": "IoTHubDeviceClient\nA device's IoT Hub client (azure-iot-device v2, MQTT): create_from_connection_string, connect, send_message, receive_method_request, get_twin, patch_twin_reported_properties, on_message_received, shutdown.",
		"IoTHubModuleClient": "IoTHubModuleClient\nAs IoTHubDeviceClient, for a module identity of a device.",
		"Message":            "Message(data, message_id=None, content_encoding=None, content_type=None, output_name=None)\nA device-to-cloud or cloud-to-device message: data, custom_properties, message_id, content_type.",
		"MethodResponse":     "MethodResponse(request_id, status, payload=None)\nThe answer to a direct method; MethodResponse.create_from_method_request(request, status, payload).",
		"exceptions":         "exceptions\nThe SDK's exception classes (azure.iot.device.exceptions).",
	})
	errs := map[string]string{}
	for name, what := range map[string]string{
		"ClientError": "an operation failed in the client", "ConnectionDroppedError": "the connection dropped during an operation",
		"ConnectionFailedError": "the connection could not be made", "CredentialError": "the hub refused the credentials",
		"NoConnectionError": "an operation needs a connection and there is none", "OperationCancelled": "an operation was cancelled",
		"OperationTimeout": "an operation timed out", "ServiceError": "the hub answered with an error",
	} {
		errs[name] = name + "\nRaised when " + what + "."
	}
	runtime.RegisterDocs("azure.iot.device.exceptions", errs)
	runtime.RegisterDocs("azure.iot.hub", map[string]string{
		"IoTHubRegistryManager": "IoTHubRegistryManager\nThe service side (azure-iot-hub): from_connection_string, get_twin, update_twin, invoke_device_method, send_c2d_message.",
		"models":                "models\nTwin, TwinProperties and CloudToDeviceMethod (azure.iot.hub.models).",
	})
	runtime.RegisterDocs("azure.iot.hub.models", map[string]string{
		"Twin":                "Twin(properties=None, tags=None, etag=None)\nA device twin: properties (desired, reported), tags, etag.",
		"TwinProperties":      "TwinProperties(desired=None, reported=None)\nA twin's desired and reported properties.",
		"CloudToDeviceMethod": "CloudToDeviceMethod(method_name, payload=None, response_timeout_in_seconds=None, connect_timeout_in_seconds=None)\nA direct method to invoke on a device.",
	})
	runtime.RegisterDocs("msrest.exceptions", map[string]string{
		"HttpOperationError": "HttpOperationError\nRaised by IoTHubRegistryManager when the hub answers an HTTP error (response.status_code).",
	})
}
