package legacy_test

import (
	"os"
	"path/filepath"
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

func seed(t *testing.T, name string, replace ...string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "scripts", name))
	if err != nil {
		t.Fatal(err)
	}
	return strings.NewReplacer(replace...).Replace(string(src))
}

// script runs src against em; wait returns its output.
type script struct {
	t    *testing.T
	in   *runtime.Interp
	out  *runtimetest.Output
	done chan error
}

func start(t *testing.T, em *emulator.Emulator, src string) *script {
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { env.Dial, env.RootCAs = em.Dial, em.RootCAs() })
	s := &script{t: t, in: in, out: out, done: make(chan error, 1)}
	go func() { s.done <- runtimetest.ExecFile(in, "seed000.py", src) }()
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

// Seed 000's three programs against one local IoT Hub, with their
// placeholders filled in: identities are created (and a second run hits
// DEVICE_EXIST, as the legacy SDK does), the twin program as written
// fails on its own id case mismatch, and with the ids fixed its desired
// patch reaches the module program's twin callback.
func TestSeed000Programs(t *testing.T) {
	em, err := emulator.Start(emulator.Options{Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	defer em.Close()

	create := seed(t, "seed000_create_identities.py", `sys.argv[1] if len(sys.argv) > 1 else "YourConnString"`, `"`+serviceCS+`"`)
	out := start(t, em, create).wait()
	m := regexp.MustCompile(`device/new_module <myFirstDevice/myFirstModule> has primary key = (\S+)`).FindStringSubmatch(out)
	if !strings.Contains(out, "new_device <myFirstDevice> has primary key = ") || m == nil {
		t.Fatalf("create identities:\n%s", out)
	}
	if out := start(t, em, create).wait(); out != "Unexpected error IoTHubRegistryManager.create_device, IoTHubRegistryManagerResult.DEVICE_EXIST\n" {
		t.Errorf("second run: %q", out)
	}

	update := seed(t, "seed000_update_twin.py", `sys.argv[1] if len(sys.argv) > 1 else "FILL IN CONNECTION STRING"`, `"`+serviceCS+`"`,
		`DEVICE_ID = "myFirstDevice"`, `DEVICE_ID = "MyFirstDevice"`, `MODULE_ID = "myFirstModule"`, `MODULE_ID = "MyFirstModule"`) // as the doc spells them
	if out := start(t, em, update).wait(); out != "Unexpected error IoTHubDeviceTwin.get_module_twin, IoTHubDeviceTwinResult.ERROR\n" {
		t.Errorf("update as written: %q", out)
	}

	moduleCS := "HostName=myhub.azure-devices.net;DeviceId=myFirstDevice;ModuleId=myFirstModule;SharedAccessKey=" + m[1]
	device := start(t, em, seed(t, "seed000_module_twin.py", `sys.argv[1] if len(sys.argv) > 1 else ""`, `"`+moduleCS+`"`))
	defer device.in.CancelAll("test over")
	device.waitFor(`updateStatus: COMPLETE\ncontext: 1234\npayload: \{"desired":\{"\$version":1\},"reported":\{"\$version":1\}\}`)

	fixed := strings.NewReplacer(`"MyFirstDevice"`, `"myFirstDevice"`, `"MyFirstModule"`, `"myFirstModule"`).Replace(update)
	out = start(t, em, fixed).wait()
	if !strings.Contains(out, "Twin before update    :\n{") || !strings.Contains(out, `"telemetryInterval":122`) {
		t.Errorf("update with fixed ids:\n%s", out)
	}
	device.waitFor(`updateStatus: PARTIAL\ncontext: 1234\npayload: \{"\$version":2,"telemetryInterval":122\}`)
}
