package devfs

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// Mount makes the device path point (such as "/sd" for uos.mount(VfsSd(...),
// '/sd')) a volume kept in the data directory as ".<name>".
func (fs *FS) Mount(point string) error {
	abs := fs.Abs(point)
	name := strings.Trim(abs, "/")
	if name == "" || strings.Contains(name, "/") || abs == Usr || abs == Bak {
		return pathErr(syscall.EPERM, point)
	}
	host := filepath.Join(fs.usr, "."+name)
	if err := os.MkdirAll(host, 0o777); err != nil {
		return pathErr(err, point)
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if _, dup := fs.mounts[abs]; dup {
		return pathErr(syscall.EPERM, point)
	}
	fs.mounts[abs] = host
	return nil
}

// Umount forgets a mount point; its files stay for the next mount.
func (fs *FS) Umount(point string) error {
	abs := fs.Abs(point)
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if _, ok := fs.mounts[abs]; !ok {
		return pathErr(syscall.EINVAL, point)
	}
	delete(fs.mounts, abs)
	return nil
}

// mounted maps a path under a script-made mount point.
func (fs *FS) mounted(abs string) (string, bool) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for point, host := range fs.mounts {
		if rest, ok := cutDir(abs, point); ok {
			return filepath.Join(host, rest), true
		}
	}
	return "", false
}

// rootEntries are the mount points the device root lists.
func (fs *FS) rootEntries() []Entry {
	out := []Entry{{Name: "usr", IsDir: true}, {Name: "bak", IsDir: true}}
	fs.mu.Lock()
	var extra []string
	for point := range fs.mounts {
		extra = append(extra, path.Base(point))
	}
	fs.mu.Unlock()
	sort.Strings(extra)
	for _, n := range extra {
		out = append(out, Entry{Name: n, IsDir: true})
	}
	return out
}

// hidden reports whether a name in /usr's directory is a volume's store.
func (fs *FS) hidden(name string) bool {
	return strings.HasPrefix(name, ".") && (name == bakName || fs.isMountStore(name))
}

func (fs *FS) isMountStore(name string) bool {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	_, ok := fs.mounts["/"+name[1:]]
	return ok
}
