package devfs

import (
	"errors"
	"io/fs"
	"path"
	"strings"
	"syscall"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// denied is the PermissionError for a path outside every grant; it names
// the path as the script wrote it and the flag that grants it.
func denied(p string) error {
	e := exc.OSErr(syscall.EACCES, &p)
	flag := "--allow-fs=PATH"
	if strings.HasPrefix(p, "/") {
		flag = "--allow-fs=" + path.Clean(p)
	}
	e.Msg += " (outside the data directory; grant a host path with " + flag + ")"
	return e
}

// pathErr is CPython's OSError for a failed operation on script path p.
func pathErr(err error, p string) error {
	if _, ok := exc.As(err); ok {
		return err
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return exc.OSErr(errno, &p)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return exc.OSErr(syscall.ENOENT, &p)
	}
	if errors.Is(err, fs.ErrExist) {
		return exc.OSErr(syscall.EEXIST, &p)
	}
	if errors.Is(err, fs.ErrPermission) {
		return exc.OSErr(syscall.EACCES, &p)
	}
	return exc.OSError("%v", err)
}

func notDir(p string) error { return exc.OSErr(syscall.ENOTDIR, &p) }
func isDir(p string) error  { return exc.OSErr(syscall.EISDIR, &p) }

// PathErr is pathErr for the modules built on FS.
func PathErr(err error, p string) error { return pathErr(err, p) }

// PathErr0 is PathErr that passes nil through.
func PathErr0(err error, p string) error { return pathErr0(err, p) }
