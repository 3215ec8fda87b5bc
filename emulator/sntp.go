package emulator

import (
	"encoding/binary"
	"fmt"
	"net"
	"time"
)

// The local cloud's time server: a UDP dial to port 123 of any host reaches
// it, so ntptime.settime() works offline. It answers SNTP (RFC 4330) client
// requests with the emulator's clock, as a stratum-1 server.

const ntpEpochOffset = 2208988800 // seconds from 1900 to 1970

func (e *Emulator) serveSNTP() (string, error) {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("emulator: sntp: %w", err)
	}
	e.onClose = append(e.onClose, func() { pc.Close() })
	go func() {
		buf := make([]byte, 512)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			if reply, ok := sntpReply(buf[:n], e.opts.Now()); ok {
				pc.WriteTo(reply, from)
			}
		}
	}()
	return pc.LocalAddr().String(), nil
}

// sntpReply answers a client (mode 3) request: the request's version,
// mode 4, stratum 1, its transmit time as our originate time, and now as
// the receive and transmit times.
func sntpReply(req []byte, now time.Time) ([]byte, bool) {
	if len(req) < 48 || req[0]&0x07 != 3 {
		return nil, false
	}
	r := make([]byte, 48)
	r[0] = req[0]&0x38 | 4 // LI 0, the client's version, mode 4
	r[1] = 1               // stratum: a primary reference
	r[2] = req[2]          // poll
	r[3] = 0xEC            // precision: about a microsecond (2^-20)
	copy(r[12:16], "LOCL")
	ts := ntpTime(now)
	binary.BigEndian.PutUint64(r[16:24], ts) // reference
	copy(r[24:32], req[40:48])               // originate = the client's transmit
	binary.BigEndian.PutUint64(r[32:40], ts) // receive
	binary.BigEndian.PutUint64(r[40:48], ts) // transmit
	return r, true
}

// ntpTime is t as a 64-bit NTP timestamp (seconds since 1900, 32.32 fixed).
func ntpTime(t time.Time) uint64 {
	secs := uint64(t.Unix() + ntpEpochOffset)
	frac := uint64(t.Nanosecond()) << 32 / 1e9
	return secs<<32 | frac
}
