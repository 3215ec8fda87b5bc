package audio

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/qstar-dev/qstar/runtime"
)

// sound is one thing to play: a host file or stream bytes.
type sound struct {
	name   string // as the script named it, for logs
	path   string // host file, or "" for data
	data   []byte
	format format
	length time.Duration
}

// backend makes the sound. play and speak return when it has ended or
// ctx is done (stop(), a higher priority task, the end of the run).
type backend interface {
	play(ctx context.Context, s sound, volume int) error
	speak(ctx context.Context, text string, length time.Duration, speed, volume int) error
}

// recorderBackend is a backend with a microphone: record fills host with
// a WAV recording until ctx is done; false when it cannot (no tool),
// and the recording is simulated.
type recorderBackend interface {
	record(ctx context.Context, host string, seconds int) (bool, error)
}

// backendFor picks env's backend: the "audio" setting (--board's
// counterpart, QSTAR_AUDIO) if set, else linux when the board is linux,
// else the simulated one.
func backendFor(env *runtime.Env) (backend, error) {
	kind := env.Setting("audio")
	if kind == "" {
		kind, _, _ = strings.Cut(env.Setting("board"), ":")
	}
	sim := simBackend{env}
	switch kind {
	case "", "sim":
		return sim, nil
	case "linux":
		return linuxBackend{sim: sim, look: exec.LookPath}, nil
	}
	return nil, fmt.Errorf("audio %q: unknown backend; want sim or linux", kind)
}

// simBackend takes the time the sound would and says what it would play
// (at debug level: --log json's debug records, or QSTAR_DEBUG=1).
type simBackend struct{ env *runtime.Env }

func (b simBackend) play(ctx context.Context, s sound, volume int) error {
	debugf(b.env, "audio: would play %s (%s, %.1fs, volume %d)", s.name, s.format, s.length.Seconds(), volume)
	return sleep(ctx, s.length)
}

func (b simBackend) speak(ctx context.Context, text string, length time.Duration, speed, volume int) error {
	debugf(b.env, "audio: would say %q (%.1fs, speed %d, volume %d)", text, length.Seconds(), speed, volume)
	return sleep(ctx, length)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func debugf(env *runtime.Env, format string, args ...any) {
	if env.Logger != nil {
		env.Logger.Debug(fmt.Sprintf(format, args...))
		return
	}
	if env.Setting("debug") != "" {
		env.Logf(format, args...)
	}
}

// linuxBackend plays through this host's sound tools: aplay for WAV,
// mpg123 for MP3, espeak-ng for TTS. A missing tool, or AMR (which no
// common player reads), falls back to the simulated backend.
type linuxBackend struct {
	sim  simBackend
	look func(string) (string, error)
}

func (b linuxBackend) play(ctx context.Context, s sound, volume int) error {
	var tool string
	var args []string
	switch s.format {
	case formatWAV:
		tool, args = "aplay", []string{"-q"}
	case formatMP3:
		tool, args = "mpg123", []string{"-q", "-f", strconv.Itoa(volume * 32768 / 11)}
	}
	if tool == "" {
		return b.sim.play(ctx, s, volume)
	}
	src := s.path
	if src == "" {
		src = "-" // stream bytes on stdin
	}
	return b.run(ctx, tool, append(args, src), s.data, func() error { return b.sim.play(ctx, s, volume) })
}

func (b linuxBackend) speak(ctx context.Context, text string, length time.Duration, speed, volume int) error {
	args := []string{"-s", strconv.Itoa(80 + 24*speed), "-a", strconv.Itoa(volume * 200 / 9), "--", text}
	return b.run(ctx, "espeak-ng", args, nil, func() error { return b.sim.speak(ctx, text, length, speed, volume) })
}

// record runs arecord for seconds (8 kHz 16-bit mono, the firmware's
// recording format); stop() interrupts it, so it still finishes the
// WAV header.
func (b linuxBackend) record(ctx context.Context, host string, seconds int) (bool, error) {
	path, err := b.look("arecord")
	if err != nil {
		debugf(b.sim.env, "audio: arecord not found, recording silence")
		return false, nil
	}
	cmd := exec.Command(path, "-q", "-t", "wav", "-f", "S16_LE", "-r", "8000", "-c", "1", "-d", strconv.Itoa(seconds), host)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return true, err
	}
	stop := context.AfterFunc(ctx, func() { cmd.Process.Signal(os.Interrupt) })
	defer stop()
	if err := cmd.Wait(); err != nil && ctx.Err() == nil {
		return true, fmt.Errorf("arecord: %v %s", err, strings.TrimSpace(stderr.String()))
	}
	return true, nil
}

// run runs tool, killing it when ctx is done; without the tool it runs
// fallback instead.
func (b linuxBackend) run(ctx context.Context, tool string, args []string, stdin []byte, fallback func() error) error {
	path, err := b.look(tool)
	if err != nil {
		debugf(b.sim.env, "audio: %s not found, simulating", tool)
		return fallback()
	}
	cmd := exec.CommandContext(ctx, path, args...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%s: %v %s", tool, err, strings.TrimSpace(stderr.String()))
	}
	return nil
}
