package cellular

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/qstar-dev/qstar/modules/cellular/at"
)

// SIM card over AT: +CPIN, +CIMI, +QCCID, +CNUM, +QPINC, +CPWD, +CLCK, +QSIMDET.

var cpinStatus = map[string]int{
	"READY": 1, "SIM PIN": 2, "SIM PUK": 3, "PH-SIM PIN": 4, "PH-SIM PUK": 5,
	"SIM PIN2": 8, "SIM PUK2": 9, "PH-NET PIN": 10, "PH-NET PUK": 11,
	"PH-NETSUB PIN": 12, "PH-NETSUB PUK": 13, "PH-SP PIN": 14, "PH-SP PUK": 15,
	"PH-CORP PIN": 16, "PH-CORP PUK": 17, "NOT INSERTED": 0,
}

// SIMStatus implements Modem with AT+CPIN?.
func (m *ATModem) SIMStatus(ctx context.Context) (int, error) {
	lines, err := m.cmd(ctx, "AT+CPIN?")
	if code, ok := cmeCode(err); ok {
		st := map[int]int{10: 0, 14: 18, 13: 19, 15: 20}[code]
		if _, known := map[int]bool{10: true, 14: true, 13: true, 15: true}[code]; !known {
			st = 21
		}
		if code == 10 {
			m.present(false)
		}
		return st, nil
	}
	var re *at.ResultError
	if errors.As(err, &re) {
		return 21, nil
	}
	if err != nil {
		return -1, err
	}
	f, ok := info(lines, "+CPIN")
	if !ok || len(f) == 0 {
		return -1, errNoAnswer("AT+CPIN?")
	}
	st, known := cpinStatus[f[0]]
	if !known {
		st = 21
	}
	m.present(st != 0)
	return st, nil
}

// IMSI implements Modem with AT+CIMI.
func (m *ATModem) IMSI(ctx context.Context) (string, error) {
	lines, err := m.cmd(ctx, "AT+CIMI")
	if err != nil {
		return "", err
	}
	for _, l := range lines {
		if digits(l, 6, 15) {
			return l, nil
		}
	}
	return "", errNoAnswer("AT+CIMI")
}

func digits(s string, minLen, maxLen int) bool {
	if len(s) < minLen || len(s) > maxLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ICCID implements Modem with AT+QCCID (AT+CCID on modules without it).
func (m *ATModem) ICCID(ctx context.Context) (string, error) {
	lines, err := m.cmd(ctx, "AT+QCCID")
	name := "+QCCID"
	var re *at.ResultError
	if errors.As(err, &re) { // not a Quectel command on this module
		name = "+CCID"
		lines, err = m.cmd(ctx, "AT+CCID")
	}
	if err != nil {
		return "", err
	}
	if f, ok := info(lines, name); ok && len(f) > 0 && f[0] != "" {
		return strings.ToUpper(f[0]), nil
	}
	return "", errNoAnswer("AT+QCCID")
}

// PhoneNumber implements Modem with AT+CNUM.
func (m *ATModem) PhoneNumber(ctx context.Context) (string, error) {
	lines, err := m.cmd(ctx, "AT+CNUM")
	if err != nil {
		return "", err
	}
	if f, ok := info(lines, "+CNUM"); ok && len(f) >= 2 && f[1] != "" {
		return f[1], nil
	}
	return "", errors.New("no number stored on the SIM")
}

// PINAttempts implements Modem with AT+QPINC.
func (m *ATModem) PINAttempts(ctx context.Context) ([4]int, error) {
	var out [4]int
	for i, fac := range []string{"SC", "P2"} {
		cmd := `AT+QPINC="` + fac + `"`
		lines, err := m.cmd(ctx, cmd)
		if err != nil {
			return out, err
		}
		f, ok := info(lines, "+QPINC")
		a, ok1 := at.Int(f, 1)
		b, ok2 := at.Int(f, 2)
		if !ok || !ok1 || !ok2 {
			return out, errNoAnswer(cmd)
		}
		out[2*i], out[2*i+1] = a, b
	}
	return out, nil
}

func (m *ATModem) simple(ctx context.Context, cmd string) error {
	_, err := m.cmd(ctx, cmd)
	return err
}

// VerifyPIN implements Modem with AT+CPIN="pin".
func (m *ATModem) VerifyPIN(ctx context.Context, pin string) error {
	return m.simple(ctx, "AT+CPIN="+at.Quote(pin))
}

// UnblockPIN implements Modem with AT+CPIN="puk","pin".
func (m *ATModem) UnblockPIN(ctx context.Context, puk, pin string) error {
	return m.simple(ctx, "AT+CPIN="+at.Quote(puk)+","+at.Quote(pin))
}

// ChangePIN implements Modem with AT+CPWD="SC".
func (m *ATModem) ChangePIN(ctx context.Context, old, pin string) error {
	return m.simple(ctx, `AT+CPWD="SC",`+at.Quote(old)+","+at.Quote(pin))
}

// SetPINEnabled implements Modem with AT+CLCK="SC".
func (m *ATModem) SetPINEnabled(ctx context.Context, on bool, pin string) error {
	mode := 0
	if on {
		mode = 1
	}
	return m.simple(ctx, fmt.Sprintf(`AT+CLCK="SC",%d,%s`, mode, at.Quote(pin)))
}

// SimDet implements Modem with AT+QSIMDET?.
func (m *ATModem) SimDet(ctx context.Context) (int, int, error) {
	lines, err := m.cmd(ctx, "AT+QSIMDET?")
	if err != nil {
		return 0, 0, err
	}
	f, _ := info(lines, "+QSIMDET")
	e, ok1 := at.Int(f, 0)
	l, ok2 := at.Int(f, 1)
	if !ok1 || !ok2 {
		return 0, 0, errNoAnswer("AT+QSIMDET?")
	}
	return e, l, nil
}

// SetSimDet implements Modem with AT+QSIMDET=<en>,<level>.
func (m *ATModem) SetSimDet(ctx context.Context, enable, level int) error {
	return m.simple(ctx, fmt.Sprintf("AT+QSIMDET=%d,%d", enable, level))
}
