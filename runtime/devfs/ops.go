package devfs

import (
	"io/fs"
	"os"
	"path"
	"sort"
	"syscall"
	"time"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// The operations below take script paths and return CPython's OSError
// subclasses; the device root "/" lists as its two mount points.

// Entry is one directory entry.
type Entry struct {
	Name  string
	IsDir bool
	Size  int64
}

// ListDir lists a directory, sorted by name. /usr hides /bak's directory.
func (fs *FS) ListDir(p string) ([]Entry, error) {
	if fs.IsRoot(p) {
		return fs.rootEntries(), nil
	}
	host, err := fs.Resolve(p)
	if err != nil {
		return nil, err
	}
	des, err := os.ReadDir(host)
	if err != nil {
		return nil, pathErr(err, p)
	}
	out := make([]Entry, 0, len(des))
	for _, de := range des {
		if host == fs.usr && fs.hidden(de.Name()) {
			continue
		}
		e := Entry{Name: de.Name(), IsDir: de.IsDir()}
		if info, err := de.Info(); err == nil && !e.IsDir {
			e.Size = info.Size()
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Info is what stat reports.
type Info struct {
	Mode                uint32 // type and permission bits, as st_mode
	Ino, Dev, Nlink     uint64
	Uid, Gid            uint32
	Size                int64
	Atime, Mtime, Ctime time.Time
}

// IsDir reports whether the mode is a directory's.
func (i Info) IsDir() bool { return i.Mode&syscall.S_IFMT == syscall.S_IFDIR }

// Stat follows symlinks (lstat when link is true).
func (fs *FS) Stat(p string, link bool) (Info, error) {
	if fs.IsRoot(p) {
		return Info{Mode: syscall.S_IFDIR | 0o755, Nlink: 1, Mtime: time.Unix(0, 0)}, nil
	}
	host, err := fs.Resolve(p)
	if err != nil {
		return Info{}, err
	}
	stat := os.Stat
	if link {
		stat = os.Lstat
	}
	fi, err := stat(host)
	if err != nil {
		return Info{}, pathErr(err, p)
	}
	return infoOf(fi), nil
}

func infoOf(fi fs.FileInfo) Info {
	info := Info{Mode: uint32(fi.Mode().Perm()), Size: fi.Size(), Mtime: fi.ModTime(), Nlink: 1}
	switch {
	case fi.IsDir():
		info.Mode |= syscall.S_IFDIR
	case fi.Mode()&fs.ModeSymlink != 0:
		info.Mode |= syscall.S_IFLNK
	default:
		info.Mode |= syscall.S_IFREG
	}
	info.Atime, info.Ctime = info.Mtime, info.Mtime
	fillSys(&info, fi)
	return info
}

// Exists reports whether p names something the script may reach.
func (fs *FS) Exists(p string) bool {
	_, err := fs.Stat(p, false)
	return err == nil
}

// Mkdir makes one directory.
func (fs *FS) Mkdir(p string, perm os.FileMode) error {
	if fs.IsRoot(p) {
		return pathErr(syscall.EEXIST, p)
	}
	host, err := fs.Resolve(p)
	if err != nil {
		return err
	}
	return pathErr0(os.Mkdir(host, perm), p)
}

// MkdirAll makes a directory and its missing parents.
func (fs *FS) MkdirAll(p string, perm os.FileMode) error {
	if fs.IsRoot(p) {
		return nil
	}
	host, err := fs.Resolve(p)
	if err != nil {
		return err
	}
	return pathErr0(os.MkdirAll(host, perm), p)
}

// Remove removes a file; a directory is IsADirectoryError, as in CPython.
func (fs *FS) Remove(p string) error {
	host, err := fs.hostForChange(p)
	if err != nil {
		return err
	}
	return pathErr0(syscall.Unlink(host), p)
}

// Rmdir removes an empty directory; a file is NotADirectoryError.
func (fs *FS) Rmdir(p string) error {
	host, err := fs.hostForChange(p)
	if err != nil {
		return err
	}
	return pathErr0(syscall.Rmdir(host), p)
}

// Rename moves a file or directory; both paths must be reachable.
func (fs *FS) Rename(from, to string) error {
	src, err := fs.hostForChange(from)
	if err != nil {
		return err
	}
	dst, err := fs.hostForChange(to)
	if err != nil {
		return err
	}
	if err := os.Rename(src, dst); err != nil {
		e := pathErr(err, from)
		if oe, ok := exc.As(e); ok && oe.Errno != 0 {
			return oe.WithFilename2(to)
		}
		return e
	}
	return nil
}

// hostForChange resolves a path to remove or rename: never the root or a
// mount point.
func (fs *FS) hostForChange(p string) (string, error) {
	abs := fs.Abs(p)
	if _, mount := fs.mounted(abs); abs == "/" || abs == Usr || abs == Bak || mount && path.Dir(abs) == "/" {
		return "", pathErr(syscall.EBUSY, p)
	}
	return fs.Resolve(p)
}

// Statvfs describes the filesystem holding p.
func (fs *FS) Statvfs(p string) (Vfs, error) {
	host := fs.usr
	if !fs.IsRoot(p) {
		var err error
		if host, err = fs.Resolve(p); err != nil {
			return Vfs{}, err
		}
	}
	v, err := statvfs(host)
	return v, pathErr0(err, p)
}

// Vfs is statvfs's answer.
type Vfs struct {
	Bsize, Frsize, Blocks, Bfree, Bavail, Files, Ffree, Favail, Flag, Namemax uint64
}

func pathErr0(err error, p string) error {
	if err == nil {
		return nil
	}
	return pathErr(err, p)
}
