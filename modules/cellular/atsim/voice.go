package atsim

import (
	"fmt"
	"strings"

	"github.com/qstar-dev/qstar/modules/cellular/at"
	"github.com/qstar-dev/qstar/modules/cellular/profile"
)

// dialLine answers a voice dial, ATD<number>; (the ';' makes it a voice
// call, so the line is not split at it). ok is false for other lines.
func dialLine(st *profile.State, line string) ([]string, bool) {
	if len(line) < 4 || !strings.EqualFold(line[:3], "ATD") || !strings.HasSuffix(line, ";") {
		return nil, false
	}
	number := strings.TrimSuffix(line[3:], ";")
	if number == "" || strings.Trim(number, "+0123456789*#") != "" {
		return []string{"ERROR"}, true
	}
	if err := st.Dial(number); err != nil {
		return []string{err.Error()}, true
	}
	return []string{"OK"}, true
}

// voiceExec answers the 27.007 call-control commands; ok is false for
// other names.
func voiceExec(st *profile.State, name string, args []string) (lines []string, err error, ok bool) {
	switch {
	case name == "ATA":
		return nil, st.Answer(), true
	case name == "ATH", name == "ATH0", name == "AT+CHUP":
		st.Hangup()
		return nil, nil, true
	case name == "AT+CLCC":
		for _, c := range st.Calls() {
			lines = append(lines, fmt.Sprintf(`+CLCC: %d,%d,%d,0,0,"%s",%d`, c.ID, c.Dir, c.Stat, c.Number, c.Type()))
		}
		return lines, nil, true
	case name == "AT+CLVL?":
		return []string{fmt.Sprintf("+CLVL: %d", st.Volume())}, nil, true
	case name == "AT+CLVL" && len(args) == 1:
		v, isInt := at.Int(args, 0)
		if !isInt {
			return nil, profile.CMEBadParam, true
		}
		return nil, st.SetVolume(v), true
	case name == "AT+VTS" && len(args) >= 1:
		if len(st.Calls()) == 0 {
			return nil, profile.CMENotAllowed, true
		}
		return nil, nil, true
	case name == "AT+CCFC" && len(args) >= 2, strings.HasPrefix(name, "ATS0"):
		return nil, nil, true
	case name == "AT+CLIP" && len(args) == 1:
		return nil, nil, true
	}
	return nil, nil, false
}

// callURCs is what the module says about a call change: RING and +CLIP
// for an incoming call, NO CARRIER when a call ends.
func callURCs(st *profile.State, value int) []string {
	switch value {
	case 1:
		for _, c := range st.Calls() {
			if c.Stat == 4 {
				return []string{"RING", fmt.Sprintf(`+CLIP: "%s",%d,"",,"",0`, c.Number, c.Type())}
			}
		}
	case 0:
		return []string{"NO CARRIER"}
	}
	return nil
}
