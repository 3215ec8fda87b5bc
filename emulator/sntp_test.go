package emulator

import (
	"context"
	"encoding/binary"
	"strings"
	"testing"
	"time"
)

// A UDP dial to port 123 of any host gets an SNTP answer with the
// emulator's clock; other UDP ports are refused with the reason.
func TestSNTPAnswersWithTheEmulatorClock(t *testing.T) {
	now := time.Date(2024, 5, 1, 8, 30, 0, 250_000_000, time.UTC)
	e, err := Start(Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	c, err := e.Dial(context.Background(), "udp", "ntp.aliyun.com:123")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	req := make([]byte, 48)
	req[0] = 0x1B // LI 0, version 3, client
	binary.BigEndian.PutUint64(req[40:], 0x0123456789ABCDEF)
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Write(req); err != nil {
		t.Fatal(err)
	}
	resp := make([]byte, 64)
	n, err := c.Read(resp)
	if err != nil || n != 48 {
		t.Fatalf("read %d bytes, %v", n, err)
	}
	if resp[0] != 0x1C || resp[1] != 1 {
		t.Errorf("header %#x stratum %d, want version 3 mode 4 (0x1c), stratum 1", resp[0], resp[1])
	}
	if got := binary.BigEndian.Uint64(resp[24:]); got != 0x0123456789ABCDEF {
		t.Errorf("originate %#x, want the request's transmit time", got)
	}
	secs := int64(binary.BigEndian.Uint32(resp[40:])) - ntpEpochOffset
	frac := float64(binary.BigEndian.Uint32(resp[44:])) / (1 << 32)
	if secs != now.Unix() || frac < 0.249 || frac > 0.251 {
		t.Errorf("transmit %d + %.3f, want %d + 0.250", secs, frac, now.Unix())
	}
	if _, err := e.Dial(context.Background(), "udp", "echo.example.com:7"); err == nil || !strings.Contains(err.Error(), "NTP (port 123) only") {
		t.Errorf("UDP to port 7: %v", err)
	}
	if _, ok := sntpReply(make([]byte, 48), now); ok {
		t.Error("a request that is not mode 3 was answered")
	}
}
