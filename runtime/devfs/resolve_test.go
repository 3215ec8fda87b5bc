package devfs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime/exc"
)

func newTestFS(t *testing.T, allow ...string) (*FS, string) {
	t.Helper()
	data := t.TempDir()
	return New(data, allow), data
}

func TestResolveMapsUsrAndBak(t *testing.T) {
	fs, data := newTestFS(t)
	os.Mkdir(filepath.Join(data, "sub"), 0o777)
	for p, want := range map[string]string{
		"/usr":               data,
		"/usr/config.json":   filepath.Join(data, "config.json"),
		"config.json":        filepath.Join(data, "config.json"),
		"usr/config.json":    filepath.Join(data, "config.json"), // QuecPython's cwd is "/"
		"./sub/../x":         filepath.Join(data, "x"),
		"/bak/state":         filepath.Join(data, bakName, "state"),
		"bak/state":          filepath.Join(data, bakName, "state"),
		"/usr/sub/a.txt":     filepath.Join(data, "sub", "a.txt"),
		data + "/host.txt":   filepath.Join(data, "host.txt"), // a host path inside the data directory
		"//usr//double.json": filepath.Join(data, "double.json"),
	} {
		got, err := fs.Resolve(p)
		if err != nil || got != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", p, got, err, want)
		}
	}
}

func TestResolveUsrPrefixKeepsARealUsrDirectory(t *testing.T) {
	fs, data := newTestFS(t)
	os.Mkdir(filepath.Join(data, "usr"), 0o777)
	got, err := fs.Resolve("usr/x")
	if want := filepath.Join(data, "usr", "x"); err != nil || got != want {
		t.Errorf("Resolve(usr/x) = %q, %v; want %q", got, err, want)
	}
}

func TestResolveRefusesEscapes(t *testing.T) {
	fs, data := newTestFS(t)
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret"), []byte("s"), 0o644)
	os.Symlink(outside, filepath.Join(data, "link"))
	os.Symlink(filepath.Join(outside, "secret"), filepath.Join(data, "file-link"))
	for _, p := range []string{
		"/etc/passwd",
		"../x",
		"/usr/../etc/passwd",
		"../../" + outside + "/secret",
		outside + "/secret",
		"link/secret",       // a symlink to a directory outside
		"link/new-file",     // ... also for a file about to be created
		"file-link",         // a symlink to a file outside
		"/" + bakName + "x", // not a mount point
	} {
		_, err := fs.Resolve(p)
		e, ok := exc.As(err)
		if !ok || e.Type != "PermissionError" || e.Errno != 13 || e.Filename == nil || *e.Filename != p {
			t.Errorf("Resolve(%q) = %v, want a PermissionError naming the path", p, err)
		}
		if ok && !strings.Contains(e.Msg, "--allow-fs") {
			t.Errorf("Resolve(%q): message %q does not name the flag", p, e.Msg)
		}
	}
}

func TestResolveGrantedHostPath(t *testing.T) {
	outside := t.TempDir()
	fs, _ := newTestFS(t, outside)
	p := filepath.Join(outside, "log.txt")
	if got, err := fs.Resolve(p); err != nil || got != p {
		t.Errorf("Resolve(granted %q) = %q, %v", p, got, err)
	}
	if _, err := fs.Resolve(filepath.Dir(outside) + "/other"); err == nil {
		t.Errorf("a sibling of the granted directory was allowed")
	}
}

func TestChdirAndRelativePaths(t *testing.T) {
	fs, data := newTestFS(t)
	os.Mkdir(filepath.Join(data, "logs"), 0o777)
	os.WriteFile(filepath.Join(data, "f"), nil, 0o644)
	if err := fs.Chdir("logs"); err != nil {
		t.Fatal(err)
	}
	if fs.Getcwd() != "/usr/logs" {
		t.Errorf("cwd = %q", fs.Getcwd())
	}
	if got, _ := fs.Resolve("a.log"); got != filepath.Join(data, "logs", "a.log") {
		t.Errorf("relative path after chdir = %q", got)
	}
	if e, _ := exc.As(fs.Chdir("/usr/f")); e == nil || e.Type != "NotADirectoryError" {
		t.Errorf("chdir to a file: %v", e)
	}
	if e, _ := exc.As(fs.Chdir("/tmp")); e == nil || e.Type != "PermissionError" {
		t.Errorf("chdir outside: %v", e)
	}
	if err := fs.Chdir("/"); err != nil || fs.Getcwd() != "/" {
		t.Errorf("chdir('/') = %v, cwd %q", err, fs.Getcwd())
	}
	if got, _ := fs.Resolve("usr/x"); got != filepath.Join(data, "x") {
		t.Errorf("usr/x from / = %q", got)
	}
}

func TestListDirOfRootAndUsr(t *testing.T) {
	fs, data := newTestFS(t)
	os.WriteFile(filepath.Join(data, "b"), []byte("12"), 0o644)
	os.Mkdir(filepath.Join(data, "a"), 0o777)
	fs.Resolve("/bak/x") // creates the hidden /bak directory
	root, _ := fs.ListDir("/")
	usr, err := fs.ListDir("/usr")
	if err != nil || len(root) != 2 || root[0].Name != "usr" || len(usr) != 2 || usr[0].Name != "a" || !usr[0].IsDir || usr[1].Size != 2 {
		t.Errorf("ListDir: root %v, usr %v, %v", root, usr, err)
	}
}

func TestCloseAllClosesOpenFiles(t *testing.T) {
	fs, _ := newTestFS(t)
	f, err := fs.Open("x.txt", "w", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	fs.CloseAll()
	if !f.Closed() {
		t.Errorf("file still open after CloseAll")
	}
}

// TestTempDirIsReachableAndRemoved: the scratch directory tempfile uses is
// reachable without a grant, its neighbours are not, and it goes at close.
func TestTempDirIsReachableAndRemoved(t *testing.T) {
	fs, _ := newTestFS(t)
	tmp, err := fs.TempDir()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.Resolve(tmp + "/scratch.txt"); err != nil {
		t.Errorf("scratch file: %v", err)
	}
	if _, err := fs.Resolve(filepath.Dir(tmp) + "/someone-else"); err == nil {
		t.Errorf("a neighbour of the scratch directory was allowed")
	}
	fs.CloseAll()
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Errorf("scratch directory still there after CloseAll: %v", err)
	}
}
