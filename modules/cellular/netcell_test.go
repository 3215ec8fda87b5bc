package cellular_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/cellular"
	"github.com/qstar-dev/qstar/modules/cellular/atsim"
)

// The cell getters report the serving cell that getState and operatorName
// describe, on both backends. The test profile's EC25 reports MCC and MNC in
// decimal; ASR platforms such as the built-in profile's EC600N read them as
// hex (MCC 460 is 1120), as the firmware does.
func TestServingCellBothBackends(t *testing.T) {
	backends(t, loadProfile(t, "testdata/profile.json"), func(t *testing.T, s *session, _ *atsim.Sim, _ *cellular.SimModem) {
		got := s.eval("net.getState()[1]", "net.operatorName()", "net.getCellInfo()",
			"(net.getServingCi(), net.getServingLac(), net.getServingMcc(), net.getServingMnc())",
			"(net.getCi(), net.getLac(), net.getMcc(), net.getMnc())", "modem.getDevModel()")
		reg := strings.Split(strings.Trim(got[0], "[]"), ", ") // state, lac, ci, rat, ...
		op := strings.Split(strings.Trim(got[1], "()"), ", ")
		base := 10
		if strings.HasPrefix(got[5], "'EC600N") {
			base = 16
		}
		mcc, _ := strconv.ParseInt(strings.Trim(op[2], "'"), base, 32)
		mnc, _ := strconv.ParseInt(strings.Trim(op[3], "'"), base, 32)
		serving := "(" + reg[2] + ", " + reg[1] + ", " + strconv.Itoa(int(mcc)) + ", " + strconv.Itoa(int(mnc)) + ")"
		if got[3] != serving {
			t.Errorf("serving cell %s, want %s (from %s and %s, model %s)", got[3], serving, got[0], got[1], got[5])
		}
		if want := "([" + reg[2] + "], [" + reg[1] + "], [" + strconv.Itoa(int(mcc)) + "], [" + strconv.Itoa(int(mnc)) + "])"; got[4] != want {
			t.Errorf("cell lists %s, want %s", got[4], want)
		}
		if !strings.HasPrefix(got[2], "([], [], [(0, "+reg[2]+", ") {
			t.Errorf("getCellInfo() = %s: want the serving LTE cell, flag 0", got[2])
		}
	})
}

// nitzTime gives the network's time as '26/01/02,15:04:05+32,0' and the
// same instant in UTC seconds.
func TestNITZTimeBothBackends(t *testing.T) {
	backends(t, loadProfile(t, "testdata/profile.json"), func(t *testing.T, s *session, _ *atsim.Sim, _ *cellular.SimModem) {
		got := s.eval("net.nitzTime()")[0]
		m := regexp.MustCompile(`^\('(\d\d/\d\d/\d\d,\d\d:\d\d:\d\d)\+32,0', (\d+), 0\)$`).FindStringSubmatch(got)
		if m == nil {
			t.Fatalf("nitzTime() = %s", got)
		}
		when, err := time.Parse("06/01/02,15:04:05", m[1])
		secs, _ := strconv.ParseInt(m[2], 10, 64)
		if err != nil || when.Unix() != secs {
			t.Errorf("date %s and seconds %s disagree (%v)", m[1], m[2], err)
		}
		if d := time.Since(time.Unix(secs, 0)); d < -5*time.Second || d > 5*time.Second {
			t.Errorf("nitzTime() is %v away from now", d)
		}
	})
}

// The built-in profile is an EC600N: MCC 460 reads as 0x460.
func TestServingMCCHexOnASR(t *testing.T) {
	s := newSession(t, nil)
	if got := s.eval("modem.getDevModel()[:6]", "net.getServingMcc() == 0x460", "net.operatorName()[2]"); strings.Join(got, " ") != "'EC600N' True '460'" {
		t.Errorf("got %v", got)
	}
}

// dataCall.setApn, the older firmware's setPDPContext, configures the
// context getPDPContext then reports, on both backends.
func TestSetApnBothBackends(t *testing.T) {
	backends(t, loadProfile(t, "testdata/profile.json"), func(t *testing.T, s *session, _ *atsim.Sim, _ *cellular.SimModem) {
		got := s.eval(`dataCall.setApn(3, 0, "cmiot", "u", "p", 1)`, "dataCall.getPDPContext(3)")
		if strings.Join(got, " ") != "0 (0, 'cmiot', 'u', 'p', 1)" {
			t.Errorf("got %v", got)
		}
	})
}
