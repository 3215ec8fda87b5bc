// Package at speaks the AT command protocol of Quectel cellular modules
// over a serial port: command/response framing with per-command timeouts,
// unsolicited result codes (URCs) separated from responses, and parsing of
// "+NAME: a,"b",c" information lines.
package at

import (
	"strconv"
	"strings"
)

// Final result kinds.
const (
	notFinal = iota
	finalOK
	finalError
	finalCME
)

// classify reports whether line ends a command, and the CME/CMS code.
func classify(line string) (kind, code int) {
	switch line {
	case "OK":
		return finalOK, 0
	case "ERROR", "NO CARRIER", "BUSY", "NO ANSWER", "NO DIALTONE":
		return finalError, 0
	}
	for _, p := range []string{"+CME ERROR:", "+CMS ERROR:"} {
		if rest, ok := strings.CutPrefix(line, p); ok {
			rest = strings.TrimSpace(rest)
			if n, err := strconv.Atoi(rest); err == nil {
				return finalCME, n
			}
			if n, ok := cmeText[strings.ToLower(rest)]; ok {
				return finalCME, n
			}
			return finalCME, -1
		}
	}
	return notFinal, 0
}

// cmeText maps the verbose (AT+CMEE=2) form back to 27.007 codes.
var cmeText = map[string]int{
	"operation not allowed":   3,
	"operation not supported": 4,
	"sim not inserted":        10,
	"sim pin required":        11,
	"sim puk required":        12,
	"sim failure":             13,
	"sim busy":                14,
	"sim wrong":               15,
	"incorrect password":      16,
	"sim pin2 required":       17,
	"sim puk2 required":       18,
	"no network service":      30,
	"incorrect parameters":    50,
}

// Info splits an information line "+NAME: f1,"f2",f3" into its name
// ("+NAME") and fields, with quotes removed. ok is false for lines that
// are not of that form.
func Info(line string) (name string, fields []string, ok bool) {
	if !strings.HasPrefix(line, "+") {
		return "", nil, false
	}
	name, rest, found := strings.Cut(line, ":")
	if !found || len(name) < 2 || strings.ContainsAny(name, " ,\"") {
		return "", nil, false
	}
	return name, Fields(strings.TrimSpace(rest)), true
}

// Fields splits a comma-separated parameter list, honouring double quotes
// (a comma inside quotes is data). Unquoted fields are trimmed.
func Fields(s string) []string {
	var out []string
	var cur strings.Builder
	inQuote, quoted := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			inQuote = !inQuote
			quoted = true
		case c == ',' && !inQuote:
			out = append(out, finish(cur.String(), quoted))
			cur.Reset()
			quoted = false
		default:
			cur.WriteByte(c)
		}
	}
	return append(out, finish(cur.String(), quoted))
}

func finish(s string, quoted bool) string {
	if quoted {
		return s
	}
	return strings.TrimSpace(s)
}

// Int parses field i of fields as a decimal int; ok is false when it is
// missing or not a number.
func Int(fields []string, i int) (int, bool) {
	if i >= len(fields) {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(fields[i]))
	return n, err == nil
}

// Hex parses field i as a hexadecimal int (LAC, TAC, cell id); 0 when absent.
func Hex(fields []string, i int) int {
	if i >= len(fields) {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(fields[i]), 16, 64)
	if err != nil || n < 0 {
		return 0
	}
	return int(n)
}

// Quote returns s as an AT string parameter. Callers must reject strings
// holding '"' or control characters first (see Safe).
func Quote(s string) string { return `"` + s + `"` }

// Safe reports whether s can travel inside an AT string parameter.
func Safe(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '"' || c < 0x20 || c == 0x7f {
			return false
		}
	}
	return true
}

// commandName is the response prefix a command's information lines carry:
// "AT+CPIN?" -> "+CPIN", "AT+QICSGP=1" -> "+QICSGP", "ATI" -> "".
func commandName(cmd string) string {
	s := strings.ToUpper(cmd)
	if !strings.HasPrefix(s, "AT") {
		return ""
	}
	s = s[2:]
	if !strings.HasPrefix(s, "+") {
		return ""
	}
	end := strings.IndexAny(s, "=?;")
	if end < 0 {
		end = len(s)
	}
	return s[:end]
}

// printable reports whether line is plain text; lines with control
// characters or invalid bytes are noise on the wire.
func printable(line string) bool {
	for i := 0; i < len(line); i++ {
		if c := line[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}
