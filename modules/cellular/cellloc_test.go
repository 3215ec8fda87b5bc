package cellular_test

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/cellular"
	"github.com/qstar-dev/qstar/modules/cellular/atsim"
	"github.com/qstar-dev/qstar/modules/cellular/profile"
)

// cellLocator.getLocation answers the profile's cell position through
// AT+QCELLLOC on both backends, with the firmware's error codes for bad
// arguments, an idle PDP context and a radio that is off.
func TestCellLocatorBothBackends(t *testing.T) {
	p, err := profile.Parse([]byte(`{"network": {"location": {"longitude": 121.362404, "latitude": 31.218192, "accuracy": 300}}}`))
	if err != nil {
		t.Fatal(err)
	}
	backends(t, p, func(t *testing.T, s *session, _ *atsim.Sim, _ *cellular.SimModem) {
		src := `load("cellLocator", "getLocation")
load("net", "net")
key = "xGP77d2z0i91s67n"
print(getLocation("www.queclocator.com", 80, key, 8, 1))
print(getLocation("x" * 256, 80, key, 8), getLocation("www.queclocator.com", 80, "short", 8), getLocation("www.queclocator.com", 80, key, 301), getLocation("www.queclocator.com", 80, key, 8, 3))
net.setModemFun(4)
print(getLocation("www.queclocator.com", 80, key, 8))
`
		got := s.mustExec(src)
		want := "(121.362404, 31.218192, 300)\n-2 -3 -4 -5\n-6\n"
		if got != want {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
	})
}

// The built-in profile answers with the position the cellLocator docs show.
func TestCellLocatorDefaultProfile(t *testing.T) {
	s := newSession(t, nil)
	got := s.mustExec("load(\"cellLocator\", \"getLocation\")\nprint(getLocation(\"www.queclocator.com\", 80, \"xGP77d2z0i91s67n\", 8))\n")
	if strings.TrimSpace(got) != "(117.1138, 31.82279, 550)" {
		t.Errorf("got %q", got)
	}
}
