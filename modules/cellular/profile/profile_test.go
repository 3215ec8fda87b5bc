package profile

import (
	"strings"
	"testing"
)

func TestParseKeepsDefaults(t *testing.T) {
	p, err := Parse([]byte(`{"sim": {"state": "absent"}, "device": {"model": "EG25"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if p.SIM.State != "absent" || p.Device.Model != "EG25" || p.Device.IMEI != Default().Device.IMEI {
		t.Errorf("merge over the default: %+v", p)
	}
}

func TestCheck(t *testing.T) {
	for src, msg := range map[string]string{
		`{"sim": {"state": "gone"}}`:          "sim.state",
		`{"pdp": [{"cid": 9}]}`:               "cid 9",
		`{"pdp": [{"cid": 1}, {"cid": 1}]}`:   "twice",
		`{"pdp": [{"cid": 2, "ip_type": 3}]}`: "ip_type",
		`{"network": {"fun": 2}}`:             "fun",
		`{"sim": `:                            "modem profile",
	} {
		if _, err := Parse([]byte(src)); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("%s: want an error about %q, got %v", src, msg, err)
		}
	}
}

func TestChangePINNeedsEnabledPIN(t *testing.T) {
	s := NewState(Default())
	if err := s.ChangePIN("1234", "5678"); err != CMENotAllowed {
		t.Errorf("change with PIN disabled: %v", err)
	}
	if err := s.SetPINEnabled(true, "1234"); err != nil {
		t.Fatal(err)
	}
	if err := s.ChangePIN("1234", "5678"); err != nil || s.Attempts()[0] != 3 {
		t.Errorf("change: %v %v", err, s.Attempts())
	}
	if err := s.SetPINEnabled(false, "1234"); err != CMEWrongPass || s.Attempts()[0] != 2 {
		t.Errorf("old PIN after change: %v %v", err, s.Attempts())
	}
}
