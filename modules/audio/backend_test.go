package audio

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/runtime"
)

// The linux backend runs the host's players with the sound's path (or
// the stream on stdin) and falls back to the simulation without them.
func TestLinuxBackendRunsThePlayers(t *testing.T) {
	dir := t.TempDir()
	logFile := filepath.Join(dir, "calls")
	tool := func(name string) {
		script := "#!/bin/sh\necho \"" + name + " $*\" >> " + logFile + "\ncat > /dev/null\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tool("aplay")
	tool("espeak-ng")
	var stderr bytes.Buffer
	env := &runtime.Env{Stderr: &stderr, Config: map[string]string{"debug": "1"}}
	b := linuxBackend{sim: simBackend{env}, look: func(name string) (string, error) {
		if p := filepath.Join(dir, name); fileExists(p) {
			return p, nil
		}
		return "", errors.New("not found")
	}}
	ctx := context.Background()
	if err := b.play(ctx, sound{name: "U:/a.wav", path: "/data/a.wav", format: formatWAV, length: time.Second}, 7); err != nil {
		t.Fatal(err)
	}
	if err := b.play(ctx, sound{name: "stream", data: []byte("RIFF"), format: formatWAV}, 7); err != nil {
		t.Fatal(err)
	}
	if err := b.speak(ctx, "hello", time.Millisecond, 4, 9); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := b.play(ctx, sound{name: "U:/a.mp3", path: "/data/a.mp3", format: formatMP3, length: 50 * time.Millisecond}, 11); err != nil {
		t.Fatal(err)
	}
	if time.Since(start) < 50*time.Millisecond {
		t.Error("without mpg123 the MP3 did not take its length")
	}
	calls, _ := os.ReadFile(logFile)
	want := "aplay -q /data/a.wav\naplay -q -\nespeak-ng -s 176 -a 200 -- hello\n"
	if string(calls) != want {
		t.Errorf("calls:\n%s\nwant\n%s", calls, want)
	}
	if log := stderr.String(); !strings.Contains(log, "qstar: audio: mpg123 not found, simulating\nqstar: audio: would play U:/a.mp3 (MP3, 0.1s, volume 11)\n") {
		t.Errorf("log: %q", log)
	}
}

func TestBackendChoice(t *testing.T) {
	for spec, want := range map[[2]string]string{
		{"", ""}: "audio.simBackend", {"", "linux:map.json"}: "audio.linuxBackend",
		{"sim", "linux"}: "audio.simBackend", {"linux", ""}: "audio.linuxBackend",
	} {
		env := &runtime.Env{Config: map[string]string{"audio": spec[0], "board": spec[1]}}
		t.Setenv("QSTAR_AUDIO", "")
		t.Setenv("QSTAR_BOARD", "")
		b, err := backendFor(env)
		if err != nil || typeName(b) != want {
			t.Errorf("%q: %s, %v; want %s", spec, typeName(b), err, want)
		}
	}
	if _, err := backendFor(&runtime.Env{Config: map[string]string{"audio": "alsa"}}); err == nil || !strings.Contains(err.Error(), `audio "alsa": unknown backend; want sim or linux`) {
		t.Errorf("alsa: %v", err)
	}
}

func typeName(v any) string {
	switch v.(type) {
	case simBackend:
		return "audio.simBackend"
	case linuxBackend:
		return "audio.linuxBackend"
	}
	return "?"
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
