//go:build linux || darwin

package devfs

import (
	"io/fs"
	"syscall"
)

func fillSys(info *Info, fi fs.FileInfo) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	info.Ino, info.Dev, info.Nlink = uint64(st.Ino), uint64(st.Dev), uint64(st.Nlink)
	info.Uid, info.Gid = st.Uid, st.Gid
	info.Atime, info.Ctime = statTimes(st)
}

func statvfs(host string) (Vfs, error) {
	var s syscall.Statfs_t
	if err := syscall.Statfs(host, &s); err != nil {
		return Vfs{}, err
	}
	return Vfs{Bsize: uint64(s.Bsize), Frsize: uint64(s.Bsize), Blocks: uint64(s.Blocks), Bfree: uint64(s.Bfree),
		Bavail: uint64(s.Bavail), Files: uint64(s.Files), Ffree: uint64(s.Ffree), Favail: uint64(s.Ffree),
		Namemax: 255}, nil
}
