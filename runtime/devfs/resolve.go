package devfs

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Resolve maps a script path to the host path it names, or returns a
// PermissionError naming the path when it lies outside the data directory
// and every --allow-fs grant (after "..", and after following symlinks).
// The device root "/" has no host path: callers check IsRoot first.
func (fs *FS) Resolve(p string) (string, error) {
	if p == "" {
		return "", pathErr(syscall.ENOENT, p) // as CPython, not the working directory
	}
	abs := fs.Abs(p)
	host, ok := fs.hostPath(abs)
	if !ok {
		return "", denied(p)
	}
	if within(host, fs.bak) {
		os.Mkdir(fs.bak, 0o777) // /bak exists on every device
	}
	if !fs.inside(realPath(host)) {
		return "", denied(p)
	}
	return host, nil
}

// hostPath maps a clean absolute device path: an explicit grant first, then
// /usr and /bak, then a host path already inside the data directory (a
// CPython script that built it from __file__).
func (fs *FS) hostPath(abs string) (string, bool) {
	for _, a := range fs.allow {
		if within(abs, a) {
			return abs, true
		}
	}
	if rest, ok := cutDir(abs, Usr); ok {
		return filepath.Join(fs.usr, rest), true
	}
	if rest, ok := cutDir(abs, Bak); ok {
		return filepath.Join(fs.bak, rest), true
	}
	if host, ok := fs.mounted(abs); ok {
		return host, true
	}
	if within(abs, fs.usr) || fs.inTmp(abs) {
		return abs, true
	}
	return "", false
}

// inside reports whether a real (symlink-free) host path is in the data
// directory or a grant, themselves taken with their symlinks resolved.
func (fs *FS) inside(real string) bool {
	if within(real, realPath(fs.usr)) || fs.inTmp(real) {
		return true
	}
	for _, a := range fs.allow {
		if within(real, realPath(a)) {
			return true
		}
	}
	return false
}

// realPath resolves the symlinks in the longest existing prefix of p, so a
// file about to be created is judged by the directory it lands in.
func realPath(p string) string {
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(p, rest)
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// within reports whether p is dir or below it (both clean and absolute).
func within(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, strings.TrimSuffix(dir, "/")+"/")
}

// cutDir returns p's part below dir ("" for dir itself).
func cutDir(p, dir string) (string, bool) {
	if p == dir {
		return "", true
	}
	rest, ok := strings.CutPrefix(p, dir+"/")
	return rest, ok
}
