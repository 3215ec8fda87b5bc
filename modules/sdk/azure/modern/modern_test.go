package modern_test

import (
	"regexp"
	"strings"
	"testing"

	_ "github.com/qstar-dev/qstar/modules/all"
	"github.com/qstar-dev/qstar/modules/sdk/internal/sdktest"
)

const serviceCS = "HostName=myhub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="

const createModule = `
from azure.iot.hub import IoTHubRegistryManager
from msrest.exceptions import HttpOperationError

registry = IoTHubRegistryManager.from_connection_string("` + serviceCS + `")
try:
    device = registry.create_device_with_sas("gateway-7", "", "", "enabled")
    print("created device", device.device_id, device.status)
except HttpOperationError as e:
    print("device exists:", e)
    device = registry.get_device("gateway-7")
try:
    module = registry.create_module_with_sas("gateway-7", "sensor", "", "", "")
    print("created module", module.module_id)
except HttpOperationError as e:
    print("module exists:", e)
    module = registry.get_module("gateway-7", "sensor")
print("key", module.authentication.symmetric_key.primary_key)
`

// The current SDKs end to end: create a device and a module (a second run
// falls back to get_* on 409), a module client reports properties and
// receives a desired patch that the service side sends with
// update_module_twin, and answers a direct method.
func TestModernSDKs(t *testing.T) {
	em := sdktest.Emulator(t, nil)
	out := sdktest.Start(t, em, "modern.py", createModule).Wait()
	if !strings.Contains(out, "created device gateway-7 enabled") || !strings.Contains(out, "created module sensor") {
		t.Fatalf("first run:\n%s", out)
	}
	out = sdktest.Start(t, em, "modern.py", createModule).Wait()
	if !strings.Contains(out, "device exists: Operation returned an invalid status code 'Conflict'") ||
		!strings.Contains(out, "module exists:") {
		t.Fatalf("second run:\n%s", out)
	}
	key := regexp.MustCompile(`key (\S+)`).FindStringSubmatch(out)[1]
	moduleCS := "HostName=myhub.azure-devices.net;DeviceId=gateway-7;ModuleId=sensor;SharedAccessKey=" + key

	device := sdktest.Start(t, em, "modern.py", `
import time
from azure.iot.device import IoTHubModuleClient, MethodResponse

client = IoTHubModuleClient.create_from_connection_string("`+moduleCS+`")
client.connect()
client.patch_twin_reported_properties({"firmware": "1.0", "interval": 10})
twin = client.get_twin()
print("reported", twin["reported"]["firmware"], twin["reported"]["$version"])

def on_patch(patch):
    print("desired patch", patch)

def on_method(request):
    print("method", request.name, request.payload)
    client.send_method_response(MethodResponse.create_from_method_request(request, 200, {"rebooted": True}))

client.on_twin_desired_properties_patch_received = on_patch
client.on_method_request_received = on_method
client.send_message("hello from the module")
print("ready")
while True:
    time.sleep(1)
`)
	defer device.In.CancelAll("test over")
	device.WaitFor(`reported 1.0 2`)
	device.WaitFor(`desired patch \{'\$version': 1\}`) // ensure_desired_properties: the first GET
	device.WaitFor(`ready`)

	out = sdktest.Start(t, em, "modern.py", `
from azure.iot.hub import IoTHubRegistryManager
from azure.iot.hub.models import Twin, TwinProperties, CloudToDeviceMethod

registry = IoTHubRegistryManager("`+serviceCS+`")
twin = registry.get_module_twin("gateway-7", "sensor")
print("reported", twin.properties.reported["interval"])
patch = Twin(properties=TwinProperties(desired={"interval": 30}))
twin = registry.update_module_twin("gateway-7", "sensor", patch, twin.etag)
print("desired", twin.properties.desired["interval"])
result = registry.invoke_device_module_method("gateway-7", "sensor", CloudToDeviceMethod(method_name="reboot", payload={"delay": 1}))
print("method", result.status, result.payload)
`).Wait()
	for _, want := range []string{"reported 10", "desired 30", "method 200 {'rebooted': True}"} {
		if !strings.Contains(out, want) {
			t.Errorf("service side: no %q in\n%s", want, out)
		}
	}
	device.WaitFor(`desired patch \{'\$version': 2, 'interval': 30\}`)
	device.WaitFor(`method reboot \{'delay': 1\}`)
}
