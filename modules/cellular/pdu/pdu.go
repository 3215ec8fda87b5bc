// Package pdu encodes and decodes SMS PDUs (3GPP 23.040) as the sms
// module and the AT simulator exchange them in PDU mode (AT+CMGF=0):
// SMS-DELIVER for stored messages, SMS-SUBMIT for sending, the default
// 7-bit alphabet or UCS2.
package pdu

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
)

// Message is a decoded PDU. Time is "2006-01-02 15:04:05" for a DELIVER
// ("" for a SUBMIT); Length is the user data length (septets or octets).
type Message struct {
	Number, Text, Time string
	Length             int
}

var errShort = errors.New("pdu: too short")

// address is a semi-octet number with its type (0x91 international).
func address(number string, semiOctetCount bool) []byte {
	typ := byte(0x81)
	if strings.HasPrefix(number, "+") {
		typ, number = 0x91, number[1:]
	}
	digits := number
	if len(digits)%2 == 1 {
		digits += "F"
	}
	out := []byte{0, typ}
	for i := 0; i < len(digits); i += 2 {
		out = append(out, nibble(digits[i])|nibble(digits[i+1])<<4)
	}
	if semiOctetCount {
		out[0] = byte(len(number))
	} else {
		out[0] = byte(len(out) - 1) // SCA: octets after the length
	}
	return out
}

func nibble(c byte) byte {
	if c >= '0' && c <= '9' {
		return c - '0'
	}
	return 0x0F
}

func digitsOf(b []byte, n int) string {
	var s strings.Builder
	for _, o := range b {
		for _, d := range []byte{o & 0x0F, o >> 4} {
			if d <= 9 && s.Len() < n {
				s.WriteByte('0' + d)
			}
		}
	}
	return s.String()
}

// userData picks the alphabet: DCS, UDL and UD.
func userData(text string) (byte, int, []byte) {
	if sep, ok := septets(text); ok {
		return 0x00, len(sep), pack(sep)
	}
	return ucs2Data(text)
}

func ucs2Data(text string) (byte, int, []byte) {
	var ud []byte
	for _, u := range utf16.Encode([]rune(text)) {
		ud = append(ud, byte(u>>8), byte(u))
	}
	return 0x08, len(ud), ud
}

// scts turns "24/05/01,08:30:00+32" into the 7-octet time stamp.
func scts(t string) []byte {
	var d []byte
	for i := 0; i < len(t); i++ {
		if t[i] >= '0' && t[i] <= '9' {
			d = append(d, t[i]-'0')
		}
	}
	for len(d) < 14 {
		d = append(d, 0)
	}
	out := make([]byte, 7)
	for i := range out {
		out[i] = d[2*i] | d[2*i+1]<<4
	}
	if strings.Contains(t, "-") && len(t) > 17 && strings.ContainsRune(t[17:], '-') {
		out[6] |= 0x08
	}
	return out
}

// Deliver encodes a received message; it returns the hex PDU and the
// TPDU length AT+CMGR reports (octets after the service centre).
func Deliver(center, number, text, at string) (string, int) {
	tp := []byte{0x04}
	tp = append(tp, address(number, true)...)
	dcs, udl, ud := userData(text)
	tp = append(tp, 0x00, dcs)
	tp = append(tp, scts(at)...)
	tp = append(tp, byte(udl))
	tp = append(tp, ud...)
	return strings.ToUpper(hex.EncodeToString(append(address(center, false), tp...))), len(tp)
}

// Submit encodes a message to send (no service centre: the SIM's is
// used); ucs2 forces the UCS2 alphabet.
func Submit(number, text string, ucs2 bool) (string, int) {
	tp := []byte{0x11, 0x00} // SUBMIT, relative validity; message reference 0
	tp = append(tp, address(number, true)...)
	dcs, udl, ud := userData(text)
	if ucs2 {
		dcs, udl, ud = ucs2Data(text)
	}
	tp = append(tp, 0x00, dcs, 0xA7, byte(udl))
	tp = append(tp, ud...)
	return strings.ToUpper(hex.EncodeToString(append([]byte{0x00}, tp...))), len(tp)
}

// TPDULength is the PDU's length without its service centre address.
func TPDULength(pduHex string) (int, error) {
	b, err := hex.DecodeString(pduHex)
	if err != nil || len(b) < 1 || int(b[0])+1 > len(b) {
		return 0, fmt.Errorf("pdu: not a PDU: %q", pduHex)
	}
	return len(b) - int(b[0]) - 1, nil
}

// Decode reads a DELIVER or SUBMIT PDU that starts with its service
// centre address.
func Decode(pduHex string) (Message, error) {
	b, err := hex.DecodeString(pduHex)
	if err != nil || len(b) < 1 {
		return Message{}, fmt.Errorf("pdu: not hex: %w", err)
	}
	r := reader{b: b[min(int(b[0])+1, len(b)):]}
	first := r.byte()
	submit := first&0x03 == 0x01
	if submit {
		r.byte() // message reference
	}
	n := int(r.byte())
	toa := r.byte()
	number := digitsOf(r.take((n+1)/2), n)
	if toa == 0x91 {
		number = "+" + number
	}
	r.byte() // PID
	dcs := r.byte()
	var m Message
	if submit {
		if first&0x18 == 0x10 {
			r.byte() // relative validity period
		}
	} else {
		m.Time = timeOf(r.take(7))
	}
	udl := int(r.byte())
	rest := r.rest()
	if r.err != nil {
		return Message{}, errShort
	}
	m.Number, m.Length = number, udl
	switch dcs & 0x0C {
	case 0x08:
		units := make([]uint16, min(udl, len(rest))/2)
		for i := range units {
			units[i] = uint16(rest[2*i])<<8 | uint16(rest[2*i+1])
		}
		m.Text = string(utf16.Decode(units))
	case 0x04:
		m.Text = string(rest[:min(udl, len(rest))])
	default: // as many septets as the data holds (some PDUs in the wild claim more)
		m.Text = fromSeptets(unpack(rest, min(udl, len(rest)*8/7)))
	}
	return m, nil
}

func timeOf(t []byte) string {
	if len(t) < 6 {
		return ""
	}
	d := func(o byte) int { return int(o&0x0F)*10 + int(o>>4) }
	return fmt.Sprintf("20%02d-%02d-%02d %02d:%02d:%02d", d(t[0]), d(t[1]), d(t[2]), d(t[3]), d(t[4]), d(t[5]))
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.err = errShort
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) take(n int) []byte {
	if n > len(r.b) {
		r.err = errShort
		n = len(r.b)
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) rest() []byte { return r.b }
