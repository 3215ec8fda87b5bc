package audio_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/audio"
	_ "github.com/qstar-dev/qstar/modules/std/utime"
)

// wav writes a silent 8 kHz 16-bit mono WAV of d to dir/name.
func wav(t *testing.T, dir, name string, d time.Duration) {
	t.Helper()
	n := int(d.Seconds() * 16000)
	h := []byte("RIFF\x00\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x40\x1f\x00\x00\x80\x3e\x00\x00\x02\x00\x10\x00data")
	h = append(h, byte(n), byte(n>>8), byte(n>>16), byte(n>>24))
	if err := os.WriteFile(filepath.Join(dir, name), append(h, make([]byte, n)...), 0o666); err != nil {
		t.Fatal(err)
	}
}

func runScript(t *testing.T, script string, setup func(env *runtime.Env)) string {
	t.Helper()
	src, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	in, out := runtimetest.NewInterp(t, setup)
	if err := runtimetest.Exec(in, filepath.Base(script), string(src)); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	return out.String()
}

func TestEventsInOrder(t *testing.T) {
	dir := t.TempDir()
	wav(t, dir, "beep.wav", 200*time.Millisecond)
	got := runScript(t, "testdata/events.py", func(env *runtime.Env) { env.DataDir = dir })
	want := `callbacks 0 0 -1
volume 7 -1 0 9
speed 4 0 9
play 0 say 1
events [('audio', 0), ('audio', 7), ('tts', 2), ('tts', 4)]
play 0
say now 0 speaking -1
events [('audio', 0), ('tts', 2), ('tts', 4)]
idle 0
play 0
queued [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] full -2
stopAll 0
qstar: audio: play U:/none.mp3: cannot read /usr/none.mp3
missing -1 bad priority -1
play 0 say 1
stop 0
say 0
stop 0
events [('audio', 0), ('audio', 0), ('tts', 2), ('tts', 4), ('tts', 2), ('tts', 3)]
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestRecordWritesTheTimeItRan(t *testing.T) {
	got := runScript(t, "testdata/record.py", func(env *runtime.Env) { env.DataDir = t.TempDir() })
	// the end event's length is the time the recording ran: at least 300 ms of 16 kB/s
	got = regexp.MustCompile(`'/usr/voice.wav', (4[89]\d\d|[5-9]\d{3}|[1-7]\d{4}), 3\]`).ReplaceAllString(got, "'/usr/voice.wav', LEN, 3]")
	want := `callback 0
format -6
start 0 1
busy -3
record event ['/usr/voice.wav', 0, 0]
stop 0
record event ['/usr/voice.wav', LEN, 3]
idle 0 True /usr/voice.wav
size True True
data bytearray(b'RIFF') -6 -5
file b'RIFF'
replay 0
delete 0 False -1 -2
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestRecordLegacyForm(t *testing.T) {
	got := runScript(t, "testdata/record_legacy.py", func(env *runtime.Env) { env.DataDir = t.TempDir() })
	want := `start 0 1
record event /usr/legacy.wav 0
record event /usr/legacy.wav 3
after 0 True /usr/legacy.wav
size True bytearray(b'RIFF')
delete 0 False
ValueError Record: empty file_name
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// With the linux backend a recording is arecord's: the end event's length
// is its file less the WAV header.
func TestRecordWithArecord(t *testing.T) {
	bin := t.TempDir()
	script := "#!/bin/sh\nfor a; do last=$a; done\necho \"$*\" > " + filepath.Join(bin, "args") + "\nhead -c 1044 /dev/zero > \"$last\"\n"
	if err := os.WriteFile(filepath.Join(bin, "arecord"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+":/usr/bin:/bin")
	dir := t.TempDir()
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) {
		env.DataDir = dir
		env.Config["audio"] = "linux"
	})
	err := runtimetest.Exec(in, "rec.py", `import audio
import utime
rec = audio.Record(0)
ends = []
rec.end_callback(lambda m: ends.append(m))
print(rec.start('mic.wav', 2))
while len(ends) < 2:
    utime.sleep_ms(5)
print(ends, rec.getSize('mic.wav'))
`)
	if err != nil {
		t.Fatal(err, out.String())
	}
	if want := "0\n[['/usr/mic.wav', 0, 0], ['/usr/mic.wav', 1000, 3]] 1044\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
	args, _ := os.ReadFile(filepath.Join(bin, "args"))
	if want := "-q -t wav -f S16_LE -r 8000 -c 1 -d 2 " + filepath.Join(dir, "mic.wav") + "\n"; string(args) != want {
		t.Errorf("arecord %q, want %q", args, want)
	}
}
