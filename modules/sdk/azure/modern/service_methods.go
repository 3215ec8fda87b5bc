package modern

import (
	"encoding/json"

	"github.com/qstar-dev/qstar/modules/sdk/azure/hub"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func text(a *pyargs.Args, name string) string {
	s, _ := pyargs.AsText(a.Value(name))
	return s
}

func sasBody(fields map[string]any, a *pyargs.Args) []byte {
	fields["authentication"] = map[string]any{"type": "sas", "symmetricKey": map[string]any{
		"primaryKey": text(a, "primary_key"), "secondaryKey": text(a, "secondary_key")}}
	b, _ := json.Marshal(fields)
	return b
}

func get(path func(a *pyargs.Args) string) func(a *pyargs.Args) (string, string, string, []byte, error) {
	return func(a *pyargs.Args) (string, string, string, []byte, error) { return "GET", path(a), "", nil, nil }
}

func twinPatch(method string, path func(a *pyargs.Args) string, twinArg string) func(a *pyargs.Args) (string, string, string, []byte, error) {
	return func(a *pyargs.Args) (string, string, string, []byte, error) {
		j, err := serialize(a.Value(twinArg))
		if err != nil {
			return "", "", "", nil, err
		}
		body, _ := json.Marshal(j)
		return method, path(a), quoteEtag(a.Value("etag")), body, nil
	}
}

func devicePath(a *pyargs.Args) string { return hub.DevicePath(text(a, "device_id"), "") }
func modulePath(a *pyargs.Args) string {
	return hub.DevicePath(text(a, "device_id"), text(a, "module_id"))
}
func deviceTwin(a *pyargs.Args) string { return hub.TwinPath(text(a, "device_id"), "") }
func moduleTwin(a *pyargs.Args) string {
	return hub.TwinPath(text(a, "device_id"), text(a, "module_id"))
}

// registryMethods are IoTHubRegistryManager's calls, as azure-iot-hub 2.7
// makes them (C.3).
var registryMethods = map[string]restCall{
	"create_device_with_sas": {
		params: []string{"device_id", "primary_key", "secondary_key", "status", "iot_edge?", "status_reason?", "device_scope?", "parent_scopes?"},
		request: func(a *pyargs.Args) (string, string, string, []byte, error) {
			edge := a.Value("iot_edge") != nil && bool(a.Value("iot_edge").Truth())
			return "PUT", devicePath(a), "", sasBody(map[string]any{"deviceId": text(a, "device_id"), "status": text(a, "status"),
				"capabilities": map[string]any{"iotEdge": edge}}, a), nil
		},
		ok: []int{200, 201}, model: "Device"},
	"create_module_with_sas": {
		params: []string{"device_id", "module_id", "managed_by", "primary_key", "secondary_key"},
		request: func(a *pyargs.Args) (string, string, string, []byte, error) {
			return "PUT", modulePath(a), "", sasBody(map[string]any{"deviceId": text(a, "device_id"),
				"moduleId": text(a, "module_id"), "managedBy": text(a, "managed_by")}, a), nil
		},
		ok: []int{200, 201}, model: "Module"},
	"update_module_with_sas": {
		params: []string{"device_id", "module_id", "managed_by", "etag", "primary_key", "secondary_key"},
		request: func(a *pyargs.Args) (string, string, string, []byte, error) {
			return "PUT", modulePath(a), quoteEtag(a.Value("etag")), sasBody(map[string]any{"deviceId": text(a, "device_id"),
				"moduleId": text(a, "module_id"), "managedBy": text(a, "managed_by")}, a), nil
		},
		ok: []int{200, 201}, model: "Module"},
	"get_device":      {params: []string{"device_id"}, request: get(devicePath), ok: []int{200}, model: "Device"},
	"get_module":      {params: []string{"device_id", "module_id"}, request: get(modulePath), ok: []int{200}, model: "Module"},
	"get_modules":     {params: []string{"device_id"}, request: get(func(a *pyargs.Args) string { return devicePath(a) + "/modules" }), ok: []int{200}, model: "Module"},
	"get_twin":        {params: []string{"device_id"}, request: get(deviceTwin), ok: []int{200}, model: "Twin"},
	"get_module_twin": {params: []string{"device_id", "module_id"}, request: get(moduleTwin), ok: []int{200}, model: "Twin"},
	"delete_device": {params: []string{"device_id", "etag?"}, ok: []int{204},
		request: func(a *pyargs.Args) (string, string, string, []byte, error) {
			return "DELETE", devicePath(a), quoteEtag(a.Value("etag")), nil, nil
		}},
	"delete_module": {params: []string{"device_id", "module_id", "etag?"}, ok: []int{204},
		request: func(a *pyargs.Args) (string, string, string, []byte, error) {
			return "DELETE", modulePath(a), quoteEtag(a.Value("etag")), nil, nil
		}},
	"update_twin":         {params: []string{"device_id", "device_twin", "etag?"}, request: twinPatch("PATCH", deviceTwin, "device_twin"), ok: []int{200}, model: "Twin"},
	"replace_twin":        {params: []string{"device_id", "device_twin", "etag?"}, request: twinPatch("PUT", deviceTwin, "device_twin"), ok: []int{200}, model: "Twin"},
	"update_module_twin":  {params: []string{"device_id", "module_id", "module_twin", "etag?"}, request: twinPatch("PATCH", moduleTwin, "module_twin"), ok: []int{200}, model: "Twin"},
	"replace_module_twin": {params: []string{"device_id", "module_id", "module_twin", "etag?"}, request: twinPatch("PUT", moduleTwin, "module_twin"), ok: []int{200}, model: "Twin"},
	"invoke_device_method": {params: []string{"device_id", "direct_method_request"}, ok: []int{200}, model: "CloudToDeviceMethodResult",
		request: methodRequest(deviceTwin)},
	"invoke_device_module_method": {params: []string{"device_id", "module_id", "direct_method_request"}, ok: []int{200},
		model: "CloudToDeviceMethodResult", request: methodRequest(moduleTwin)},
}

func methodRequest(path func(a *pyargs.Args) string) func(a *pyargs.Args) (string, string, string, []byte, error) {
	return func(a *pyargs.Args) (string, string, string, []byte, error) {
		j, err := serialize(a.Value("direct_method_request"))
		if err != nil {
			return "", "", "", nil, err
		}
		body, _ := json.Marshal(j)
		return "POST", path(a) + "/methods", "", body, nil
	}
}
