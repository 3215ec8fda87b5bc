//go:build linux

package board

import (
	"encoding/binary"
	"os"
	"testing"
	"time"
)

// Edge events are read from the line request's descriptor, 48 bytes
// each; Close wakes the reader. A pipe stands in for the request here.
func TestLinuxPinEventsAndClose(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	levels := make(chan int, 4)
	p := &linuxPin{n: 7, req: r, watchers: map[int]func(int){0: func(l int) { levels <- l }}, readerDone: make(chan struct{})}
	go p.readEvents(r, p.readerDone)
	for _, id := range []uint32{gpioEventRising, gpioEventFalling} {
		buf := make([]byte, sizeofLineEvent) // struct gpio_v2_line_event
		binary.NativeEndian.PutUint64(buf[0:], 1)
		binary.NativeEndian.PutUint32(buf[8:], id)
		binary.NativeEndian.PutUint32(buf[12:], 7)
		w.Write(buf)
	}
	for _, want := range []int{1, 0} {
		select {
		case got := <-levels:
			if got != want {
				t.Errorf("level %d, want %d", got, want)
			}
		case <-time.After(2 * time.Second):
			t.Fatal("no edge delivered")
		}
	}
	done := make(chan error)
	go func() { done <- p.Close() }()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("Close did not wake the event reader")
	}
}
