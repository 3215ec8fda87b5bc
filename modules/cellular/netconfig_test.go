package cellular_test

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/cellular"
	"github.com/qstar-dev/qstar/modules/cellular/atsim"
)

// getConfig starts as the docs' session, (8, False); setConfig changes
// the modem's AT+QCFG scan settings, which getConfig reads back, on both
// backends; modes nwscanmode cannot express are refused.
func TestNetConfigBothBackends(t *testing.T) {
	backends(t, loadProfile(t, "testdata/profile.json"), func(t *testing.T, s *session, _ *atsim.Sim, _ *cellular.SimModem) {
		got := s.eval("net.getConfig()",
			"net.setConfig(5)", "net.getConfig()",
			"net.setConfig(0, 1)", "net.getConfig()",
			"net.setConfig(15, 0)", "net.getConfig()",
			"net.setConfig(11)", "net.getConfig()",
			"net.setConfig(6)", "net.setConfig(19)", "net.getConfig()")
		want := "(8, False) 0 (5, False) 0 (0, True) 0 (15, False) 0 (11, False) -1 -1 (11, False)"
		if g := strings.Join(got, " "); g != want {
			t.Errorf("got  %s\nwant %s", g, want)
		}
	})
}

func TestNetConfigArguments(t *testing.T) {
	s := newSession(t, nil)
	for expr, want := range map[string]string{
		"net.setConfig()":        "setConfig() missing required argument 'mode'",
		"net.setConfig(5, 2)":    "setConfig: roaming must be 0 or 1",
		"net.setConfig('5')":     "want an int, not string",
		"net.setConfig(5, None)": "",
		"net.getConfig(1)":       "getConfig() takes 0 arguments (1 given)",
		"net.setConfig(mode=5)":  "takes no keyword arguments",
	} {
		err := s.exec("load(\"net\", \"net\")\n" + expr + "\n")
		if want == "" {
			if err != nil {
				t.Errorf("%s: %v", expr, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", expr, err, want)
		}
	}
}
