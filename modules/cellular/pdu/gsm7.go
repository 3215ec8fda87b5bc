package pdu

import "strings"

// The GSM 03.38 default alphabet, by code point; 0x1B escapes to ext.
const gsmBasic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
	"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"

var gsmExt = map[rune]byte{'\f': 0x0A, '^': 0x14, '{': 0x28, '}': 0x29, '\\': 0x2F, '[': 0x3C, '~': 0x3D, ']': 0x3E, '|': 0x40, '€': 0x65}

var (
	basicCode = map[rune]byte{}
	basicRune = []rune(gsmBasic)
	extRune   = map[byte]rune{}
)

func init() {
	for i, r := range basicRune {
		basicCode[r] = byte(i)
	}
	for r, c := range gsmExt {
		extRune[c] = r
	}
}

// septets encodes s in the default alphabet; ok is false when it has a
// character outside it (then the message goes as UCS2).
func septets(s string) ([]byte, bool) {
	var out []byte
	for _, r := range s {
		if c, ok := basicCode[r]; ok && r != '\x1b' {
			out = append(out, c)
		} else if c, ok := gsmExt[r]; ok {
			out = append(out, 0x1B, c)
		} else {
			return nil, false
		}
	}
	return out, true
}

func fromSeptets(sep []byte) string {
	var b strings.Builder
	for i := 0; i < len(sep); i++ {
		c := sep[i] & 0x7F
		if c == 0x1B && i+1 < len(sep) {
			i++
			if r, ok := extRune[sep[i]]; ok {
				b.WriteRune(r)
			}
			continue
		}
		b.WriteRune(basicRune[c])
	}
	return b.String()
}

// pack puts septets into octets, least significant bit first.
func pack(sep []byte) []byte {
	out := make([]byte, (len(sep)*7+7)/8)
	for i, s := range sep {
		bit := i * 7
		out[bit/8] |= s << (bit % 8)
		if bit%8 > 1 {
			out[bit/8+1] |= s >> (8 - bit%8)
		}
	}
	return out
}

func unpack(oct []byte, n int) []byte {
	out := make([]byte, n)
	for i := range out {
		bit := i * 7
		v := uint16(oct[bit/8]) >> (bit % 8)
		if bit/8+1 < len(oct) {
			v |= uint16(oct[bit/8+1]) << (8 - bit%8)
		}
		out[i] = byte(v) & 0x7F
	}
	return out
}
