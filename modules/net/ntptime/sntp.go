package ntptime

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"net"
	"time"
)

// ntpEpoch is 1900-01-01, where NTP timestamps start.
var ntpEpoch = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// toNTP encodes t as a 64-bit NTP timestamp.
func toNTP(t time.Time) uint64 {
	d := t.Sub(ntpEpoch)
	secs := uint64(d / time.Second)
	frac := uint64(d%time.Second) << 32 / uint64(time.Second)
	return secs<<32 | frac
}

// fromNTP decodes a timestamp; seconds with the top bit clear are in era
// 1 (from 2036-02-07), as RFC 4330 section 3 says.
func fromNTP(ts uint64) time.Time {
	s := ts >> 32
	if s&0x80000000 == 0 {
		s += 1 << 32
	}
	secs := time.Duration(s) * time.Second
	frac := time.Duration((ts & 0xffffffff) * uint64(time.Second) >> 32)
	return ntpEpoch.Add(secs + frac)
}

// query asks an SNTP server (RFC 4330) for the time over conn and returns
// the server's clock as of the moment the answer arrived: the local
// arrival time plus the clock offset ((T2-T1)+(T3-T4))/2.
func query(conn net.Conn, timeout time.Duration) (time.Time, error) {
	req := make([]byte, 48)
	req[0] = 0x1B // LI 0, version 3, mode 3 (client), as QuecPython sends
	// A random transmit timestamp, which the server echoes as originate:
	// an answer to someone else's query is refused.
	var nonce [8]byte
	_, _ = rand.Read(nonce[:])
	copy(req[40:], nonce[:])
	if err := conn.SetDeadline(time.Now().Add(timeout)); err != nil {
		return time.Time{}, err
	}
	t1 := time.Now()
	if _, err := conn.Write(req); err != nil {
		return time.Time{}, err
	}
	resp := make([]byte, 512)
	for {
		n, err := conn.Read(resp)
		if err != nil {
			return time.Time{}, err
		}
		t4 := time.Now()
		if n < 48 || string(resp[24:32]) != string(nonce[:]) {
			continue // not the answer to this query
		}
		return decode(resp[:48], t1, t4)
	}
}

// decode checks an answer as QuecPython's newer firmware does (a server
// answer with stratum 1..15) and computes the time.
func decode(p []byte, t1, t4 time.Time) (time.Time, error) {
	li, mode, stratum := p[0]>>6, p[0]&7, p[1]
	if mode != 4 && mode != 5 {
		return time.Time{}, fmt.Errorf("NTP resp FAIL: mode %d is not a server answer", mode)
	}
	if li == 3 || stratum == 0 || stratum > 15 {
		return time.Time{}, fmt.Errorf("NTP resp FAIL: flags:%d stratum:%d (server not synchronised)", p[0], stratum)
	}
	rx, tx := binary.BigEndian.Uint64(p[32:40]), binary.BigEndian.Uint64(p[40:48])
	if tx == 0 {
		return time.Time{}, fmt.Errorf("NTP resp FAIL: val:0")
	}
	t2, t3 := fromNTP(rx), fromNTP(tx)
	offset := (t2.Sub(t1) + t3.Sub(t4)) / 2
	if rx == 0 {
		offset = t3.Sub(t4)
	}
	return t4.Add(offset), nil
}

// ask dials host:123 through dial (Env.Dial) and queries it.
func ask(ctx context.Context, dial func(context.Context, string, string) (net.Conn, error), host string, timeout time.Duration) (time.Time, error) {
	dctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	conn, err := dial(dctx, "udp", net.JoinHostPort(host, "123"))
	if err != nil {
		return time.Time{}, err
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Now()) })
	defer stop()
	return query(conn, timeout)
}
