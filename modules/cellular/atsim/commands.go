package atsim

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/qstar-dev/qstar/modules/cellular/at"
	"github.com/qstar-dev/qstar/modules/cellular/profile"
)

// errPlain is a bare ERROR result.
var errPlain = errors.New("ERROR")

// Answer runs one AT command line against st, as the simulator does on
// its pty, and returns the response lines, final result included. The
// in-process sim modem answers atcmd.sendSync and sms with it.
func Answer(st *profile.State, line string) []string { return run(st, line) }

// run executes a command line (possibly "AT+A;+B") against st and returns
// the response lines, final result included.
func run(st *profile.State, line string) []string {
	if len(line) < 2 || !strings.EqualFold(line[:2], "AT") {
		return []string{"ERROR"}
	}
	if lines, ok := dialLine(st, line); ok {
		return lines
	}
	var out []string
	for i, part := range splitCommands(line[2:]) {
		if i > 0 && !strings.HasPrefix(part, "+") {
			return []string{"ERROR"}
		}
		lines, err := exec(st, "AT"+part)
		var cme profile.CMEError
		var cms profile.CMSError
		switch {
		case errors.As(err, &cme):
			return []string{cme.Error()}
		case errors.As(err, &cms):
			return []string{cms.Error()}
		case err != nil:
			return []string{"ERROR"}
		}
		out = append(out, lines...)
	}
	return append(out, "OK")
}

// splitCommands splits "+COPS=3,2;+COPS?" at semicolons outside quotes.
func splitCommands(s string) []string {
	var parts []string
	start, inQuote := 0, false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			inQuote = !inQuote
		case ';':
			if !inQuote {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

var cpinText = map[int]string{1: "READY", 2: "SIM PIN", 3: "SIM PUK"}

// cpinLine is the +CPIN answer for a status that has one.
func cpinLine(status int) (string, bool) {
	t, ok := cpinText[status]
	return "+CPIN: " + t, ok
}

// cmeFor is the error a card in this status gives to AT+CPIN?.
func cmeFor(status int) error {
	if status == profile.StatusAbsent {
		return profile.CMENoSIM
	}
	return profile.CMESIMFailure
}

func ctypeOf(ipType int) int { return ipType + 1 }

func regLine(name string, r profile.Reg) string {
	if r.LAC == 0 && r.CI == 0 {
		return fmt.Sprintf("%s: 2,%d", name, r.State)
	}
	return fmt.Sprintf(`%s: 2,%d,"%X","%X",%d`, name, r.State, r.LAC, r.CI, r.RAT)
}

// exec answers one command. The command name is matched without case;
// parameters keep theirs.
func exec(st *profile.State, cmd string) ([]string, error) {
	name, params, hasParams := strings.Cut(cmd, "=")
	name = strings.ToUpper(name)
	args := []string(nil)
	if hasParams {
		args = at.Fields(params)
	}
	argInt := func(i int) (int, error) {
		if n, ok := at.Int(args, i); ok {
			return n, nil
		}
		return 0, profile.CMEBadParam
	}
	if lines, err, ok := smsExec(st, name, params, args); ok {
		return lines, err
	}
	if lines, err, ok := pbExec(st, name, args); ok {
		return lines, err
	}
	if lines, err, ok := voiceExec(st, name, args); ok {
		return lines, err
	}
	switch {
	case !hasParams && (name == "AT" || name == "ATE0" || name == "ATE1"):
		return nil, nil
	case name == "ATI":
		d := st.Device()
		return []string{d.Manufacturer, d.Model, "Revision: " + d.Firmware}, nil
	case name == "AT+CMEE", name == "AT+CREG", name == "AT+CEREG", name == "AT+CGREG", name == "AT+QSIMSTAT" && hasParams:
		return nil, nil
	case name == "AT+CPIN?":
		status := st.Status()
		if l, ok := cpinLine(status); ok {
			return []string{l}, nil
		}
		return nil, cmeFor(status)
	case name == "AT+CPIN" && len(args) == 1:
		return nil, st.VerifyPIN(args[0])
	case name == "AT+CPIN" && len(args) == 2:
		return nil, st.UnblockPIN(args[0], args[1])
	case name == "AT+CIMI":
		imsi, _, _, err := st.SIMInfo()
		return []string{imsi}, err
	case name == "AT+QCCID":
		_, iccid, _, err := st.SIMInfo()
		return []string{"+QCCID: " + iccid}, err
	case name == "AT+CNUM":
		_, _, num, err := st.SIMInfo()
		if err != nil || num == "" {
			return nil, err
		}
		typ := 129
		if strings.HasPrefix(num, "+") {
			typ = 145
		}
		return []string{fmt.Sprintf(`+CNUM: "","%s",%d`, num, typ)}, nil
	case name == "AT+QPINC" && len(args) == 1:
		if st.Status() == profile.StatusAbsent {
			return nil, profile.CMENoSIM
		}
		a := st.Attempts()
		switch args[0] {
		case "SC":
			return []string{fmt.Sprintf(`+QPINC: "SC",%d,%d`, a[0], a[1])}, nil
		case "P2":
			return []string{fmt.Sprintf(`+QPINC: "P2",%d,%d`, a[2], a[3])}, nil
		}
		return nil, profile.CMEBadParam
	case name == "AT+CPWD" && len(args) == 3 && args[0] == "SC":
		return nil, st.ChangePIN(args[1], args[2])
	case name == "AT+CLCK" && len(args) == 3 && args[0] == "SC":
		mode, err := argInt(1)
		if err != nil || mode > 1 {
			return nil, profile.CMEBadParam
		}
		return nil, st.SetPINEnabled(mode == 1, args[2])
	case name == "AT+QSIMDET?":
		e, l := st.SimDet()
		return []string{fmt.Sprintf("+QSIMDET: %d,%d", e, l)}, nil
	case name == "AT+QSIMDET" && len(args) == 2:
		e, err1 := argInt(0)
		l, err2 := argInt(1)
		if err1 != nil || err2 != nil {
			return nil, profile.CMEBadParam
		}
		st.SetSimDet(e, l)
		return nil, nil
	case name == "AT+QSIMSTAT?":
		ins := 1
		if st.Status() == profile.StatusAbsent {
			ins = 0
		}
		return []string{fmt.Sprintf("+QSIMSTAT: 1,%d", ins)}, nil
	case name == "AT+CGSN", name == "AT+GSN":
		return []string{st.Device().IMEI}, nil
	case name == "AT+CGMM":
		return []string{st.Device().Model}, nil
	case name == "AT+QGMR":
		return []string{st.Device().Firmware}, nil
	case name == "AT+CGMR":
		return []string{"Revision: " + st.Device().Firmware}, nil
	case name == "AT+CGMI", name == "AT+GMI":
		return []string{st.Device().Manufacturer}, nil
	case name == "AT+EGMR" && params == "0,5":
		return []string{fmt.Sprintf(`+EGMR: "%s"`, st.Device().SN)}, nil
	case name == "AT+QCFG" && len(args) >= 1:
		return qcfg(st, args)
	case name == "AT+QLTS":
		return []string{nitzLine(time.Now())}, nil
	case name == "AT+QCELLLOC":
		n, reg := st.Network()
		if !reg {
			return nil, profile.CMENoService
		}
		// Quectel answers longitude,latitude; the simulated cell also says its accuracy.
		return []string{fmt.Sprintf("+QCELLLOC: %.6f,%.6f,%d", n.Location.Longitude, n.Location.Latitude, n.Location.Accuracy)}, nil
	case name == "AT+CSQ":
		return []string{fmt.Sprintf("+CSQ: %d,99", st.CSQ())}, nil
	case name == "AT+QCSQ":
		n, reg := st.Network()
		if !reg {
			return []string{`+QCSQ: "NOSERVICE"`}, nil
		}
		return []string{fmt.Sprintf(`+QCSQ: "LTE",%d,%d,%d,%d`, n.RSSI, n.RSRP, (n.SINR+20)*5, n.RSRQ)}, nil
	case name == "AT+CREG?":
		v, _ := st.Registration()
		return []string{regLine("+CREG", v)}, nil
	case name == "AT+CEREG?", name == "AT+CGREG?":
		_, d := st.Registration()
		return []string{regLine(strings.TrimSuffix(name[2:], "?"), d)}, nil
	case name == "AT+COPS" && params == "3,2":
		return nil, nil
	case name == "AT+COPS?":
		n, reg := st.Network()
		if !reg {
			return []string{fmt.Sprintf("+COPS: %d", n.Mode)}, nil
		}
		return []string{fmt.Sprintf(`+COPS: %d,2,"%s%s",%d`, n.Mode, n.MCC, n.MNC, n.Data.RAT)}, nil
	case name == "AT+QSPN":
		n, reg := st.Network()
		if !reg {
			return nil, profile.CMENoService
		}
		return []string{fmt.Sprintf(`+QSPN: "%s","%s","",0,"%s%s"`, n.LongName, n.Short, n.MCC, n.MNC)}, nil
	case name == "AT+CFUN?":
		return []string{fmt.Sprintf("+CFUN: %d", st.Fun())}, nil
	case name == "AT+CFUN" && len(args) >= 1:
		fun, err := argInt(0)
		if err != nil {
			return nil, err
		}
		if err := st.SetFun(fun); err != nil {
			return nil, err
		}
		if rst, _ := at.Int(args, 1); rst == 1 {
			return nil, st.SetFun(1)
		}
		return nil, nil
	case name == "AT+QICSGP" && len(args) == 1:
		cid, err := argInt(0)
		if err != nil || cid < 1 || cid > profile.MaxCID {
			return nil, profile.CMEBadParam
		}
		c := st.Context(cid)
		return []string{fmt.Sprintf(`+QICSGP: %d,"%s","%s","%s",%d`, ctypeOf(c.IPType), c.APN, c.User, c.Password, c.Auth)}, nil
	case name == "AT+QICSGP" && len(args) == 6:
		cid, e1 := argInt(0)
		ctype, e2 := argInt(1)
		auth, e3 := argInt(5)
		if e1 != nil || e2 != nil || e3 != nil || ctype < 1 || ctype > 3 {
			return nil, profile.CMEBadParam
		}
		return nil, st.SetContext(cid, ctype-1, args[2], args[3], args[4], auth)
	case name == "AT+QIACT" && len(args) == 1:
		cid, err := argInt(0)
		if err != nil {
			return nil, err
		}
		if st.Activate(cid) != nil {
			return nil, errPlain // QIACT answers a bare ERROR; AT+QIGETERROR says why
		}
		return nil, nil
	case name == "AT+QIDEACT" && len(args) == 1:
		cid, err := argInt(0)
		if err != nil {
			return nil, err
		}
		return nil, st.Deactivate(cid)
	case name == "AT+QIACT?":
		var out []string
		for cid := 1; cid <= profile.MaxCID; cid++ {
			c := st.Context(cid)
			if !c.Active {
				continue
			}
			l := fmt.Sprintf("+QIACT: %d,1,%d", cid, ctypeOf(c.IPType))
			switch c.IPType {
			case 0:
				l += `,"` + c.IPv4 + `"`
			case 1:
				l += `,"` + c.IPv6 + `"`
			case 2:
				l += `,"` + c.IPv4 + `","` + c.IPv6 + `"`
			}
			out = append(out, l)
		}
		return out, nil
	case name == "AT+QIDNSCFG" && len(args) == 1:
		cid, err := argInt(0)
		if err != nil {
			return nil, err
		}
		c := st.Context(cid)
		return []string{fmt.Sprintf(`+QIDNSCFG: %d,"%s","%s"`, cid, c.DNS4[0], c.DNS4[1])}, nil
	case name == "AT+QIDNSCFG" && len(args) == 3:
		cid, err := argInt(0)
		if err != nil {
			return nil, err
		}
		return nil, st.SetDNS(cid, args[1], args[2])
	}
	return nil, errPlain
}

// nitzLine is AT+QLTS's answer: the network's last NITZ time, UTC with the
// zone in quarter hours. The simulated network is in China (+32), as the
// QuecPython docs' modules are, and its time is this host's.
func nitzLine(now time.Time) string {
	return now.UTC().Format(`+QLTS: "2006/01/02,15:04:05`) + `+32,0"`
}

// qcfg answers AT+QCFG="nwscanmode"|"nwscanseq"|"roamservice"[,<value>[,<effect>]]:
// the query form prints the value, the set form stores it (effect, 1
// for at once, is accepted and ignored: the simulation has no reboot).
func qcfg(st *profile.State, args []string) ([]string, error) {
	c := st.Scan()
	item := strings.ToLower(args[0])
	if len(args) == 1 {
		switch item {
		case "nwscanmode":
			return []string{fmt.Sprintf(`+QCFG: "nwscanmode",%d`, c.Mode)}, nil
		case "nwscanseq":
			return []string{`+QCFG: "nwscanseq",` + c.Seq}, nil
		case "roamservice":
			return []string{fmt.Sprintf(`+QCFG: "roamservice",%d`, c.Roam)}, nil
		}
		return nil, profile.CMEBadParam
	}
	n, isInt := at.Int(args, 1)
	switch {
	case item == "nwscanmode" && isInt:
		return nil, st.SetScanMode(n)
	case item == "nwscanseq":
		return nil, st.SetScanSeq(args[1])
	case item == "roamservice" && isInt:
		return nil, st.SetRoam(n)
	}
	return nil, profile.CMEBadParam
}
