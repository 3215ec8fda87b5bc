package datetime

import (
	"strings"
	"time"
	"unicode"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// parsed holds the fields strptime read; unset ones keep CPython's
// defaults (1900-01-01 00:00:00).
type parsed struct {
	y, mo, d, h, mi, s, us int
	pm, hasPM, hour12      bool
	yday                   int
	tz                     *timezone
}

// strptime parses s with format as CPython's _strptime does for the
// common directives.
func strptime(s, format string) (datetime, error) {
	p := parsed{y: 1900, mo: 1, d: 1}
	mismatch := func() (datetime, error) {
		return datetime{}, exc.ValueError("time data %s does not match format %s", pyQuote(s), pyQuote(format))
	}
	pos := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if unicode.IsSpace(rune(c)) {
			for i+1 < len(format) && unicode.IsSpace(rune(format[i+1])) {
				i++
			}
			n := pos
			for pos < len(s) && unicode.IsSpace(rune(s[pos])) {
				pos++
			}
			if pos == n {
				return mismatch()
			}
			continue
		}
		if c != '%' || i+1 == len(format) {
			if pos >= len(s) || s[pos] != c {
				return mismatch()
			}
			pos++
			continue
		}
		i++
		n, ok := p.directive(format[i], s[pos:])
		if !ok {
			if !strings.ContainsRune("YmdHMSfybBhaApIjzZ%", rune(format[i])) {
				return datetime{}, exc.ValueError("'%c' is a bad directive in format '%s'", format[i], format)
			}
			return mismatch()
		}
		pos += n
	}
	if pos < len(s) {
		return datetime{}, exc.ValueError("unconverted data remains: %s", s[pos:])
	}
	if p.hour12 && p.hasPM {
		p.h %= 12
		if p.pm {
			p.h += 12
		}
	}
	if p.yday > 0 {
		t := time.Date(p.y, 1, p.yday, 0, 0, 0, 0, time.UTC)
		p.mo, p.d = int(t.Month()), t.Day()
	}
	if err := checkDate(p.y, p.mo, p.d); err != nil {
		return datetime{}, err
	}
	return datetime{time.Date(p.y, time.Month(p.mo), p.d, p.h, p.mi, p.s, p.us*1000, time.UTC), p.tz}, nil
}

// digits reads 1..max decimal digits and checks lo <= n <= hi.
func digits(s string, max, lo, hi int) (n, used int, ok bool) {
	for used < len(s) && used < max && s[used] >= '0' && s[used] <= '9' {
		n = n*10 + int(s[used]-'0')
		used++
	}
	return n, used, used > 0 && n >= lo && n <= hi
}

var (
	monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	dayNames   = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)

// name matches a full or three-letter name, case-insensitively.
func name(s string, names []string) (idx, used int, ok bool) {
	low := strings.ToLower(s)
	for i, n := range names {
		if strings.HasPrefix(low, n) {
			return i, len(n), true
		}
	}
	for i, n := range names {
		if strings.HasPrefix(low, n[:3]) {
			return i, 3, true
		}
	}
	return 0, 0, false
}

func (p *parsed) directive(c byte, s string) (int, bool) {
	var n, used int
	ok := true
	switch c {
	case 'Y':
		p.y, used, ok = digits(s, 4, 0, 9999)
	case 'y':
		n, used, ok = digits(s, 2, 0, 99)
		if n < 69 {
			p.y = 2000 + n
		} else {
			p.y = 1900 + n
		}
	case 'm':
		p.mo, used, ok = digits(s, 2, 1, 12)
	case 'd':
		p.d, used, ok = digits(s, 2, 1, 31)
	case 'H':
		p.h, used, ok = digits(s, 2, 0, 23)
	case 'I':
		p.h, used, ok = digits(s, 2, 1, 12)
		p.hour12 = true
	case 'M':
		p.mi, used, ok = digits(s, 2, 0, 59)
	case 'S':
		p.s, used, ok = digits(s, 2, 0, 61)
	case 'j':
		p.yday, used, ok = digits(s, 3, 1, 366)
	case 'f':
		n, used, ok = digits(s, 6, 0, 999999)
		for i := used; i < 6; i++ {
			n *= 10
		}
		p.us = n
	case 'b', 'B', 'h':
		n, used, ok = name(s, monthNames)
		p.mo = n + 1
	case 'a', 'A':
		_, used, ok = name(s, dayNames)
	case 'p':
		low := strings.ToLower(s)
		ok = strings.HasPrefix(low, "am") || strings.HasPrefix(low, "pm")
		p.pm, p.hasPM, used = strings.HasPrefix(low, "pm"), true, 2
	case 'z':
		return p.zone(s)
	case 'Z':
		for _, z := range []string{"UTC", "GMT"} {
			if strings.HasPrefix(strings.ToUpper(s), z) {
				return 3, true
			}
		}
		return 0, false
	case '%':
		return 1, strings.HasPrefix(s, "%")
	default:
		return 0, false
	}
	return used, ok
}

// zone reads %z: Z, +HH, +HHMM, +HH:MM, optionally with seconds.
func (p *parsed) zone(s string) (int, bool) {
	if strings.HasPrefix(s, "Z") {
		p.tz = utc
		return 1, true
	}
	if s == "" || s[0] != '+' && s[0] != '-' {
		return 0, false
	}
	pos := 1
	var secs int64
	for i, mul := range []int64{3600, 60, 60 / 60} {
		if i > 0 && pos < len(s) && s[pos] == ':' {
			pos++
		}
		n, used, ok := digits(s[pos:], 2, 0, 59)
		if !ok || used != 2 {
			if i == 0 {
				return 0, false
			}
			break
		}
		secs += int64(n) * mul
		pos += used
	}
	if s[0] == '-' {
		secs = -secs
	}
	p.tz = &timezone{offset: secs * usPerSec}
	if secs == 0 {
		p.tz = utc
	}
	return pos, true
}

// fromISO parses date.fromisoformat / datetime.fromisoformat text:
// YYYY-MM-DD, then T or a space and HH[:MM[:SS[.ffffff]]], then an offset.
func fromISO(s string, withTime bool) (datetime, error) {
	bad := func() (datetime, error) {
		return datetime{}, exc.ValueError("Invalid isoformat string: %s", pyQuote(s))
	}
	if len(s) < 10 {
		return bad()
	}
	y, n1, ok1 := digits(s, 4, 1, 9999)
	mo, n2, ok2 := digits(s[5:], 2, 1, 12)
	d, n3, ok3 := digits(s[8:], 2, 1, 31)
	if !ok1 || !ok2 || !ok3 || n1 != 4 || n2 != 2 || n3 != 2 || s[4] != '-' || s[7] != '-' {
		return bad()
	}
	p := parsed{y: y, mo: mo, d: d}
	rest := s[10:]
	if rest != "" {
		if !withTime || rest[0] != 'T' && rest[0] != ' ' {
			return bad()
		}
		rest = rest[1:]
		fields := []*int{&p.h, &p.mi, &p.s}
		for i, f := range fields {
			if i > 0 {
				if !strings.HasPrefix(rest, ":") {
					break
				}
				rest = rest[1:]
			}
			n, used, ok := digits(rest, 2, 0, 59)
			if !ok || used != 2 {
				return bad()
			}
			*f, rest = n, rest[used:]
		}
		if strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, ",") {
			n, used, ok := digits(rest[1:], 6, 0, 999999)
			if !ok || (used != 3 && used != 6) {
				return bad()
			}
			for i := used; i < 6; i++ {
				n *= 10
			}
			p.us, rest = n, rest[1+used:]
		}
		if rest != "" {
			n, ok := p.zone(rest)
			if !ok || n != len(rest) {
				return bad()
			}
		}
	}
	if err := checkDate(p.y, p.mo, p.d); err != nil {
		return datetime{}, err
	}
	if err := checkTime(p.h, p.mi, p.s, p.us); err != nil {
		return datetime{}, err
	}
	return datetime{time.Date(p.y, time.Month(p.mo), p.d, p.h, p.mi, p.s, p.us*1000, time.UTC), p.tz}, nil
}

func pyQuote(s string) string { return pyrepr.QuoteString(s) }
