package qlfs_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/std/qlfs"
	_ "github.com/qstar-dev/qstar/modules/std/sys"
	_ "github.com/qstar-dev/qstar/modules/std/ujson"
)

// run executes a .py script as /usr/main.py of a fresh data directory.
func run(t *testing.T, src string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "main.py")
	os.WriteFile(path, []byte(src), 0o644)
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { env.DataDir = dir })
	if err := runtimetest.Exec(in, path, src); err != nil {
		t.Fatalf("script failed: %v\n%s", err, out)
	}
	return out.String(), dir
}

func TestSettingsFileRoundTrip(t *testing.T) {
	out, dir := run(t, `
import ql_fs, ujson, uos
cfg = "/usr/app/conf/settings.json"
print(ql_fs.path_exists(cfg), ql_fs.read_json(cfg))
print(ql_fs.touch(cfg, {"apn": "cmnet", "retries": 3}))
print(ql_fs.path_exists(cfg), ql_fs.read_json(cfg), ql_fs.path_getsize(cfg))
print(ql_fs.write_json("usr/app/state.json", [1, 2]), ql_fs.read_json("/usr/app/state.json"))
print(ql_fs.touch("/usr/app/raw.txt", "plain text", file_type="raw"))
f = open("/usr/app/raw.txt")
print(f.read())
f.close()
print(ql_fs.file_copy("/usr/app/copy.txt", "/usr/app/raw.txt"), ql_fs.file_copy("/usr/x", "/usr/none"))
print(sorted(uos.listdir("/usr/app")))
print(ql_fs.touch("/usr/app/bad.json", {"f": open}), ql_fs.read_json("/usr/app/state.json"))
`)
	want := strings.Join([]string{
		"False None",
		"0",
		"True {'apn': 'cmnet', 'retries': 3} 30",
		"0 [1, 2]",
		"0",
		"plain text",
		"True False",
		"['conf', 'copy.txt', 'raw.txt', 'state.json']",
		"-1 [1, 2]",
	}, "\n") + "\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "app", "conf", "settings.json")); string(b) != `{"apn": "cmnet", "retries": 3}` {
		t.Errorf("file on the host: %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "app", "bad.json")); err == nil {
		t.Errorf("a failed touch created the file")
	}
}

func TestPathHelpersAndDirectories(t *testing.T) {
	out, dir := run(t, `
import ql_fs, uos
print(repr(ql_fs.path_dirname("/usr/bin")), repr(ql_fs.path_dirname("/x")), repr(ql_fs.path_dirname("x")), repr(ql_fs.path_dirname("")))
print(ql_fs.path_exists(""), ql_fs.path_exists("/usr"), ql_fs.path_exists("/etc/passwd"))
ql_fs.mkdirs("/usr/a/b/c")
ql_fs.mkdirs("/usr/a/b/c")
ql_fs.touch("/usr/a/b/c/f.json", {})
ql_fs.touch("/usr/a/g.json", {})
print(uos.listdir("/usr/a"), uos.listdir("/usr/a/b/c"))
ql_fs.rmdirs("/usr/a")
print(ql_fs.path_exists("/usr/a"))
try:
    ql_fs.path_getsize("/usr/missing")
except ql_fs.FileNotFoundError as e:
    print("FileNotFoundError", e)
`)
	want := "'/usr' '/' '' ''\nFalse True False\n['b', 'g.json'] ['f.json']\nFalse\nFileNotFoundError \"can not find: '/usr/missing'\"\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "a")); err == nil {
		t.Errorf("rmdirs left the directory")
	}
}
