//go:build !linux && !darwin

package devfs

import "io/fs"

func fillSys(info *Info, fi fs.FileInfo) {}

// statvfs answers the QuecPython docs' example where the host has no statfs.
func statvfs(host string) (Vfs, error) {
	return Vfs{Bsize: 4096, Frsize: 4096, Blocks: 256, Bfree: 249, Bavail: 249, Namemax: 255}, nil
}
