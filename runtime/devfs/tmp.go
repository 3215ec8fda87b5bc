package devfs

import (
	"os"
	"path/filepath"
)

// TempDir is the scratch directory tempfile hands out: a fresh host
// directory per interpreter, reachable without a grant, removed when the
// interpreter closes. (A hard-coded "/tmp/x" stays outside, as any host path.)
func (fs *FS) TempDir() (string, error) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if fs.tmp == "" {
		dir, err := os.MkdirTemp("", "qstar-tmp-")
		if err != nil {
			return "", pathErr(err, os.TempDir())
		}
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			dir = real
		}
		fs.tmp = dir
	}
	return fs.tmp, nil
}

// removeTmp deletes the scratch directory.
func (fs *FS) removeTmp() {
	fs.mu.Lock()
	dir := fs.tmp
	fs.tmp = ""
	fs.mu.Unlock()
	if dir != "" {
		os.RemoveAll(dir)
	}
}

// inTmp reports whether a host path is in the scratch directory.
func (fs *FS) inTmp(real string) bool {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.tmp != "" && within(real, fs.tmp)
}
