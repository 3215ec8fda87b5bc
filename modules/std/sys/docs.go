package sys

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of sys (usys), gc, os, uos and os.path, for help(),
// __doc__ and `qstar stubs`; TestDocsMatchBinders keeps them honest.
func init() {
	sysDocs := map[string]string{
		"exit":              "exit(retval=0, /)\nEnd the script by raising SystemExit(retval); qstar exits with that status.",
		"print_exception":   "print_exception(exc, file=sys.stdout, /)\nPrint the exception and its traceback to file (MicroPython).",
		"modules":           "modules\nThe modules imported so far, by name (a dict view); del sys.modules[name] makes the next import run the module again.",
		"exc_info":          "exc_info()\n(type, value, traceback) of the exception being handled, (None, None, None) outside an except block; the traceback is None.",
		"exception":         "exception()\nThe exception being handled, or None (Python 3.11).",
		"getrecursionlimit": "getrecursionlimit()\nThe maximum depth of nested calls.",
		"setrecursionlimit": "setrecursionlimit(limit, /)\nSet the maximum depth of nested calls.",
		"getswitchinterval": "getswitchinterval()\nThe thread switch interval in seconds.",
		"setswitchinterval": "setswitchinterval(interval, /)\nSet the thread switch interval in seconds.",
		"argv":              "argv\nThe script's arguments: argv[0] is the script path, then what followed it on the qstar command line.",
		"platform":          "platform\n'qstar'.",
		"version":           "version\nThe Python version the front end follows, and qstar.",
		"version_info":      "version_info\n(3, 4, 0): the MicroPython language level QuecPython reports.",
		"implementation":    "implementation\n(name='qstar', version=(major, minor, micro)).",
		"byteorder":         "byteorder\n'little' or 'big', the host's byte order.",
		"maxsize":           "maxsize\nThe largest int a container index can be (2**63 - 1).",
		"path":              "path\nThe directories import searches, in order ('' is the script's directory).",
		"stdout":            "stdout\nThe standard output stream: write(s), flush().",
		"stderr":            "stderr\nThe standard error stream: write(s), flush().",
		"stdin":             "stdin\nThe standard input stream: read(n), readline(), iteration.",
	}
	runtime.RegisterDocs("sys", sysDocs)
	runtime.RegisterDocs("usys", sysDocs)
	runtime.RegisterDocs("gc", map[string]string{
		"collect":   "collect()\nRun a garbage collection of the Go heap.",
		"enable":    "enable()\nTurn automatic collection on (the flag isenabled reads; Go always collects).",
		"disable":   "disable()\nTurn automatic collection off (the flag only: Go always collects).",
		"isenabled": "isenabled()\nThe flag enable() and disable() set.",
		"mem_free":  "mem_free()\nBytes of heap free (MicroPython).",
		"mem_alloc": "mem_alloc()\nBytes of heap in use (MicroPython).",
		"threshold": "threshold(amount=None, /)\nThe allocation threshold, or set it (kept, no effect).",
	})
	osDocs := map[string]string{
		"uname":     "uname()\nos: (sysname, nodename, release, version, machine); uos: QuecPython's tuple of 'key=value' strings.",
		"urandom":   "urandom(size, /)\nsize random bytes from the operating system.",
		"listdir":   "listdir(path='.', /)\nThe names in the directory (on the device filesystem: /usr, /bak).",
		"ilistdir":  "ilistdir(dir='.', /)\n(name, type, inode[, size]) for each entry, as an iterator (MicroPython).",
		"stat":      "stat(path, /)\nos.stat_result (st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size, st_atime, st_mtime, st_ctime).",
		"lstat":     "lstat(path, /)\nAs stat, not following a symlink.",
		"statvfs":   "statvfs(path, /)\nThe filesystem's (f_bsize, f_frsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree, f_favail, f_flag, f_namemax).",
		"remove":    "remove(path, /)\nDelete a file.",
		"unlink":    "unlink(path, /)\nAs remove.",
		"rmdir":     "rmdir(path, /)\nDelete an empty directory.",
		"mkdir":     "mkdir(path, mode=0o777)\nCreate a directory.",
		"makedirs":  "makedirs(name, mode=0o777, exist_ok=False)\nCreate a directory and any missing parents.",
		"rename":    "rename(src, dst, /)\nRename a file or directory.",
		"replace":   "replace(src, dst, /)\nRename, replacing dst if it exists.",
		"chdir":     "chdir(path, /)\nChange the current directory.",
		"getcwd":    "getcwd()\nThe current directory.",
		"walk":      "walk(top, topdown=True, onerror=None, followlinks=False)\n(dirpath, dirnames, filenames) for each directory under top.",
		"getpid":    "getpid()\nThe process id of qstar.",
		"scandir":   "scandir(path='.', /)\nAn iterator of DirEntry objects (name, path, is_dir(), is_file(), stat()).",
		"access":    "access(path, mode, /)\nTrue when path exists (F_OK) and allows mode (R_OK, W_OK, X_OK).",
		"cpu_count": "cpu_count()\nThe number of CPUs.",
		"sync":      "sync()\nFlush the filesystem (files are written through: nothing to do).",
		"environ":   "environ\nThe environment variables the run was granted (--env), as a dict.",
		"getenv":    "getenv(key, default=None)\nThe granted environment variable key, or default.",
		"putenv":    "putenv(key, value, /)\nSet an environment variable for this run.",
		"unsetenv":  "unsetenv(key, /)\nRemove an environment variable for this run.",
		"sep":       "sep\n'/', the path separator.",
		"name":      "name\n'posix'.",
		"linesep":   "linesep\n'\\n'.",
		"curdir":    "curdir\n'.'.",
		"pardir":    "pardir\n'..'.",
		"extsep":    "extsep\n'.'.",
		"devnull":   "devnull\n'/dev/null'.",
		"F_OK":      "F_OK\naccess() mode: the path exists.",
		"R_OK":      "R_OK\naccess() mode: readable.",
		"W_OK":      "W_OK\naccess() mode: writable.",
		"X_OK":      "X_OK\naccess() mode: executable.",
	}
	runtime.RegisterDocs("os", osDocs)
	runtime.RegisterDocs("uos", osDocs)
	vfs := "\nA storage volume for mount(); the device filesystem is already mounted on /usr and /bak, so it only records the call."
	runtime.RegisterDocs("uos", map[string]string{
		"uname2":       "uname2()\nuname() as a named tuple (sysname, nodename, release, version, machine, qpyver).",
		"mount":        "mount(vfs, mount_point, readonly=False, mkfs=False)\nMount a volume on mount_point (a directory of the device filesystem).",
		"umount":       "umount(mount_point, /)\nUnmount the volume on mount_point.",
		"set_callback": "set_callback(fun, /)\nCall fun on SD card insertion or removal (a gateway has no card slot); 0.",
		"set_det":      "set_det(GPIOn, mode, /)\nSet the SD card detection pin; 0.",
		"VfsLfs1":      "VfsLfs1(*args)" + vfs,
		"VfsLfs2":      "VfsLfs2(*args)" + vfs,
		"VfsFat":       "VfsFat(*args)" + vfs,
		"VfsSd":        "VfsSd(*args)" + vfs,
		"VfsEmmc":      "VfsEmmc(*args)" + vfs,
	})
	path := map[string]string{
		"join":       "join(path, /, *paths)\nThe paths joined with '/' (an absolute part starts again).",
		"split":      "split(p, /)\n(head, tail): tail is after the last '/'.",
		"basename":   "basename(p, /)\nThe part after the last '/'.",
		"dirname":    "dirname(p, /)\nThe part before the last '/'.",
		"splitext":   "splitext(p, /)\n(root, ext): ext is the last '.suffix' of the final part, or ''.",
		"normpath":   "normpath(p, /)\np with '.', '..' and repeated '/' collapsed.",
		"isabs":      "isabs(p, /)\nTrue when p starts with '/'.",
		"expanduser": "expanduser(p, /)\np as it is (there is no home directory).",
		"abspath":    "abspath(p, /)\np made absolute from the current directory.",
		"realpath":   "realpath(p, /)\nAs abspath (the device filesystem has no symlinks).",
		"exists":     "exists(p, /)\nTrue when p names a file or directory.",
		"lexists":    "lexists(p, /)\nAs exists.",
		"isfile":     "isfile(p, /)\nTrue when p is a file.",
		"isdir":      "isdir(p, /)\nTrue when p is a directory.",
		"islink":     "islink(p, /)\nFalse: the device filesystem has no symlinks.",
		"getsize":    "getsize(p, /)\nThe file's size in bytes.",
		"getmtime":   "getmtime(p, /)\nThe last modification time, in seconds since the epoch.",
		"getatime":   "getatime(p, /)\nThe last access time, in seconds since the epoch.",
		"getctime":   "getctime(p, /)\nThe last status change time, in seconds since the epoch.",
		"sep":        "sep\n'/', the path separator.",
	}
	runtime.RegisterDocs("os.path", path)
}
