package fota_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/net/fota"
	_ "github.com/qstar-dev/qstar/modules/std/sys"
	_ "github.com/qstar-dev/qstar/modules/std/thread"
	_ "github.com/qstar-dev/qstar/modules/std/ujson"
	_ "github.com/qstar-dev/qstar/modules/std/utime"
)

// imageServer serves a 200 kB image in pieces, so progress has steps.
func imageServer(t *testing.T) (*httptest.Server, []byte) {
	image := bytes.Repeat([]byte("firmware"), 25000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/image.bin" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Length", "200000")
		for i := 0; i < len(image); i += 20000 {
			w.Write(image[i : i+20000])
			w.(http.Flusher).Flush()
		}
	}))
	t.Cleanup(srv.Close)
	return srv, image
}

func TestDownloadAndWrite(t *testing.T) {
	srv, image := imageServer(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "local.bin"), image[:4500], 0o666); err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile("testdata/fota.py")
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) {
		env.DataDir = dir
		env.Args = []string{"fota.py", srv.URL}
	})
	if err := runtimetest.Exec(in, "fota.py", string(src)); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	sum := sha256.Sum256(image)
	want := `download 0
last (0, 100) steps True rising True
pending True 200000 ` + hex.EncodeToString(sum[:])[:16] + `
qstar: fota: download failed: ` + srv.URL + `/none.bin: HTTP 404 Not Found
missing -1 [(-1, 0)]
no url -1 cancel idle -1
flush 0 verify 0 again -1
pending write 4500
qstar: fota: verify: 3 of 10 bytes written
qstar: fota: write: 6 bytes after 0 would pass file_size 3
short 0 -1 too long -1
`
	if got := out.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	got, err := os.ReadFile(filepath.Join(dir, ".fota", "firmware.bin"))
	if err != nil || !bytes.Equal(got, image[:4500]) {
		t.Errorf("image: %d bytes, %v", len(got), err)
	}
}

// Without reset_disable the firmware restarts after the download: the run
// ends with exit code 75, the image recorded.
func TestDownloadRestarts(t *testing.T) {
	srv, _ := imageServer(t)
	dir := t.TempDir()
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { env.DataDir = dir })
	err := runtimetest.Exec(in, "up.py", "import fota\nfota().httpDownload(url1='"+srv.URL+"/image.bin')\nprint('not reached')\n")
	var exit *runtime.ExitError
	if !errors.As(err, &exit) || exit.Code != 75 {
		t.Fatalf("err %v, want exit 75\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "qstar: fota: image recorded (200000 bytes, sha256 ") || strings.Contains(out.String(), "not reached") {
		t.Errorf("output:\n%s", out.String())
	}
	if _, err := os.Stat(filepath.Join(dir, ".fota", "pending.json")); err != nil {
		t.Error(err)
	}
}

// download_cancel on another thread stops a download that stalls: the
// callback hears [-1, 0] and httpDownload returns -1.
func TestDownloadCancel(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "200000")
		w.Write(make([]byte, 20000))
		w.(http.Flusher).Flush()
		<-r.Context().Done() // the rest never comes
	}))
	defer srv.Close()
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { env.DataDir = t.TempDir() })
	err := runtimetest.Exec(in, "cancel.py", `import fota
import _thread
import utime
up = fota(1)
seen = []
def canceller():
    while not seen:
        utime.sleep_ms(5)
    print('cancel', up.download_cancel())
_thread.start_new_thread(canceller, ())
print('download', up.httpDownload(url1='`+srv.URL+`/big.bin', callback=lambda a: seen.append(list(a))))
print(seen[0][0], seen[-1])
`)
	if err != nil {
		t.Fatal(err, out.String())
	}
	got := out.String()
	if !strings.HasPrefix(got, "cancel 0\n") || !strings.Contains(got, "qstar: fota: download failed: cancelled by download_cancel()\n") ||
		!strings.HasSuffix(got, "download -1\n0 [-1, 0]\n") {
		t.Errorf("output:\n%s", got)
	}
}
