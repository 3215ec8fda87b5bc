package cellular_test

import (
	"testing"

	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// One SIM slot, recordApn as the firmware's boot calls it, setAsynMode.
func TestSingleSlotAndBootAPN(t *testing.T) {
	s := newSession(t, nil)
	err := runtimetest.ExecFile(s.in, "test.py", `import sim, dataCall
print(sim.getCurSimid(), sim.switchCard(0), sim.switchCard(1), sim.setSwitchcardCallback(print), sim.setSwitchcardCallback(1))
print(dataCall.recordApn(1, 0, 'cmnet', 'u', 'p', 2, 1), dataCall.getPDPContext(1), dataCall.recordApn(2, 1, 'ims', '', '', 0))
print(dataCall.setAsynMode(1), dataCall.setAsynMode(0))
for bad in ((lambda: sim.switchCard(2)), (lambda: dataCall.setAsynMode(2)), (lambda: dataCall.recordApn(1, 0, 'a"b', '', '', 0, 0))):
    try:
        bad()
    except ValueError as e:
        print('ValueError')
`)
	if err != nil {
		t.Fatal(err, s.log.String())
	}
	want := "0 0 -1 0 -1\n0 (0, 'cmnet', 'u', 'p', 2) 0\n0 0\nValueError\nValueError\nValueError\n"
	if got := s.out.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
