package ntptime

import (
	"encoding/binary"
	"net"
	"time"
)

// Serve answers SNTP queries on pc with now() as the server's clock
// (stratum 2), until pc is closed. It is the other side of settime(): the
// tests run it on loopback, and a local cloud can answer a script's NTP
// dials with it.
func Serve(pc net.PacketConn, now func() time.Time, stratum byte) error {
	buf := make([]byte, 512)
	for {
		n, from, err := pc.ReadFrom(buf)
		if err != nil {
			return err
		}
		if r := Answer(buf[:n], now(), stratum); r != nil {
			if _, err := pc.WriteTo(r, from); err != nil {
				return err
			}
		}
	}
}

// Answer is the 48-byte reply to a client query q at time t, or nil when q
// is not a client query: the client's version, mode 4 (server), its
// transmit timestamp echoed as originate, receive = transmit = t.
func Answer(q []byte, t time.Time, stratum byte) []byte {
	if len(q) < 48 || q[0]&7 != 3 {
		return nil
	}
	r := make([]byte, 48)
	r[0] = (q[0]>>3&7)<<3 | 4
	r[1] = stratum
	r[2] = q[2] // poll
	r[3] = 0xEC // precision ~ 2^-20 s
	copy(r[12:16], "QSTR")
	copy(r[24:32], q[40:48])
	ts := toNTP(t)
	binary.BigEndian.PutUint64(r[16:24], ts) // reference
	binary.BigEndian.PutUint64(r[32:40], ts)
	binary.BigEndian.PutUint64(r[40:48], ts)
	return r
}
