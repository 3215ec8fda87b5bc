package request

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/net/internal/nettest"
	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
)

// usrDir maps the device's /usr to a temporary directory through
// netx.HostPath, as the device filesystem does, for the test's length.
func usrDir(t *testing.T) string {
	dir := t.TempDir()
	old := netx.HostPath
	netx.HostPath = func(_ *runtime.Env, p string) (string, error) {
		if rest, ok := strings.CutPrefix(p, "/usr/"); ok {
			return filepath.Join(dir, rest), nil
		}
		return p, nil
	}
	t.Cleanup(func() { netx.HostPath = old })
	return dir
}

// files= uploads a /usr file as multipart/form-data, as request.py does;
// ssl_params may name a CA file under /usr.
func TestFilesAndCertFiles(t *testing.T) {
	dir := usrDir(t)
	os.WriteFile(filepath.Join(dir, "log.txt"), []byte("line 1\nline 2\n"), 0o644)
	got := make(chan string, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, h, err := r.FormFile("upload")
		if err != nil {
			got <- "no file: " + err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		got <- fmt.Sprintf("%s %q", h.Filename, b)
	}))
	t.Cleanup(srv.Close)
	out, _ := run(t, srv.URL, `
		import request
		r = request.post('BASE/up', files={'filepath': '/usr/log.txt', 'filename': 'log.txt', 'name': 'upload'})
		print(r.status_code)
		try:
			request.post('BASE/up', files={'filepath': '/usr/log.txt'})
		except ValueError as e:
			print(e)
	`, nil)
	want(t, out, `
		200
		Missing key parameters 'filepath' and 'filename'
	`)
	if s := <-got; s != `log.txt "line 1\nline 2\n"` {
		t.Errorf("server got %s", s)
	}

	ca := nettest.NewCA(t)
	os.WriteFile(filepath.Join(dir, "ca.pem"), []byte(ca.PEM), 0o644)
	tlsSrv := httptest.NewUnstartedServer(api(&seen{}))
	tlsSrv.TLS = ca.ServerConfig(t, nil, "localhost")
	tlsSrv.StartTLS()
	t.Cleanup(tlsSrv.Close)
	out, _ = run(t, strings.Replace(tlsSrv.URL, "127.0.0.1", "localhost", 1), `
		import request
		print(request.get('BASE/new', ssl_params={'ca_certs': '/usr/ca.pem'}).text)
	`, nil)
	want(t, out, `
		moved here
	`)
}
