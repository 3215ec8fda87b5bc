package at

import (
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf16"
)

// UCS2 is text in the modem's "UCS2" character set (AT+CSCS="UCS2"):
// UTF-16BE code units as hex digits, "4F60597D" for "你好".
func UCS2(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}

// FromUCS2 decodes UCS2 hex text.
func FromUCS2(h string) (string, error) {
	raw, err := hex.DecodeString(h)
	if err != nil || len(raw)%2 != 0 {
		return "", fmt.Errorf("not UCS2 hex: %q", h)
	}
	units := make([]uint16, len(raw)/2)
	for i := range units {
		units[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
	}
	return string(utf16.Decode(units)), nil
}
