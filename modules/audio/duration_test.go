package audio

import (
	"bytes"
	"testing"
	"time"
)

func TestDurations(t *testing.T) {
	mp3 := append([]byte{0xFF, 0xFB, 0x90, 0x00}, make([]byte, 15996)...) // MPEG-1 layer III, 128 kbit/s
	id3 := append([]byte{'I', 'D', '3', 4, 0, 0, 0, 0, 1, 0}, make([]byte, 128)...)
	amr := append([]byte("#!AMR\n"), bytes.Repeat(append([]byte{0x3C}, make([]byte, 31)...), 50)...) // 50 frames of 12.2 kbit/s
	amrWB := append([]byte("#!AMR-WB\n"), bytes.Repeat([]byte{0x7C}, 25)...)                         // 25 NO_DATA frames
	for _, c := range []struct {
		name string
		data []byte
		f    format
		want time.Duration
	}{
		{"a.wav", silence(formatWAV, time.Second), formatWAV, time.Second},
		{"a.wav", silence(formatWAV, 250*time.Millisecond), formatWAV, 250 * time.Millisecond},
		{"x.bin", mp3, formatMP3, time.Second},
		{"tagged.mp3", append(id3, mp3...), formatMP3, time.Second},
		{"a.amr", amr, formatAMR, time.Second},
		{"a.amr", silence(formatAMR, 400*time.Millisecond), formatAMR, 400 * time.Millisecond},
		{"w.amr", amrWB, formatAMR, 500 * time.Millisecond},
	} {
		f := formatOf(c.name, c.data)
		if f != c.f {
			t.Errorf("%s: format %v, want %v", c.name, f, c.f)
			continue
		}
		got, err := duration(f, c.data)
		if err != nil || got != c.want {
			t.Errorf("%s (%v): %v, %v; want %v", c.name, f, got, err, c.want)
		}
	}
	for _, bad := range [][]byte{[]byte("RIFF\x00\x00\x00\x00WAVE"), []byte("hello"), nil} {
		if _, err := duration(formatOf("x.wav", bad), bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	if _, err := mp3Duration(make([]byte, 100)); err == nil {
		t.Error("MP3 without a frame: no error")
	}
	if d := speechDuration("你好世界", 4); d != 320*time.Millisecond {
		t.Errorf("speech: %v", d)
	}
}
