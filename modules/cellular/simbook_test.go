package cellular_test

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/cellular"
	"github.com/qstar-dev/qstar/modules/cellular/atsim"
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
