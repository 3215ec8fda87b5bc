package wifiscan_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/std/thread"
	_ "github.com/qstar-dev/qstar/modules/std/utime"
	_ "github.com/qstar-dev/qstar/modules/wifiscan"
)

func run(t *testing.T, spec, src string) (string, error) {
	t.Helper()
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { env.Config["board"] = spec })
	err := runtimetest.Exec(in, "test.py", src)
	in.Wait()
	return out.String(), err
}

func TestScanFromProfile(t *testing.T) {
	got, err := run(t, "sim:testdata/wifi.json", `
import wifiScan
print(wifiScan.support(), wifiScan.getState())
print(wifiScan.control(1), wifiScan.getState(), wifiScan.control(2))
print(wifiScan.getCfgParam())
print(wifiScan.start())
print(wifiScan.setCfgParam(10, 1, 4), wifiScan.getCfgParam())
print(wifiScan.start())
print(wifiScan.setCfgParam(3, 1, 4), wifiScan.setCfgParam(10, 4, 4), wifiScan.setCfgParam(10, 1, 31), wifiScan.setCfgParam(10, 1, 4, 2))
print(wifiScan.setConfig(5, 2, 6, 1, 0), wifiScan.getConfig())
print(wifiScan.asyncStart())
def cb(args):
    print('cb', args[0], args[1][0])
print(wifiScan.setCallback(cb), wifiScan.setCallback(1))
print(wifiScan.asyncStart())
print(wifiScan.control(0), wifiScan.getState())
`)
	if err != nil {
		t.Fatal(err, got)
	}
	want := `True False
0 True -1
(5, 2, 10, 0)
(5, [('66:77:88:99:AA:BB', -35), ('0A:0B:0C:0D:0E:0F', -60), ('10:20:30:40:50:60', -70), ('00:11:22:33:44:55', -80), ('AB:CD:EF:01:23:45', -90)])
0 (10, 1, 4, 0)
(4, [('66:77:88:99:AA:BB', -35), ('0A:0B:0C:0D:0E:0F', -60), ('10:20:30:40:50:60', -70), ('00:11:22:33:44:55', -80)])
-1 -1 -1 -1
0 (5, 2, 6, 1)
-1
0 -1
0
0 False
cb 5 ('66:77:88:99:AA:BB', -35)
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestDefaultProfileAndErrors(t *testing.T) {
	got, err := run(t, "sim", "import wifiScan\nr = wifiScan.start()\nprint(r[0], len(r[1]), r[1][0][1] >= r[1][-1][1])\n")
	if err != nil || got != "3 3 True\n" {
		t.Errorf("default profile: %q %v", got, err)
	}
	_, err = run(t, "sim", "import wifiScan\nwifiScan.start(1)\n")
	if err == nil {
		t.Error("start(1): no error")
	}
	if _, err := board.ParseProfile([]byte(`{"wifi": [{"mac": "00:11:22:33:44", "rssi": -50}]}`)); err == nil {
		t.Error("a five-byte MAC passed the profile check")
	}
	if _, err := board.ParseProfile([]byte(`{"wifi": [{"mac": "00:11:22:33:44:55", "rssi": 5}]}`)); err == nil {
		t.Error("a positive rssi passed the profile check")
	}
}

func TestParseIWScan(t *testing.T) {
	out := `BSS 3c:84:6a:90:0b:17(on wlan0)
	last seen: 1234.5s [boottime]
	freq: 2412
	signal: -63.00 dBm
	SSID: home
BSS a4:5e:60:1c:22:f0(on wlan0) -- associated
	signal: -41.50 dBm
	SSID: office
BSS zz:84:6a:90:0b:17(on wlan0)
	signal: -20.00 dBm
BSS 11:22:33:44:55:66(on wlan0)
	SSID: no signal line
`
	aps := board.ParseIWScan(out)
	want := []board.WiFiAP{{MAC: "A4:5E:60:1C:22:F0", RSSI: -42}, {MAC: "3C:84:6A:90:0B:17", RSSI: -63}}
	if len(aps) != len(want) {
		t.Fatalf("got %v, want %v", aps, want)
	}
	for i := range want {
		if aps[i] != want[i] {
			t.Errorf("ap %d: got %v, want %v", i, aps[i], want[i])
		}
	}
}
