// Package fota is QuecPython's firmware upgrade module on a gateway: the
// image is downloaded (httpDownload) or written (write, verify) into the
// data directory's .fota folder and recorded there as the pending
// upgrade; a gateway has no module firmware to flash, so the "upgrade" is
// that record, and the restart the firmware does after a download ends
// the run with exit code 75 unless fota(reset_disable=1).
package fota

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "fota",
		Doc:  "firmware upgrade: httpDownload / write+verify an image into the data dir's .fota, recorded as the pending upgrade",
		New:  newModule,
	})
}

var (
	zero     = starlark.MakeInt(0)
	minusOne = starlark.MakeInt(-1)
)

// The files in <data dir>/.fota.
const (
	dirName     = ".fota"
	imageName   = "firmware.bin"
	partName    = "firmware.bin.part"
	pendingName = "pending.json"
)

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	c := gotype.NewClass("fota", nil, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		resetDisable := 0
		if err := sigs["fota"].UnpackArgs(args, kw, &resetDisable); err != nil {
			return nil, err
		}
		u := &upgrade{env: env, restart: resetDisable == 0}
		return gotype.NewObject(c, u.methods(), func() string { return "<fota>" }), nil
	}
	// the module is the type, as on the firmware: import fota; fota()
	return starlark.StringDict{"__call__": c, "fota": c}, nil
}

// upgrade is one fota object.
type upgrade struct {
	env     *runtime.Env
	restart bool

	mu      sync.Mutex
	cancel  context.CancelFunc // of the download running
	written int64              // write()'s bytes so far
	size    int64              // write()'s file_size
	part    *os.File
}

func (u *upgrade) dir() string { return filepath.Join(u.env.FS().UsrDir(), dirName) }

func (u *upgrade) methods() map[string]gotype.Method {
	bind := func(member string, f func(t *starlark.Thread, a *pyargs.Args) (starlark.Value, error)) gotype.Method {
		sig := sigs[member]
		return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			a, err := sig.Bind(args, kw)
			if err != nil {
				return nil, err
			}
			return f(t, a)
		}
	}
	return map[string]gotype.Method{
		"httpDownload":    bind("fota.httpDownload", u.httpDownload),
		"write":           bind("fota.write", u.write),
		"flush":           bind("fota.flush", func(*starlark.Thread, *pyargs.Args) (starlark.Value, error) { return zero, nil }),
		"verify":          bind("fota.verify", u.verify),
		"apn_set":         bind("fota.apn_set", func(*starlark.Thread, *pyargs.Args) (starlark.Value, error) { return zero, nil }),
		"download_cancel": bind("fota.download_cancel", u.downloadCancel),
	}
}

// progress is one callback report: (status, percent).
type progress struct{ status, percent int }

// httpDownload(url1=, url2=, callback=): GET url1 (then url2, the mini
// FOTA second stage) into .fota, calling callback([status, percent]) as
// the download goes: status 0 with the percentage, then [0, 100]; on a
// failure [-1, 0] and -1. It returns when the image is recorded.
func (u *upgrade) httpDownload(t *starlark.Thread, a *pyargs.Args) (starlark.Value, error) {
	url1, err := a.Str("url1", "")
	if err != nil {
		return nil, err
	}
	url2, err := a.Str("url2", "")
	if err != nil {
		return nil, err
	}
	cb := a.Value("callback")
	if pyargs.IsNone(cb) {
		cb = nil
	} else if _, ok := cb.(starlark.Callable); !ok {
		return nil, exc.TypeError("httpDownload() callback must be callable, not %s", cb.Type())
	}
	if url1 == "" {
		return minusOne, nil
	}
	report := func(p progress) error {
		if cb == nil {
			return nil
		}
		_, err := starlark.Call(t, cb, starlark.Tuple{starlark.NewList([]starlark.Value{starlark.MakeInt(p.status), starlark.MakeInt(p.percent)})}, nil)
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	u.mu.Lock()
	if u.cancel != nil {
		u.mu.Unlock()
		cancel()
		return minusOne, nil // one download at a time
	}
	u.cancel = cancel
	u.mu.Unlock()
	defer func() {
		u.mu.Lock()
		u.cancel = nil
		u.mu.Unlock()
		cancel()
	}()

	reports := make(chan progress, 16)
	done := make(chan error, 1)
	go func() { done <- u.fetchAll(ctx, []string{url1, url2}, reports) }()
	var fetchErr error
	for finished := false; !finished; {
		var p progress
		got := false
		if err := runtime.Block(t, func(tctx context.Context) error {
			select {
			case p = <-reports:
				got = true
			case fetchErr = <-done:
				finished = true
			case <-tctx.Done():
				cancel()
			}
			return nil
		}); err != nil {
			cancel()
			<-done
			return nil, err
		}
		if got {
			if err := report(p); err != nil {
				cancel()
				<-done
				return nil, err
			}
		}
	}
	for len(reports) > 0 { // reports sent just before the end
		if err := report(<-reports); err != nil {
			return nil, err
		}
	}
	if fetchErr != nil {
		if ctx.Err() != nil {
			fetchErr = errors.New("cancelled by download_cancel()")
		}
		u.env.Logf("fota: download failed: %v", fetchErr)
		if err := report(progress{-1, 0}); err != nil {
			return nil, err
		}
		return minusOne, nil
	}
	if err := report(progress{0, 100}); err != nil {
		return nil, err
	}
	return u.recorded(t, url1)
}

// fetchAll downloads each non-empty URL into the part file, then makes it
// the image.
func (u *upgrade) fetchAll(ctx context.Context, urls []string, reports chan<- progress) error {
	if err := os.MkdirAll(u.dir(), 0o777); err != nil {
		return err
	}
	part := filepath.Join(u.dir(), partName)
	f, err := os.Create(part)
	if err != nil {
		return err
	}
	client := netx.HTTPClient(u.env, "fota", 30*time.Minute)
	for _, url := range urls {
		if url == "" {
			continue
		}
		if err := fetch(ctx, client, url, f, reports); err != nil {
			f.Close()
			os.Remove(part)
			return err
		}
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(part, filepath.Join(u.dir(), imageName))
}

func fetch(ctx context.Context, client *http.Client, url string, w io.Writer, reports chan<- progress) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: HTTP %s", url, resp.Status)
	}
	total, got, last := resp.ContentLength, int64(0), -1
	buf := make([]byte, 32*1024)
	for {
		n, err := resp.Body.Read(buf)
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return werr
			}
			got += int64(n)
			if pct := percent(got, total); total > 0 && pct != last && pct < 100 {
				last = pct
				select { // a slow callback skips reports, never stalls the download
				case reports <- progress{0, pct}:
				default:
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	if total > 0 && got != total {
		return fmt.Errorf("%s: got %d of %d bytes", url, got, total)
	}
	return nil
}

func percent(got, total int64) int {
	if total <= 0 {
		return 0
	}
	return int(got * 100 / total)
}

func (u *upgrade) downloadCancel(*starlark.Thread, *pyargs.Args) (starlark.Value, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.cancel == nil {
		return minusOne, nil
	}
	u.cancel()
	return zero, nil
}

// write(bytesData, file_size) appends a piece of the image.
func (u *upgrade) write(t *starlark.Thread, a *pyargs.Args) (starlark.Value, error) {
	var data []byte
	switch v := a.Value("bytesData").(type) {
	case *pylib.ByteArray:
		data = v.Bytes()
	default:
		var err error
		if data, err = pyargs.Buffer("write", "bytesData", v); err != nil {
			return nil, err
		}
	}
	size, err := a.Int("file_size", 0)
	if err != nil {
		return nil, err
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.part == nil {
		if err := os.MkdirAll(u.dir(), 0o777); err != nil {
			u.env.Logf("fota: write: %v", err)
			return minusOne, nil
		}
		f, err := os.Create(filepath.Join(u.dir(), partName))
		if err != nil {
			u.env.Logf("fota: write: %v", err)
			return minusOne, nil
		}
		u.part, u.written, u.size = f, 0, int64(size)
		u.env.OnClose(func() { u.closePart() })
	}
	if int64(size) != u.size || size <= 0 || u.written+int64(len(data)) > u.size {
		u.env.Logf("fota: write: %d bytes after %d would pass file_size %d", len(data), u.written, size)
		return minusOne, nil
	}
	if _, err := u.part.Write(data); err != nil {
		u.env.Logf("fota: write: %v", err)
		return minusOne, nil
	}
	u.written += int64(len(data))
	return zero, nil
}

func (u *upgrade) closePart() {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.part != nil {
		u.part.Close()
		u.part = nil
	}
}

// verify() checks that write() delivered file_size bytes (a gateway
// cannot check a module firmware's signature) and records the image.
func (u *upgrade) verify(t *starlark.Thread, a *pyargs.Args) (starlark.Value, error) {
	u.mu.Lock()
	part, written, size := u.part, u.written, u.size
	u.part = nil
	u.mu.Unlock()
	if part == nil {
		return minusOne, nil
	}
	err := part.Close()
	if err == nil && written != size {
		err = fmt.Errorf("%d of %d bytes written", written, size)
	}
	if err == nil {
		err = os.Rename(filepath.Join(u.dir(), partName), filepath.Join(u.dir(), imageName))
	}
	if err != nil {
		u.env.Logf("fota: verify: %v", err)
		return minusOne, nil
	}
	if _, err := u.record("write"); err != nil {
		u.env.Logf("fota: verify: %v", err)
		return minusOne, nil
	}
	return zero, nil // the script restarts the module itself (Power.powerRestart)
}

// pending is .fota/pending.json: the upgrade a device would apply at its
// next start.
type pending struct {
	Source string `json:"source"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
	Time   string `json:"time"`
}

func (u *upgrade) record(source string) (pending, error) {
	img := filepath.Join(u.dir(), imageName)
	f, err := os.Open(img)
	if err != nil {
		return pending{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return pending{}, err
	}
	p := pending{Source: source, Size: n, SHA256: hex.EncodeToString(h.Sum(nil)), Time: now(u.env).UTC().Format(time.RFC3339)}
	b, _ := json.MarshalIndent(p, "", "  ")
	return p, os.WriteFile(filepath.Join(u.dir(), pendingName), append(b, '\n'), 0o666)
}

// recorded records a downloaded image and restarts as the firmware does
// after a download, unless reset_disable=1.
func (u *upgrade) recorded(t *starlark.Thread, url string) (starlark.Value, error) {
	p, err := u.record(url)
	if err != nil {
		u.env.Logf("fota: %v", err)
		return minusOne, nil
	}
	if !u.restart {
		return zero, nil
	}
	u.env.Logf("fota: image recorded (%d bytes, sha256 %s); restarting, exit code %d", p.Size, p.SHA256[:12], board.ExitRestart)
	if in := runtime.FromThread(t); in != nil {
		in.RequestExit(board.ExitRestart)
	}
	return nil, &runtime.ExitError{Code: board.ExitRestart}
}

func now(env *runtime.Env) time.Time {
	if env.Now != nil {
		return env.Now()
	}
	return time.Now()
}
