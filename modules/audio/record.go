package audio

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"sync"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// Record's limits and constants.
const (
	maxRead   = 10 * 1024 // getData's size limit
	recordPCM = 8000 * 2  // 8 kHz 16-bit mono, bytes a second
)

// recorder is one Record object's state. The linux backend records WAV
// with arecord; otherwise (no microphone tool, AMR) a recording is
// silence of the time it ran (WAV, or AMR NO_DATA frames).
type recorder struct {
	env  *runtime.Env
	back backend

	mu     sync.Mutex
	busy   string // device path being recorded
	cancel context.CancelFunc
	endCB  starlark.Value
}

// recordPath is where file_name is kept: names without a directory go in
// /usr, as the firmware keeps recordings on the user partition.
func recordPath(name string) string {
	name = devicePath(name)
	if !strings.Contains(name, "/") {
		return "/usr/" + name
	}
	return name
}

func (r *recorder) start(t *starlark.Thread, name string, seconds int) int {
	in := runtime.FromThread(t)
	f := formatOf(name, nil)
	switch {
	case in == nil || seconds <= 0:
		return -1
	case f != formatWAV && f != formatAMR:
		return -6
	}
	path := recordPath(name)
	host, err := r.env.FS().Resolve(path)
	if err != nil {
		return -2
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.busy != "" {
		return -3
	}
	out, err := os.Create(host)
	if err != nil {
		return -2
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(seconds)*time.Second)
	r.busy, r.cancel = path, cancel
	cb := r.endCB
	in.Go("audio record", starlark.NewBuiltin("audio record", func(th *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		return r.run(th, in, ctx, out, path, f, seconds, cb)
	}), nil, nil)
	return 0
}

func (r *recorder) run(th *starlark.Thread, in *runtime.Interp, ctx context.Context, out *os.File, path string, f format, seconds int, cb starlark.Value) (starlark.Value, error) {
	began := time.Now()
	defer func() {
		r.mu.Lock()
		r.busy, r.cancel = "", nil
		r.mu.Unlock()
	}()
	report := func(length, state int) error {
		if cb == nil {
			return nil
		}
		return callback(in, th, cb, starlark.NewList([]starlark.Value{starlark.String(path), starlark.MakeInt(length), starlark.MakeInt(state)}))
	}
	if err := report(0, 0); err != nil {
		out.Close()
		return nil, err
	}
	var length int
	var recErr error
	blockErr := runtime.Block(th, func(thCtx context.Context) error {
		defer context.AfterFunc(thCtx, r.stop)()
		length, recErr = r.capture(ctx, out, f, seconds, began)
		return nil
	})
	if blockErr != nil {
		return nil, blockErr
	}
	if recErr != nil {
		in.Env.Logf("audio: record %s: %v", path, recErr)
		return starlark.None, report(0, -1)
	}
	return starlark.None, report(length, 3)
}

// capture makes the recording until ctx is done and returns its audio
// length in bytes (the file less its header); out is closed.
func (r *recorder) capture(ctx context.Context, out *os.File, f format, seconds int, began time.Time) (int, error) {
	if rb, ok := r.back.(recorderBackend); ok && f == formatWAV {
		name := out.Name()
		out.Close()
		if done, err := rb.record(ctx, name, seconds); done {
			if err != nil {
				return 0, err
			}
			fi, err := os.Stat(name)
			if err != nil {
				return 0, err
			}
			return max(int(fi.Size())-44, 0), nil
		}
		var err error
		if out, err = os.Create(name); err != nil {
			return 0, err
		}
	}
	<-ctx.Done()
	data := silence(f, time.Since(began))
	_, err := out.Write(data)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	header := 44
	if f == formatAMR {
		header = 6
	}
	return len(data) - header, err
}

func (r *recorder) stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cancel != nil {
		r.cancel()
	}
}

func (r *recorder) recording(path string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.busy != "" && r.busy == path
}

// silence is d of recorded nothing in f.
func silence(f format, d time.Duration) []byte {
	if f == formatAMR {
		frames := int(d / (20 * time.Millisecond))
		return append([]byte("#!AMR\n"), bytes.Repeat([]byte{0x7C}, frames)...) // NO_DATA frames
	}
	n := int(d.Seconds()*recordPCM) &^ 1
	var b bytes.Buffer
	b.WriteString("RIFF")
	binary.Write(&b, binary.LittleEndian, uint32(36+n))
	b.WriteString("WAVEfmt ")
	for _, v := range []any{uint32(16), uint16(1), uint16(1), uint32(8000), uint32(recordPCM), uint16(2), uint16(16)} {
		binary.Write(&b, binary.LittleEndian, v) // PCM, mono, 8 kHz, 16-bit
	}
	b.WriteString("data")
	binary.Write(&b, binary.LittleEndian, uint32(n))
	b.Write(make([]byte, n))
	return b.Bytes()
}

// stat is a recording's host file and size; errors.Is(err, os.ErrNotExist)
// when it is absent.
func (r *recorder) stat(name string) (string, string, int, error) {
	path := recordPath(name)
	host, err := r.env.FS().Resolve(path)
	if err != nil {
		return "", "", 0, err
	}
	fi, err := os.Stat(host)
	if err != nil {
		return "", "", 0, err
	}
	return path, host, int(fi.Size()), nil
}

func recordClass(env *runtime.Env) *gotype.Class {
	c := gotype.NewClass("Record", starlark.StringDict{"AMRNB": starlark.MakeInt(0)}, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		// The 2020 firmwares' form, Record(file_name, callback), names the
		// file once; the methods then take no file_name.
		var legacyName starlark.String
		var legacyCB starlark.Value
		if len(args) > 0 {
			if s, ok := args[0].(starlark.String); ok {
				if err := legacyRecordSig.UnpackArgs(args, kw, &legacyName, &legacyCB); err != nil {
					return nil, err
				}
				args, kw = nil, nil
				if s == "" {
					return nil, exc.ValueError("Record: empty file_name")
				}
			}
		}
		device := 0
		if err := sigs["Record"].UnpackArgs(args, kw, &device); err != nil {
			return nil, err
		}
		if err := checkDevice("Record", device); err != nil {
			return nil, err
		}
		back, err := backendFor(env)
		if err != nil {
			return nil, exc.OSError("%v", err)
		}
		r := &recorder{env: env, back: back}
		var name string
		var seconds, offset, size, codec, dsp int
		var fn starlark.Value
		methods := map[string]gotype.Method{
			"start": method("Record.start", func(t *starlark.Thread, _ ...any) (starlark.Value, error) {
				return starlark.MakeInt(r.start(t, name, seconds)), nil
			}, &name, &seconds),
			"stop": method("Record.stop", func(*starlark.Thread, ...any) (starlark.Value, error) {
				r.stop()
				return zero, nil
			}),
			"isBusy": method("Record.isBusy", func(*starlark.Thread, ...any) (starlark.Value, error) {
				r.mu.Lock()
				defer r.mu.Unlock()
				if r.busy != "" {
					return starlark.MakeInt(1), nil
				}
				return zero, nil
			}),
			"end_callback": method("Record.end_callback", func(*starlark.Thread, ...any) (starlark.Value, error) {
				if _, ok := fn.(starlark.Callable); !ok {
					return minusOne, nil
				}
				r.mu.Lock()
				r.endCB = fn
				r.mu.Unlock()
				return zero, nil
			}, &fn),
			"getFilePath": method("Record.getFilePath", func(*starlark.Thread, ...any) (starlark.Value, error) {
				if name == "" {
					return starlark.MakeInt(-2), nil
				}
				path, _, _, err := r.stat(name)
				if err != nil {
					return minusOne, nil
				}
				return starlark.String(path), nil
			}, &name),
			"getSize": method("Record.getSize", func(*starlark.Thread, ...any) (starlark.Value, error) {
				if name == "" {
					return starlark.MakeInt(-4), nil
				}
				path, _, n, err := r.stat(name)
				switch {
				case errors.Is(err, os.ErrNotExist):
					return starlark.MakeInt(-2), nil
				case err != nil:
					return minusOne, nil
				case r.recording(path):
					return starlark.MakeInt(-3), nil
				}
				return starlark.MakeInt(n), nil
			}, &name),
			"getData": method("Record.getData", func(*starlark.Thread, ...any) (starlark.Value, error) {
				if size > maxRead {
					return starlark.MakeInt(-6), nil
				}
				path, host, n, err := r.stat(name)
				switch {
				case err != nil:
					return starlark.MakeInt(-2), nil
				case r.recording(path):
					return starlark.MakeInt(-4), nil
				case offset < 0 || size < 0 || offset+size > n:
					return starlark.MakeInt(-5), nil
				}
				data, err := os.ReadFile(host)
				if err != nil || len(data) < offset+size {
					return minusOne, nil
				}
				return pylib.NewByteArray(append([]byte(nil), data[offset:offset+size]...)), nil
			}, &name, &offset, &size),
			"Delete": method("Record.Delete", func(*starlark.Thread, ...any) (starlark.Value, error) {
				path, host, _, err := r.stat(name)
				switch {
				case err != nil:
					return minusOne, nil
				case r.recording(path):
					return starlark.MakeInt(-2), nil
				}
				if os.Remove(host) != nil {
					return minusOne, nil
				}
				return zero, nil
			}, &name),
			"exists": method("Record.exists", func(*starlark.Thread, ...any) (starlark.Value, error) {
				_, _, _, err := r.stat(name)
				return starlark.Bool(err == nil), nil
			}, &name),
			"gain": method("Record.gain", func(*starlark.Thread, ...any) (starlark.Value, error) {
				return code(codec >= 0 && codec <= 4 && dsp >= -36 && dsp <= 12), nil
			}, &codec, &dsp),
		}
		if legacyName != "" {
			nameFirst(methods, legacyName, "start", "getFilePath", "getData", "getSize", "Delete", "exists")
			if _, ok := legacyCB.(starlark.Callable); ok {
				r.endCB = legacyCB
			}
		}
		return gotype.NewObject(c, methods, func() string { return "<Record>" }), nil
	}
	return c
}

// nameFirst makes the named methods take the file name given to the
// constructor as their first argument.
func nameFirst(methods map[string]gotype.Method, name starlark.String, names ...string) {
	for _, n := range names {
		inner := methods[n]
		methods[n] = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return inner(t, b, append(starlark.Tuple{name}, args...), kw)
		}
	}
}
