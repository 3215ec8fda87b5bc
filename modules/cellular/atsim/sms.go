package atsim

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/qstar-dev/qstar/modules/cellular/at"
	"github.com/qstar-dev/qstar/modules/cellular/pdu"
	"github.com/qstar-dev/qstar/modules/cellular/profile"
)

// smsExec answers the 27.005 text-mode SMS commands (and the PDU-mode
// listing qstar does not use, as an ERROR); ok is false for other names.
func smsExec(st *profile.State, name, params string, args []string) (lines []string, err error, ok bool) {
	text, cs := st.SMSFormat()
	enc := func(s string) string {
		if cs == "UCS2" {
			return at.UCS2(s)
		}
		return s
	}
	switch {
	case name == "AT+CMGF?":
		return []string{fmt.Sprintf("+CMGF: %d", b2i(text))}, nil, true
	case name == "AT+CMGF" && len(args) == 1:
		return nil, st.SetSMSFormat(args[0] == "1", ""), true
	case name == "AT+CSCS?":
		return []string{fmt.Sprintf(`+CSCS: "%s"`, cs)}, nil, true
	case name == "AT+CSCS" && len(args) == 1:
		return nil, st.SetSMSFormat(text, args[0]), true
	case name == "AT+CSMP", name == "AT+CNMI":
		return nil, nil, true
	case name == "AT+CSCA?":
		return []string{fmt.Sprintf(`+CSCA: "%s",145`, enc(st.SMSCenter()))}, nil, true
	case name == "AT+CSCA" && len(args) >= 1:
		addr, err := dec(cs, args[0])
		if err == nil {
			st.SetSMSCenter(addr)
		}
		return nil, err, true
	case name == "AT+CPMS?":
		used, total := st.SMSCount()
		m := st.SMSMemories()
		return []string{fmt.Sprintf(`+CPMS: "%s",%d,%d,"%s",%d,%d,"%s",%d,%d`, m[0], used, total, m[1], used, total, m[2], used, total)}, nil, true
	case name == "AT+CPMS" && len(args) >= 1:
		if err := st.SetSMSMemories(args); err != nil {
			return nil, err, true
		}
		used, total := st.SMSCount()
		return []string{fmt.Sprintf("+CPMS: %d,%d,%d,%d,%d,%d", used, total, used, total, used, total)}, nil, true
	case name == "AT+CMGL" && !text:
		return pduList(st, args), nil, true
	case name == "AT+CMGR" && len(args) == 1 && !text:
		i, err := strconv.Atoi(args[0])
		if err != nil {
			return nil, profile.CMSBadParam, true
		}
		m, err := st.SMSRead(i)
		if err != nil {
			return nil, err, true
		}
		h, n := pdu.Deliver(st.SMSCenter(), m.Number, m.Text, m.Time)
		return []string{fmt.Sprintf("+CMGR: %d,,%d", b2i(m.Read), n), h}, nil, true
	case name == "AT+CMGL":
		stat := "ALL"
		if len(args) > 0 {
			stat = args[0]
		}
		var out []string
		for _, m := range st.SMSList(stat) {
			out = append(out, fmt.Sprintf(`+CMGL: %d,"%s","%s","","%s"`, m.Index, statText(m.Read), enc(m.Number), m.Time), enc(m.Text))
		}
		return out, nil, true
	case name == "AT+CMGR" && len(args) == 1:
		i, err := strconv.Atoi(args[0])
		if err != nil || !text {
			return nil, profile.CMSBadParam, true
		}
		m, err := st.SMSRead(i)
		if err != nil {
			return nil, err, true
		}
		return []string{fmt.Sprintf(`+CMGR: "%s","%s","","%s"`, statText(m.Read), enc(m.Number), m.Time), enc(m.Text)}, nil, true
	case name == "AT+CMGD" && len(args) >= 1:
		i, err1 := strconv.Atoi(args[0])
		flag := 0
		if len(args) > 1 {
			flag, _ = strconv.Atoi(args[1])
		}
		if err1 != nil {
			return nil, profile.CMSBadParam, true
		}
		return nil, st.SMSDelete(i, flag == 4), true
	}
	return nil, nil, false
}

// pduList is AT+CMGL=<stat> in PDU mode: 0 unread, 1 read, 4 all.
func pduList(st *profile.State, args []string) []string {
	stat := map[string]string{"0": "REC UNREAD", "1": "REC READ"}[strings.Join(args, "")]
	if stat == "" {
		stat = "ALL"
	}
	var out []string
	for _, m := range st.SMSList(stat) {
		h, n := pdu.Deliver(st.SMSCenter(), m.Number, m.Text, m.Time)
		out = append(out, fmt.Sprintf("+CMGL: %d,%d,,%d", m.Index, b2i(m.Read), n), h)
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func statText(read bool) string {
	if read {
		return "REC READ"
	}
	return "REC UNREAD"
}

func dec(cs, s string) (string, error) {
	if cs != "UCS2" {
		return s, nil
	}
	v, err := at.FromUCS2(s)
	if err != nil {
		return "", profile.CMSBadParam
	}
	return v, nil
}

// Submit answers an AT+CMGS="number" whose message body (without the
// Ctrl-Z) followed the "> " prompt.
func Submit(st *profile.State, cmd, body string) []string {
	_, params, _ := strings.Cut(cmd, "=")
	args := at.Fields(params)
	text, cs := st.SMSFormat()
	if len(args) < 1 {
		return []string{profile.CMSBadParam.Error()}
	}
	if !text { // AT+CMGS=<length>, then the PDU in hex
		m, err := pdu.Decode(strings.TrimSpace(body))
		if err != nil {
			return []string{profile.CMSBadParam.Error()}
		}
		mr, err := st.SMSSend(m.Number, m.Text)
		if err != nil {
			return []string{cmsOf(err)}
		}
		return []string{fmt.Sprintf("+CMGS: %d", mr), "OK"}
	}
	number, err1 := dec(cs, args[0])
	msg, err2 := dec(cs, body)
	if err1 != nil || err2 != nil {
		return []string{profile.CMSBadParam.Error()}
	}
	mr, err := st.SMSSend(number, msg)
	if err != nil {
		return []string{cmsOf(err)}
	}
	return []string{fmt.Sprintf("+CMGS: %d", mr), "OK"}
}

// cmsOf is the final result an SMS command fails with.
func cmsOf(err error) string {
	switch e := err.(type) {
	case profile.CMSError:
		return e.Error()
	case profile.CMEError:
		switch e {
		case profile.CMENoSIM:
			return "+CMS ERROR: 310"
		case profile.CMENoService:
			return "+CMS ERROR: 331"
		}
		return "+CMS ERROR: 500"
	}
	return "ERROR"
}

// isSubmit reports whether cmd is AT+CMGS=..., which waits for a body.
func isSubmit(cmd string) bool {
	return len(cmd) > 8 && strings.EqualFold(cmd[:8], "AT+CMGS=")
}
