package cellular

import (
	"context"
	"sync"

	"github.com/qstar-dev/qstar/modules/cellular/profile"
)

// SimModem is the simulated backend: a profile.State answering in-process.
// Tests and the REPL use it; State exposes hot-swap, network and bearer
// changes so Go tests can drive events.
type SimModem struct {
	State *profile.State

	mu      sync.Mutex
	handler func(Event)
	present bool
}

// NewSimModem starts a simulated modem from p (profile.Default() if nil).
func NewSimModem(p *profile.Profile) *SimModem {
	if p == nil {
		p = profile.Default()
	}
	m := &SimModem{State: profile.NewState(p)}
	m.present = m.State.Status() != profile.StatusAbsent
	m.State.Listen(m.onChange)
	return m
}

func (m *SimModem) onChange(e profile.Event) {
	m.mu.Lock()
	h := m.handler
	var ev Event
	switch e.Kind {
	case "sim":
		now := e.Value != profile.StatusAbsent
		if now == m.present {
			m.mu.Unlock()
			return
		}
		m.present = now
		ev = Event{Kind: EventSIM, Value: 2}
		if now {
			ev.Value = 1
		}
	case "pdp":
		ev = Event{Kind: EventPDP, CID: e.CID, Value: e.Value, Dropped: e.Dropped}
	case "reg":
		ev = Event{Kind: EventReg, Value: e.Value}
	case "sms":
		ev = Event{Kind: EventSMS, Value: e.Value}
	case "call":
		ev = Event{Kind: EventCall, Value: e.Value}
	}
	m.mu.Unlock()
	if h != nil {
		h(ev)
	}
}

// Events implements Modem.
func (m *SimModem) Events(h func(Event)) {
	m.mu.Lock()
	m.handler = h
	m.mu.Unlock()
}

// Close implements Modem.
func (m *SimModem) Close() error { return nil }

func (m *SimModem) SIMStatus(context.Context) (int, error) { return m.State.Status(), nil }

func (m *SimModem) IMSI(context.Context) (string, error) {
	v, _, _, err := m.State.SIMInfo()
	return v, err
}

func (m *SimModem) ICCID(context.Context) (string, error) {
	_, v, _, err := m.State.SIMInfo()
	return v, err
}

func (m *SimModem) PhoneNumber(context.Context) (string, error) {
	_, _, v, err := m.State.SIMInfo()
	if err == nil && v == "" {
		err = profile.CMENotAllowed
	}
	return v, err
}

func (m *SimModem) PINAttempts(context.Context) ([4]int, error) {
	if m.State.Status() == profile.StatusAbsent {
		return [4]int{}, profile.CMENoSIM
	}
	return m.State.Attempts(), nil
}

func (m *SimModem) VerifyPIN(_ context.Context, pin string) error { return m.State.VerifyPIN(pin) }

func (m *SimModem) UnblockPIN(_ context.Context, puk, pin string) error {
	return m.State.UnblockPIN(puk, pin)
}

func (m *SimModem) ChangePIN(_ context.Context, old, pin string) error {
	return m.State.ChangePIN(old, pin)
}

func (m *SimModem) SetPINEnabled(_ context.Context, on bool, pin string) error {
	return m.State.SetPINEnabled(on, pin)
}

func (m *SimModem) SimDet(context.Context) (int, int, error) {
	e, l := m.State.SimDet()
	return e, l, nil
}

func (m *SimModem) SetSimDet(_ context.Context, enable, level int) error {
	m.State.SetSimDet(enable, level)
	return nil
}

func (m *SimModem) Identity(_ context.Context, id Identity) (string, error) {
	d := m.State.Device()
	var v string
	switch id {
	case IMEI:
		v = d.IMEI
	case Model:
		v = d.Model
	case SerialNumber:
		v = d.SN
	case Firmware:
		v = d.Firmware
	case Manufacturer:
		v = d.Manufacturer
	}
	if v == "" {
		return "", ErrUnsupported
	}
	return v, nil
}

func (m *SimModem) Context(_ context.Context, cid int) (PDPContext, error) {
	c := m.State.Context(cid)
	return PDPContext{IPType: c.IPType, APN: c.APN, User: c.User, Pwd: c.Password, Auth: c.Auth}, nil
}

func (m *SimModem) SetContext(_ context.Context, cid int, c PDPContext) error {
	return m.State.SetContext(cid, c.IPType, c.APN, c.User, c.Pwd, c.Auth)
}

func (m *SimModem) Activate(_ context.Context, cid int) error   { return m.State.Activate(cid) }
func (m *SimModem) Deactivate(_ context.Context, cid int) error { return m.State.Deactivate(cid) }

func (m *SimModem) PDPInfo(_ context.Context, cid int) (PDPInfo, error) {
	c := m.State.Context(cid)
	info := PDPInfo{Active: c.Active, IPType: c.IPType}
	if c.Active {
		// the AT backend learns the same fields from AT+QIACT? and AT+QIDNSCFG
		if c.IPType != 1 {
			info.IPv4, info.DNS4 = c.IPv4, c.DNS4
		}
		if c.IPType != 0 {
			info.IPv6 = c.IPv6
		}
	}
	return info, nil
}

func (m *SimModem) SetDNS(_ context.Context, cid int, pri, sec string) error {
	return m.State.SetDNS(cid, pri, sec)
}

func (m *SimModem) Registration(context.Context) (Reg, Reg, error) {
	v, d := m.State.Registration()
	return Reg(v), Reg(d), nil
}

func (m *SimModem) CSQ(context.Context) (int, error) { return m.State.CSQ(), nil }

func (m *SimModem) Signal(context.Context) (Signal, error) {
	n, reg := m.State.Network()
	s := Signal{RSSI: 99, BER: 99, RSCP: 255, ECNO: 255, LTERSSI: 99, RSRP: 255, RSRQ: 255, CQI: 255, SINR: 255}
	if reg {
		s.LTERSSI, s.RSRP, s.RSRQ, s.SINR = n.RSSI, n.RSRP, n.RSRQ, n.SINR
		s.HasLTE, s.HasSINR = true, true
	}
	return s, nil
}

func (m *SimModem) Operator(context.Context) (Operator, error) {
	n, reg := m.State.Network()
	if !reg {
		return Operator{Mode: n.Mode}, nil
	}
	return Operator{Mode: n.Mode, Long: n.LongName, Short: n.Short, MCC: n.MCC, MNC: n.MNC, AcT: n.Data.RAT}, nil
}

func (m *SimModem) Fun(context.Context) (int, error) { return m.State.Fun(), nil }

func (m *SimModem) SetFun(_ context.Context, fun int, reset bool) error {
	if err := m.State.SetFun(fun); err != nil {
		return err
	}
	if reset { // a reset comes back with the radio on
		return m.State.SetFun(1)
	}
	return nil
}
