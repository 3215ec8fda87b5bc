package audio

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"time"
)

// format is a sound file's container, as the firmware tells them apart.
type format int

const (
	formatUnknown format = iota
	formatWAV
	formatMP3
	formatAMR
)

func (f format) String() string {
	return [...]string{"unknown", "WAV", "MP3", "AMR"}[f]
}

// formatOf names the container from the data's first bytes, then the
// file name's extension (an MP3 without an ID3 tag starts with a frame).
func formatOf(name string, head []byte) format {
	switch {
	case bytes.HasPrefix(head, []byte("RIFF")) && len(head) >= 12 && string(head[8:12]) == "WAVE":
		return formatWAV
	case bytes.HasPrefix(head, []byte("#!AMR")):
		return formatAMR
	case bytes.HasPrefix(head, []byte("ID3")), len(head) >= 2 && head[0] == 0xFF && head[1]&0xE0 == 0xE0:
		return formatMP3
	}
	switch n := strings.ToLower(name); {
	case strings.HasSuffix(n, ".wav"):
		return formatWAV
	case strings.HasSuffix(n, ".mp3"):
		return formatMP3
	case strings.HasSuffix(n, ".amr"):
		return formatAMR
	}
	return formatUnknown
}

// duration is how long data takes to play: exact for WAV (header byte
// rate and data size) and AMR (frames of 20 ms), estimated from the first
// frame's bit rate for MP3.
func duration(f format, data []byte) (time.Duration, error) {
	switch f {
	case formatWAV:
		return wavDuration(data)
	case formatMP3:
		return mp3Duration(data)
	case formatAMR:
		return amrDuration(data)
	}
	return 0, errors.New("not a WAV, MP3 or AMR file")
}

// wavByteRate is the fmt chunk's byte rate, or 0.
func wavByteRate(data []byte) int {
	for p := 12; p+8 <= len(data); {
		id, size := string(data[p:p+4]), int(binary.LittleEndian.Uint32(data[p+4:p+8]))
		if id == "fmt " && len(data) >= p+20 {
			return int(binary.LittleEndian.Uint32(data[p+16 : p+20]))
		}
		p += 8 + size + size%2
	}
	return 0
}

func durationOfBytes(n, byteRate int) time.Duration {
	return time.Duration(n) * time.Second / time.Duration(byteRate)
}

func wavDuration(data []byte) (time.Duration, error) {
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WAVE" {
		return 0, errors.New("WAV: no RIFF/WAVE header")
	}
	byteRate := 0
	for p := 12; p+8 <= len(data); {
		id, size := string(data[p:p+4]), int(binary.LittleEndian.Uint32(data[p+4:p+8]))
		body := data[p+8:]
		switch id {
		case "fmt ":
			if len(body) < 16 {
				return 0, errors.New("WAV: short fmt chunk")
			}
			byteRate = int(binary.LittleEndian.Uint32(body[8:12]))
		case "data":
			if byteRate <= 0 {
				return 0, errors.New("WAV: data before fmt, or a zero byte rate")
			}
			if size > len(body) { // a streamed header's size is often 0xFFFFFFFF
				size = len(body)
			}
			return time.Duration(size) * time.Second / time.Duration(byteRate), nil
		}
		p += 8 + size + size%2
	}
	return 0, errors.New("WAV: no data chunk")
}

// MPEG audio bit rates in kbit/s by [version 1 or 2/2.5][layer 1..3][index].
var mp3Rates = [2][3][16]int{
	{{0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
		{0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
		{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}},
	{{0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
		{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
		{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}},
}

func mp3Duration(data []byte) (time.Duration, error) {
	p := 0
	if len(data) >= 10 && string(data[:3]) == "ID3" { // ID3v2: a 10-byte header and a syncsafe size
		p = 10 + (int(data[6]&0x7F)<<21 | int(data[7]&0x7F)<<14 | int(data[8]&0x7F)<<7 | int(data[9]&0x7F))
	}
	for ; p+4 <= len(data); p++ {
		if data[p] != 0xFF || data[p+1]&0xE0 != 0xE0 {
			continue
		}
		version, layer, index := (data[p+1]>>3)&3, (data[p+1]>>1)&3, data[p+2]>>4
		if version == 1 || layer == 0 || index == 0 || index == 15 {
			continue // reserved values: not a frame header
		}
		v := 0
		if version != 3 {
			v = 1
		}
		kbps := mp3Rates[v][3-layer][index]
		return time.Duration(len(data)-p) * 8 * time.Millisecond / time.Duration(kbps), nil
	}
	return 0, errors.New("MP3: no frame header")
}

// Speech bytes after the TOC byte, by frame type (RFC 4867).
var (
	amrNBSizes = [16]int{12, 13, 15, 17, 19, 20, 26, 31, 5, 0, 0, 0, 0, 0, 0, 0}
	amrWBSizes = [16]int{17, 23, 32, 36, 40, 46, 50, 58, 60, 5, 0, 0, 0, 0, 0, 0}
)

func amrDuration(data []byte) (time.Duration, error) {
	sizes, p := amrNBSizes, len("#!AMR\n")
	switch {
	case bytes.HasPrefix(data, []byte("#!AMR-WB\n")):
		sizes, p = amrWBSizes, len("#!AMR-WB\n")
	case !bytes.HasPrefix(data, []byte("#!AMR\n")):
		return 0, errors.New("AMR: no #!AMR header")
	}
	return amrFrames(data[p:], sizes), nil
}

// amrFrames is the length of AMR frames (no file header), 20 ms each.
func amrFrames(data []byte, sizes [16]int) time.Duration {
	frames := 0
	for p := 0; p < len(data); frames++ {
		p += 1 + sizes[(data[p]>>3)&0x0F]
	}
	return time.Duration(frames) * 20 * time.Millisecond
}

// speechDuration is the simulated time TTS takes for text: about 80 ms a
// character at the default speed 4, from 120 ms (speed 0) to 30 ms (9).
func speechDuration(text string, speed int) time.Duration {
	per := time.Duration(120-10*speed) * time.Millisecond
	return time.Duration(len([]rune(text))) * per
}
