package legacy_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	_ "github.com/qstar-dev/qstar/modules/all"
	"github.com/qstar-dev/qstar/modules/sdk/internal/sdktest"
)

const serviceCS = "HostName=myhub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="

func seed(t *testing.T, name string, replace ...string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "scripts", name))
	if err != nil {
		t.Fatal(err)
	}
	return strings.NewReplacer(replace...).Replace(string(src))
}

// Seed 000's three programs against one local IoT Hub, with their
// placeholders filled in: identities are created (and a second run hits
// DEVICE_EXIST, as the legacy SDK does), the twin program as written
// fails on its own id case mismatch, and with the ids fixed its desired
// patch reaches the module program's twin callback.
func TestSeed000Programs(t *testing.T) {
	em := sdktest.Emulator(t, nil)

	create := seed(t, "seed000_create_identities.py", `sys.argv[1] if len(sys.argv) > 1 else "YourConnString"`, `"`+serviceCS+`"`)
	out := sdktest.Start(t, em, "seed000.py", create).Wait()
	m := regexp.MustCompile(`device/new_module <myFirstDevice/myFirstModule> has primary key = (\S+)`).FindStringSubmatch(out)
	if !strings.Contains(out, "new_device <myFirstDevice> has primary key = ") || m == nil {
		t.Fatalf("create identities:\n%s", out)
	}
	if out := sdktest.Start(t, em, "seed000.py", create).Wait(); out != "Unexpected error IoTHubRegistryManager.create_device, IoTHubRegistryManagerResult.DEVICE_EXIST\n" {
		t.Errorf("second run: %q", out)
	}

	update := seed(t, "seed000_update_twin.py", `sys.argv[1] if len(sys.argv) > 1 else "FILL IN CONNECTION STRING"`, `"`+serviceCS+`"`,
		`DEVICE_ID = "myFirstDevice"`, `DEVICE_ID = "MyFirstDevice"`, `MODULE_ID = "myFirstModule"`, `MODULE_ID = "MyFirstModule"`) // as the doc spells them
	if out := sdktest.Start(t, em, "seed000.py", update).Wait(); out != "Unexpected error IoTHubDeviceTwin.get_module_twin, IoTHubDeviceTwinResult.ERROR\n" {
		t.Errorf("update as written: %q", out)
	}

	moduleCS := "HostName=myhub.azure-devices.net;DeviceId=myFirstDevice;ModuleId=myFirstModule;SharedAccessKey=" + m[1]
	device := sdktest.Start(t, em, "seed000.py", seed(t, "seed000_module_twin.py", `sys.argv[1] if len(sys.argv) > 1 else ""`, `"`+moduleCS+`"`))
	defer device.In.CancelAll("test over")
	device.WaitFor(`updateStatus: COMPLETE\ncontext: 1234\npayload: \{"desired":\{"\$version":1\},"reported":\{"\$version":1\}\}`)

	fixed := strings.NewReplacer(`"MyFirstDevice"`, `"myFirstDevice"`, `"MyFirstModule"`, `"myFirstModule"`).Replace(update)
	out = sdktest.Start(t, em, "seed000.py", fixed).Wait()
	if !strings.Contains(out, "Twin before update    :\n{") || !strings.Contains(out, `"telemetryInterval":122`) {
		t.Errorf("update with fixed ids:\n%s", out)
	}
	device.WaitFor(`updateStatus: PARTIAL\ncontext: 1234\npayload: \{"\$version":2,"telemetryInterval":122\}`)
}
