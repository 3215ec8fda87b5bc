package emulator

import (
	"fmt"
	"strings"
	"testing"
)

// The console's log keeps the last ringSize messages per device, newest
// first, at most maxLoggedDevices devices (the least recently active one
// goes), and payload previews cut at previewBytes without splitting a
// character; binary payloads show as hex.
func TestTrafficBounded(t *testing.T) {
	var tr traffic
	dev := func(i int) session {
		return session{platform: plain, connect: Connect{ClientID: fmt.Sprintf("d%d", i)}}
	}
	for i := 0; i < ringSize+5; i++ {
		tr.up(dev(0), "t", []byte(fmt.Sprint(i)))
	}
	for i := 1; i <= maxLoggedDevices; i++ { // d0 becomes the least recent, and is dropped
		tr.down(dev(i), "t", []byte("x"))
	}
	views := tr.snapshot()
	if len(views) != maxLoggedDevices {
		t.Fatalf("%d device logs", len(views))
	}
	for _, v := range views {
		if v.Device == "d0" {
			t.Fatal("the least recently active device was kept")
		}
	}
	var one traffic
	for i := 0; i < ringSize+5; i++ {
		one.up(dev(0), "t", []byte(fmt.Sprint(i)))
	}
	msgs := one.snapshot()[0].Messages
	if len(msgs) != ringSize || msgs[0].Payload != fmt.Sprint(ringSize+4) || msgs[ringSize-1].Payload != "5" {
		t.Fatalf("ring: %d messages, newest %q, oldest %q", len(msgs), msgs[0].Payload, msgs[len(msgs)-1].Payload)
	}

	long := strings.Repeat("a", previewBytes-1) + "é" + "tail" // é straddles the cut
	if p := preview([]byte(long)); p != strings.Repeat("a", previewBytes-1)+"…" {
		t.Errorf("long preview %q", p)
	}
	if p := preview([]byte{0xff, 0x00, 0x10}); p != "hex:ff0010" {
		t.Errorf("binary preview %q", p)
	}
}

// What logging one message costs the broker's hot path, spread over 10,000
// devices (so the least-recently-active eviction runs too).
func BenchmarkTrafficRecord(b *testing.B) {
	var tr traffic
	devs := make([]session, 10000)
	for i := range devs {
		devs[i] = session{platform: plain, connect: Connect{ClientID: fmt.Sprintf("dev%d", i)}}
	}
	payload := []byte(`{"id":1,"dp":{"temp":[{"v":21.5}]}}`)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		tr.up(devs[i%len(devs)], "$sys/p/d/dp/post/json", payload)
	}
}
