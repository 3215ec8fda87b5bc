package cellular_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/cellular"
	"github.com/qstar-dev/qstar/modules/cellular/atsim"
	"github.com/qstar-dev/qstar/modules/cellular/profile"
)

// wifilocator answers the location service's position on both backends,
// with the documented codes for a bad token, no data call and no fix.
func TestWifiLocatorBothBackends(t *testing.T) {
	p, err := profile.Parse([]byte(`{"network": {"location": {"longitude": 121.362404, "latitude": 31.218192, "accuracy": 80}}}`))
	if err != nil {
		t.Fatal(err)
	}
	backends(t, p, func(t *testing.T, s *session, _ *atsim.Sim, _ *cellular.SimModem) {
		src := `load("wifilocator", "wifilocator")
load("net", "net")
load("dataCall", "dataCall")
w = wifilocator("xGP77d2z0i91s67n")
print(w.getwifilocator(), wifilocator("short").getwifilocator(), wifilocator().getwifilocator())
net.setModemFun(4)
print(w.getwifilocator())
`
		got := s.mustExec(src)
		want := "(121.362404, 31.218192, 80) -2 -2\n-1\n"
		if got != want {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
	})
}
