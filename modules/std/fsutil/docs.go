package fsutil

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of shutil, glob, fnmatch and tempfile, for help(),
// __doc__ and `qstar stubs`; TestDocsMatchBinders keeps them honest.
func init() {
	runtime.RegisterDocs("shutil", map[string]string{
		"copyfile":   "copyfile(src, dst, *, follow_symlinks=True)\nCopy the contents of file src to file dst; dst.",
		"copy":       "copy(src, dst, *, follow_symlinks=True)\nCopy file src to dst (a file or a directory to copy into); the new file's path.",
		"copy2":      "copy2(src, dst, *, follow_symlinks=True)\nAs copy, keeping the modification time.",
		"move":       "move(src, dst, copy_function=copy2)\nMove a file or directory to dst (into it when dst is a directory); the destination.",
		"rmtree":     "rmtree(path, ignore_errors=False, onerror=None)\nRemove a directory and everything under it.",
		"copytree":   "copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2, ignore_dangling_symlinks=False, dirs_exist_ok=False)\nCopy a directory tree to dst; dst.",
		"disk_usage": "disk_usage(path, /)\n(total, used, free) bytes of the filesystem holding path.",
	})
	glob := "(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False)"
	runtime.RegisterDocs("glob", map[string]string{
		"glob":      "glob" + glob + "\nThe paths matching the shell pattern (*, ?, [...]; ** across directories when recursive).",
		"iglob":     "iglob" + glob + "\nAs glob, as an iterator.",
		"has_magic": "has_magic(s, /)\nTrue when s holds a pattern character (*, ? or [).",
	})
	runtime.RegisterDocs("fnmatch", map[string]string{
		"fnmatch":     "fnmatch(name, pat)\nTrue when name matches the shell pattern pat.",
		"fnmatchcase": "fnmatchcase(name, pat)\nAs fnmatch, always case-sensitive.",
		"filter":      "filter(names, pat)\nThe names that match pat, as a list.",
		"translate":   "translate(pat, /)\nThe shell pattern as a regular expression.",
	})
	named := "(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None, prefix=None, dir=None, delete=True, *, errors=None)"
	runtime.RegisterDocs("tempfile", map[string]string{
		"gettempdir":         "gettempdir()\nThe directory temporary files go in (/usr/tmp on the device filesystem).",
		"gettempprefix":      "gettempprefix()\nThe prefix of temporary names, 'tmp'.",
		"mkdtemp":            "mkdtemp(suffix=None, prefix=None, dir=None)\nCreate a new directory with a unique name; its path.",
		"NamedTemporaryFile": "NamedTemporaryFile" + named + "\nOpen a new file with a unique name (its .name); removed on close when delete is True.",
		"TemporaryFile":      "TemporaryFile" + named + "\nAs NamedTemporaryFile.",
		"TemporaryDirectory": "TemporaryDirectory(suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False)\nA new directory (.name) removed with everything in it on cleanup() or at the end of a with block.",
	})
}
