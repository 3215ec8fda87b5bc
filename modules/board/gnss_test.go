package board

import (
	"fmt"
	"io"
	"testing"
	"time"
)

// TestStreamReceiver: a serial receiver's lines are collected as they
// come and a read takes them (only NMEA lines), then reports the end.
func TestStreamReceiver(t *testing.T) {
	r, w := io.Pipe()
	g := newStreamGNSS(r)
	go func() {
		fmt.Fprint(w, "$GPRMC,1*00\r\nnoise\r\n$GPGGA,2*00\r\n")
		w.Close()
	}()
	var got string
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		s, err := g.Read(4096)
		got += s
		if err != nil {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if got != "$GPRMC,1*00\r\n$GPGGA,2*00\r\n" {
		t.Errorf("got %q", got)
	}
}
