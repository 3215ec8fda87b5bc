package atsim

import (
	"fmt"
	"strconv"

	"github.com/qstar-dev/qstar/modules/cellular/at"
	"github.com/qstar-dev/qstar/modules/cellular/profile"
)

// pbExec answers the phonebook commands: AT+CPBS (storage), AT+CPBR
// (read a range), AT+CPBF (find by name prefix), AT+CPBW (write, or delete
// with only an index). Entries are `+CPBR: idx,"number",type,"name"`.
func pbExec(st *profile.State, name string, args []string) (lines []string, err error, ok bool) {
	switch {
	case name == "AT+CPBS?":
		storage, used, total := st.Phonebook()
		return []string{fmt.Sprintf(`+CPBS: "%s",%d,%d`, storage, used, total)}, nil, true
	case name == "AT+CPBS" && len(args) == 1:
		return nil, st.SelectPhonebook(args[0]), true
	case name == "AT+CPBR" && (len(args) == 1 || len(args) == 2):
		lo, ok1 := at.Int(args, 0)
		hi, ok2 := lo, true
		if len(args) == 2 {
			hi, ok2 = at.Int(args, 1)
		}
		if !ok1 || !ok2 {
			return nil, profile.CMEBadParam, true
		}
		es, err := st.ReadPhonebook(lo, hi)
		return pbLines("+CPBR", es), err, true
	case name == "AT+CPBF" && len(args) == 1:
		es, err := st.FindPhonebook(args[0])
		return pbLines("+CPBF", es), err, true
	case name == "AT+CPBW" && len(args) >= 1:
		idx, ok := at.Int(args, 0)
		if !ok {
			return nil, profile.CMEBadParam, true
		}
		e := profile.PBEntry{Index: idx}
		if len(args) >= 2 {
			e.Number = args[1]
		}
		if len(args) >= 4 {
			e.Name = args[3]
		}
		return nil, st.WritePhonebook(e), true
	}
	return nil, nil, false
}

func pbLines(prefix string, es []profile.PBEntry) []string {
	out := make([]string, 0, len(es))
	for _, e := range es {
		typ := 129
		if len(e.Number) > 0 && e.Number[0] == '+' {
			typ = 145
		}
		out = append(out, prefix+": "+strconv.Itoa(e.Index)+`,"`+e.Number+`",`+strconv.Itoa(typ)+`,"`+e.Name+`"`)
	}
	return out
}
