package emulator

import (
	"fmt"
	"strings"
)

// Shape is the form a platform gives each CONNECT field: a test and how
// the field should look (for the refusal's log line, never the value).
type Shape [3]Field

// Field is one CONNECT field's form.
type Field struct {
	Fits func(string) bool
	Want string
}

var fieldNames = [3]string{"client id", "user name", "password"}

func (c Connect) fields() [3]string { return [3]string{c.ClientID, c.User, c.Password} }

// unrecognised explains credentials that fit no platform: the closest
// platform (the most fields in its form) and the first field that is
// wrong for it. It names fields and forms, never values.
func unrecognised(c Connect) *Reject {
	var best *Platform
	bestFit, wrong := -1, 0
	for _, p := range platforms {
		fit, first := 0, -1
		for i, v := range c.fields() {
			if f := p.Shape[i]; f.Fits == nil || f.Fits(v) {
				fit++
			} else if first < 0 {
				first = i
			}
		}
		if fit > bestFit && first >= 0 {
			best, bestFit, wrong = p, fit, first
		}
	}
	if best == nil {
		return &Reject{Code: 4, Reason: "the credentials fit no platform's form"}
	}
	return &Reject{Code: 4, Reason: fmt.Sprintf("the credentials fit no platform's form; closest is %s, whose %s is %s (this one is not)",
		best.Name, fieldNames[wrong], best.Shape[wrong].Want)}
}

func nonEmpty(s string) bool { return s != "" }

// isHex reports whether s is a hex digest of one of the given lengths.
func isHex(s string, lengths ...int) bool {
	for _, n := range lengths {
		if len(s) == n && strings.Trim(strings.ToLower(s), "0123456789abcdef") == "" {
			return true
		}
	}
	return false
}

// isName reports whether s is a non-empty identifier of letters, digits,
// '_', '-', '.', ':' or '@' (device names and product ids).
func isName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_-.:@", r)) {
			return false
		}
	}
	return true
}
