package cellular

import (
	"context"
	"strconv"

	"github.com/qstar-dev/qstar/modules/cellular/at"
)

// Network over AT: +CREG/+CEREG, +CSQ, +QCSQ, +COPS, +QSPN, +CFUN.

// Registration implements Modem with AT+CREG? and AT+CEREG? (AT+CGREG? on
// modules without LTE).
func (m *ATModem) Registration(ctx context.Context) (Reg, Reg, error) {
	voice, err := m.reg(ctx, "+CREG")
	if err != nil {
		return Reg{}, Reg{}, err
	}
	data, err := m.reg(ctx, "+CEREG")
	if err != nil && isRefusal(err) {
		data, err = m.reg(ctx, "+CGREG")
	}
	return voice, data, err
}

// reg parses "+CxREG: <n>,<stat>[,"<lac>","<ci>"[,<AcT>]]".
func (m *ATModem) reg(ctx context.Context, name string) (Reg, error) {
	cmd := "AT" + name + "?"
	lines, err := m.cmd(ctx, cmd)
	if err != nil {
		return Reg{}, err
	}
	f, ok := info(lines, name)
	st, ok1 := at.Int(f, 1)
	if !ok || !ok1 {
		return Reg{}, errNoAnswer(cmd)
	}
	r := Reg{State: st, LAC: at.Hex(f, 2), CI: at.Hex(f, 3)}
	if act, ok := at.Int(f, 4); ok {
		r.RAT = act
	}
	return r, nil
}

// CSQ implements Modem with AT+CSQ.
func (m *ATModem) CSQ(ctx context.Context) (int, error) {
	lines, err := m.cmd(ctx, "AT+CSQ")
	if err != nil {
		return 0, err
	}
	f, _ := info(lines, "+CSQ")
	if v, ok := at.Int(f, 0); ok {
		return v, nil
	}
	return 0, errNoAnswer("AT+CSQ")
}

// Signal implements Modem with AT+QCSQ.
func (m *ATModem) Signal(ctx context.Context) (Signal, error) {
	s := Signal{RSSI: 99, BER: 99, RSCP: 255, ECNO: 255, LTERSSI: 99, RSRP: 255, RSRQ: 255, CQI: 255, SINR: 255}
	lines, err := m.cmd(ctx, "AT+QCSQ")
	if err != nil {
		return s, err
	}
	f, ok := info(lines, "+QCSQ")
	if !ok || len(f) == 0 {
		return s, errNoAnswer("AT+QCSQ")
	}
	n := func(i int, dflt int) int {
		if v, ok := at.Int(f, i); ok {
			return v
		}
		return dflt
	}
	switch f[0] {
	case "LTE", "CAT-M", "CAT-NB":
		s.LTERSSI, s.RSRP, s.RSRQ, s.HasLTE = n(1, 99), n(2, 255), n(4, 255), true
		if raw, ok := at.Int(f, 3); ok && raw >= 0 && raw <= 250 {
			s.SINR, s.HasSINR = raw/5-20, true // 0..250 is -20..+30 dB in 1/5 dB steps
		}
	case "GSM":
		s.RSSI, s.HasGW = n(1, 99), true
	case "WCDMA", "TDSCDMA":
		s.RSSI, s.RSCP, s.ECNO, s.HasGW = n(1, 99), n(2, 255), n(3, 255), true
	}
	return s, nil
}

// Operator implements Modem with AT+COPS=3,2;+COPS? and AT+QSPN.
func (m *ATModem) Operator(ctx context.Context) (Operator, error) {
	lines, err := m.cmd(ctx, "AT+COPS=3,2;+COPS?")
	if err != nil {
		return Operator{}, err
	}
	f, ok := info(lines, "+COPS")
	mode, ok1 := at.Int(f, 0)
	if !ok || !ok1 {
		return Operator{}, errNoAnswer("AT+COPS?")
	}
	op := Operator{Mode: mode}
	if len(f) >= 3 && len(f[2]) >= 5 {
		op.MCC, op.MNC = f[2][:3], f[2][3:]
		op.AcT, _ = at.Int(f, 3)
		if lines, err := m.cmd(ctx, "AT+QSPN"); err == nil {
			if f, ok := info(lines, "+QSPN"); ok && len(f) >= 2 {
				op.Long, op.Short = f[0], f[1]
			}
		} else if !isRefusal(err) {
			return Operator{}, err
		}
	}
	return op, nil
}

// Fun implements Modem with AT+CFUN?.
func (m *ATModem) Fun(ctx context.Context) (int, error) {
	lines, err := m.cmd(ctx, "AT+CFUN?")
	if err != nil {
		return 0, err
	}
	f, _ := info(lines, "+CFUN")
	if v, ok := at.Int(f, 0); ok {
		return v, nil
	}
	return 0, errNoAnswer("AT+CFUN?")
}

// SetFun implements Modem with AT+CFUN=<fun>[,1].
func (m *ATModem) SetFun(ctx context.Context, fun int, reset bool) error {
	cmd := "AT+CFUN=" + strconv.Itoa(fun)
	if reset {
		cmd += ",1"
	}
	_, err := m.c.Command(ctx, cmd, funTimeout)
	return err
}
