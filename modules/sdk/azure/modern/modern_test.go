package modern_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/emulator"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/all"
)

const serviceCS = "HostName=myhub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="

type script struct {
	t    *testing.T
	in   *runtime.Interp
	out  *runtimetest.Output
	done chan error
}

func start(t *testing.T, em *emulator.Emulator, src string) *script {
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { env.Dial, env.RootCAs = em.Dial, em.RootCAs() })
	s := &script{t: t, in: in, out: out, done: make(chan error, 1)}
	go func() { s.done <- runtimetest.ExecFile(in, "modern.py", src) }()
	return s
}

func (s *script) wait() string {
	s.t.Helper()
	select {
	case err := <-s.done:
		if err != nil {
			s.t.Fatalf("script failed: %v\n%s", err, s.out.String())
		}
	case <-time.After(20 * time.Second):
		s.t.Fatalf("script did not finish:\n%s", s.out.String())
	}
	return s.out.String()
}

func (s *script) waitFor(re string) []string {
	s.t.Helper()
	r := regexp.MustCompile(re)
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if m := r.FindStringSubmatch(s.out.String()); m != nil {
			return m
		}
	}
	s.t.Fatalf("no %q in output:\n%s", re, s.out.String())
	return nil
}

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
	em, err := emulator.Start(emulator.Options{Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	defer em.Close()
	out := start(t, em, createModule).wait()
	if !strings.Contains(out, "created device gateway-7 enabled") || !strings.Contains(out, "created module sensor") {
		t.Fatalf("first run:\n%s", out)
	}
	out = start(t, em, createModule).wait()
	if !strings.Contains(out, "device exists: Operation returned an invalid status code 'Conflict'") ||
		!strings.Contains(out, "module exists:") {
		t.Fatalf("second run:\n%s", out)
	}
	key := regexp.MustCompile(`key (\S+)`).FindStringSubmatch(out)[1]
	moduleCS := "HostName=myhub.azure-devices.net;DeviceId=gateway-7;ModuleId=sensor;SharedAccessKey=" + key

	device := start(t, em, `
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
	defer device.in.CancelAll("test over")
	device.waitFor(`reported 1.0 2`)
	device.waitFor(`desired patch \{'\$version': 1\}`) // ensure_desired_properties: the first GET
	device.waitFor(`ready`)

	out = start(t, em, `
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
`).wait()
	for _, want := range []string{"reported 10", "desired 30", "method 200 {'rebooted': True}"} {
		if !strings.Contains(out, want) {
			t.Errorf("service side: no %q in\n%s", want, out)
		}
	}
	device.waitFor(`desired patch \{'\$version': 2, 'interval': 30\}`)
	device.waitFor(`method reboot \{'delay': 1\}`)
}
