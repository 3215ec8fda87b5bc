package appfota_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/net/appfota"
)

// TestUpdateAppliesAtRestart: files downloaded and flagged stay out of /usr
// while the script runs and replace the old ones when the run ends; a
// failed download is reported in bulk_download's result.
func TestUpdateAppliesAtRestart(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprintf(w, "# new %s\n", r.URL.Path)
	}))
	defer srv.Close()
	data := t.TempDir()
	if err := os.WriteFile(filepath.Join(data, "main.py"), []byte("# old\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	var errs strings.Builder
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { env.DataDir, env.Stderr = data, &errs })
	src := fmt.Sprintf(`import app_fota
fota = app_fota.new()
print(fota.download('%[1]s/main.py', '/usr/main.py'))
print(fota.bulk_download([{'url': '%[1]s/lib/util.py', 'file_name': '/usr/lib/util.py'},
                          {'url': '%[1]s/missing', 'file_name': '/usr/gone.py'}]))
print(fota.download('%[1]s/x', '/etc/passwd'))
print(open('/usr/main.py').read().strip())
print(fota.set_update_flag())
`, srv.URL)
	if err := runtimetest.Exec(in, filepath.Join(data, "ota.py"), src); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := "0\n[{'url': '" + srv.URL + "/missing', 'file_name': '/usr/gone.py'}]\n-1\n# old\n0\n"
	if got := out.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if !strings.Contains(errs.String(), "download /usr/gone.py: HTTP 404") {
		t.Errorf("stderr: %s", errs.String())
	}
	in.Close()
	for file, body := range map[string]string{"main.py": "# new /main.py\n", "lib/util.py": "# new /lib/util.py\n"} {
		if b, err := os.ReadFile(filepath.Join(data, file)); err != nil || string(b) != body {
			t.Errorf("%s after restart: %q, %v", file, b, err)
		}
	}
	if _, err := os.Stat(filepath.Join(data, "gone.py")); err == nil {
		t.Error("the failed download was applied")
	}
	if _, err := os.Stat(filepath.Join(data, ".updater")); err == nil {
		t.Error("the staging directory is left behind")
	}
}
