// Package devfs is the device filesystem scripts see: QuecPython's /usr
// (and /bak) mapped onto a host data directory, a device working
// directory, and the grant check that keeps every path inside the data
// directory or a host path granted with --allow-fs.
package devfs

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Device mount points, as on a QuecPython module.
const (
	Usr = "/usr"
	Bak = "/bak"
)

// bakName is /bak's directory inside the data directory; listdir('/usr')
// does not show it, so the two partitions look apart. A volume a script
// mounts (uos.mount(vfs, '/sd')) lives beside it, as ".sd".
const bakName = ".bak"

// FS maps device paths to host paths for one interpreter.
type FS struct {
	usr, bak string            // host directories behind /usr and /bak
	allow    []string          // host paths granted with --allow-fs (absolute, clean)
	mounts   map[string]string // device mount point -> host directory, besides /usr and /bak

	// Block releases the interpreter lock around waits on FIFOs and
	// devices (set by the runtime; nil runs them in place).
	Block BlockFunc

	mu    sync.Mutex
	tmp   string // the scratch directory (TempDir), made on first use
	cwd   string // device working directory (a device path)
	files map[*File]bool
}

// New returns the filesystem whose /usr is the host directory dataDir
// (made absolute) and which may also reach the host paths in allow.
func New(dataDir string, allow []string) *FS {
	usr := absClean(dataDir)
	fs := &FS{usr: usr, bak: filepath.Join(usr, bakName), cwd: Usr, files: map[*File]bool{}, mounts: map[string]string{}}
	for _, a := range allow {
		if a != "" {
			fs.allow = append(fs.allow, absClean(a))
		}
	}
	return fs
}

func absClean(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// UsrDir is the host directory /usr maps to.
func (fs *FS) UsrDir() string { return fs.usr }

// Getcwd returns the device working directory.
func (fs *FS) Getcwd() string {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.cwd
}

// Abs turns a script path into a clean absolute device path, resolving a
// relative one against the working directory.
func (fs *FS) Abs(p string) string {
	cwd := fs.Getcwd()
	if !strings.HasPrefix(p, "/") {
		// QuecPython's cwd is "/", so device code writes "usr/x" for
		// /usr/x; ours starts at /usr (so CPython's "x" lands there too),
		// and takes "usr/..." as /usr/... unless /usr has its own "usr".
		if cwd == Usr && fs.rootRelative(p) {
			cwd = "/"
		}
		p = path.Join(cwd, p)
	}
	return path.Clean(p)
}

func (fs *FS) rootRelative(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	if first != "usr" && first != "bak" {
		return false
	}
	_, err := os.Lstat(filepath.Join(fs.usr, first))
	return err != nil
}

// IsRoot reports whether the script path names the device root "/", which
// holds only the usr and bak mount points.
func (fs *FS) IsRoot(p string) bool { return fs.Abs(p) == "/" }

// Chdir changes the device working directory to p, which must be a
// directory the script may reach.
func (fs *FS) Chdir(p string) error {
	abs := fs.Abs(p)
	if abs != "/" {
		host, err := fs.Resolve(p)
		if err != nil {
			return err
		}
		fi, err := os.Stat(host)
		if err != nil {
			return pathErr(err, p)
		}
		if !fi.IsDir() {
			return notDir(p)
		}
	}
	fs.mu.Lock()
	fs.cwd = abs
	fs.mu.Unlock()
	return nil
}
