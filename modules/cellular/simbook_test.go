package cellular_test

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/cellular"
	"github.com/qstar-dev/qstar/modules/cellular/atsim"
	"github.com/qstar-dev/qstar/modules/cellular/profile"
)

// The SIM phonebook keeps what writePhonebook stores, by range and by name
// prefix, on both backends; bad indexes and misses are -1.
func TestPhonebookBothBackends(t *testing.T) {
	backends(t, loadProfile(t, "testdata/profile.json"), func(t *testing.T, s *session, _ *atsim.Sim, _ *cellular.SimModem) {
		got := s.eval(
			`sim.writePhonebook(9, 1, "111", "15556904516")`,
			`sim.writePhonebook(9, 3, "Bob", "+8613800000000")`,
			`sim.readPhonebook(9, 1, 5, "")`,
			`sim.readPhonebook(9, 0, 0, "1")`,
			`sim.readPhonebook(9, 0, 0, "zz")`,
			`sim.writePhonebook(9, 999, "x", "1")`,
			`sim.writePhonebook(9, 1, "", "")`,
			`sim.readPhonebook(9, 1, 5, "")`,
			`sim.readPhonebook(5, 1, 5, "")`,
		)
		want := []string{"0", "0",
			"(2, [(1, '111', '15556904516'), (3, 'Bob', '+8613800000000')])",
			"(1, [(1, '111', '15556904516')])",
			"-1", "-1", "0",
			"(1, [(3, 'Bob', '+8613800000000')])",
			"(0, [])", // ME is another storage
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

// CFUN=0 powers the card down: the SIM reads as absent until the radio is
// back, and a PIN-enabled card then asks for its PIN again, as a module's does.
func TestModemFunZeroPowersTheSIMDown(t *testing.T) {
	p, err := profile.Parse([]byte(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	backends(t, p, func(t *testing.T, s *session, _ *atsim.Sim, _ *cellular.SimModem) {
		got := s.eval(`sim.getStatus()`, `sim.enablePin("1234")`, `net.setModemFun(0)`, `sim.getStatus()`, `sim.getImsi()`,
			`net.setModemFun(1)`, `sim.getStatus()`, `sim.verifyPin("1234")`, `sim.getStatus()`, `sim.getImsi()`)
		want := "1 0 0 0 -1 0 2 0 1 '460105466870381'"
		if strings.Join(got, " ") != want {
			t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
		}
	})
}
