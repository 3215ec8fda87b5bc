package sys

import (
	"os"
	"syscall"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/modules/std/internal/ntuple"
	"github.com/qstar-dev/qstar/runtime/devfs"
)

func (m *osMod) pathOp(name string, op func(*devfs.FS, string) error) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		path, err := pathArg(name, args, kwargs, "")
		if err != nil {
			return nil, err
		}
		return starlark.None, op(m.fs(), path)
	}
}

func (m *osMod) listdir(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return m.eachEntry("listdir", args, kwargs, func(_ string, e devfs.Entry) starlark.Value { return starlark.String(e.Name) })
}

// eachEntry lists the directory named by args (default ".") as one value
// per entry; name is the function's for its errors.
func (m *osMod) eachEntry(name string, args starlark.Tuple, kwargs []starlark.Tuple, value func(dir string, e devfs.Entry) starlark.Value) (*starlark.List, error) {
	path, err := pathArg(name, args, kwargs, ".")
	if err != nil {
		return nil, err
	}
	entries, err := m.fs().ListDir(path)
	if err != nil {
		return nil, err
	}
	out := make([]starlark.Value, len(entries))
	for i, e := range entries {
		out[i] = value(path, e)
	}
	return starlark.NewList(out), nil
}

// ilistdir gives MicroPython's (name, type, inode, size) tuples, type
// 0x4000 for a directory and 0x8000 for a file.
func (m *osMod) ilistdir(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return m.eachEntry("ilistdir", args, kwargs, func(_ string, e devfs.Entry) starlark.Value {
		typ := syscall.S_IFREG
		if e.IsDir {
			typ = syscall.S_IFDIR
		}
		return starlark.Tuple{starlark.String(e.Name), starlark.MakeInt(typ), starlark.MakeInt(0), starlark.MakeInt64(e.Size)}
	})
}

var statFields = []string{"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"}

// stat → (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime): for
// os an os.stat_result as CPython's; for uos a plain tuple whose mode is
// the bare type (0x8000 file, 0x4000 directory), as littleFS reports.
func (m *osMod) stat(link bool) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		path, err := pathArg(b.Name(), args, kwargs, "")
		if err != nil {
			return nil, err
		}
		fi, err := m.fs().Stat(path, link)
		if err != nil {
			return nil, err
		}
		if m.quec {
			mode := int64(fi.Mode & syscall.S_IFMT)
			mt := starlark.MakeInt64(fi.Mtime.Unix())
			z := starlark.MakeInt(0)
			return starlark.Tuple{starlark.MakeInt64(mode), z, z, z, z, z, starlark.MakeInt64(fi.Size), mt, mt, mt}, nil
		}
		st := ntuple.New("os.stat_result", statFields,
			starlark.MakeInt64(int64(fi.Mode)), starlark.MakeUint64(fi.Ino), starlark.MakeUint64(fi.Dev),
			starlark.MakeUint64(fi.Nlink), starlark.MakeUint64(uint64(fi.Uid)), starlark.MakeUint64(uint64(fi.Gid)),
			starlark.MakeInt64(fi.Size), starlark.MakeInt64(fi.Atime.Unix()), starlark.MakeInt64(fi.Mtime.Unix()),
			starlark.MakeInt64(fi.Ctime.Unix()))
		return &statResult{Tuple: st, times: starlark.StringDict{
			"st_atime": starlark.Float(float64(fi.Atime.UnixNano()) / 1e9),
			"st_mtime": starlark.Float(float64(fi.Mtime.UnixNano()) / 1e9),
			"st_ctime": starlark.Float(float64(fi.Ctime.UnixNano()) / 1e9),
		}}, nil
	}
}

var statvfsFields = []string{"f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail", "f_flag", "f_namemax"}

// statvfs → (f_bsize, f_frsize, f_blocks, f_bfree, f_bavail, f_files,
// f_ffree, f_favail, f_flag, f_namemax) of the data directory's filesystem.
func (m *osMod) statvfs(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	path, err := pathArg("statvfs", args, kwargs, "")
	if err != nil {
		return nil, err
	}
	v, err := m.fs().Statvfs(path)
	if err != nil {
		return nil, err
	}
	if m.quec { // as MicroPython's VfsLfs: no inode counts or flags, littleFS's 255-byte names
		v.Files, v.Ffree, v.Favail, v.Flag, v.Namemax = 0, 0, 0, 0, 255
	}
	items := starlark.Tuple{}
	for _, n := range []uint64{v.Bsize, v.Frsize, v.Blocks, v.Bfree, v.Bavail, v.Files, v.Ffree, v.Favail, v.Flag, v.Namemax} {
		items = append(items, starlark.MakeUint64(n))
	}
	if m.quec {
		return items, nil
	}
	return ntuple.New("os.statvfs_result", statvfsFields, items...), nil
}

// remove deletes a file. uos also removes an empty directory, as
// QuecPython's littleFS does (its ql_fs.rmdirs relies on it).
func (m *osMod) remove(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	path, err := pathArg(b.Name(), args, kwargs, "")
	if err != nil {
		return nil, err
	}
	err = m.fs().Remove(path)
	if err != nil && m.quec {
		if fi, statErr := m.fs().Stat(path, true); statErr == nil && fi.IsDir() {
			err = m.fs().Rmdir(path)
		}
	}
	return starlark.None, err
}

func (m *osMod) mkdir(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var p starlark.Value
	perm := 0o777
	if err := starlark.UnpackArgs("mkdir", args, kwargs, "path", &p, "mode?", &perm); err != nil {
		return nil, err
	}
	path, err := pathText("mkdir", p)
	if err != nil {
		return nil, err
	}
	return starlark.None, m.fs().Mkdir(path, os.FileMode(perm))
}

// makedirs(name, mode=0o777, exist_ok=False), as CPython.
func (m *osMod) makedirs(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var p starlark.Value
	perm := 0o777
	existOK := false
	if err := starlark.UnpackArgs("makedirs", args, kwargs, "name", &p, "mode?", &perm, "exist_ok?", &existOK); err != nil {
		return nil, err
	}
	path, err := pathText("makedirs", p)
	if err != nil {
		return nil, err
	}
	if fi, err := m.fs().Stat(path, false); err == nil {
		if existOK && fi.IsDir() {
			return starlark.None, nil
		}
		return nil, devfs.PathErr(syscall.EEXIST, path)
	}
	return starlark.None, m.fs().MkdirAll(path, os.FileMode(perm))
}

func (m *osMod) rename(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var from, to starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &from, &to); err != nil {
		return nil, err
	}
	src, err := pathText(b.Name(), from)
	if err != nil {
		return nil, err
	}
	dst, err := pathText(b.Name(), to)
	if err != nil {
		return nil, err
	}
	return starlark.None, m.fs().Rename(src, dst)
}

func (m *osMod) getcwd(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("getcwd", args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.String(m.fs().Getcwd()), nil
}

// walk(top) is os.walk, top-down, as a list of (dirpath, dirnames,
// filenames); errors below top are skipped, as CPython's default.
func (m *osMod) walk(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var p starlark.Value
	topdown := true
	var onerror, followlinks starlark.Value = starlark.None, starlark.False
	if err := starlark.UnpackArgs("walk", args, kwargs, "top", &p, "topdown?", &topdown, "onerror?", &onerror, "followlinks?", &followlinks); err != nil {
		return nil, err
	}
	top, err := pathText("walk", p)
	if err != nil {
		return nil, err
	}
	var out []starlark.Value
	var visit func(dir string)
	visit = func(dir string) {
		entries, err := m.fs().ListDir(dir)
		if err != nil {
			return
		}
		var dirs, files []starlark.Value
		for _, e := range entries {
			if e.IsDir {
				dirs = append(dirs, starlark.String(e.Name))
			} else {
				files = append(files, starlark.String(e.Name))
			}
		}
		entry := starlark.Tuple{starlark.String(dir), starlark.NewList(dirs), starlark.NewList(files)}
		if topdown {
			out = append(out, entry)
		}
		for _, d := range dirs {
			visit(joinPath(dir, string(d.(starlark.String))))
		}
		if !topdown {
			out = append(out, entry)
		}
	}
	visit(top)
	return starlark.NewList(out), nil
}

// statResult is os.stat_result: its items are ints, as CPython's, but
// st_atime, st_mtime and st_ctime read as floats.
type statResult struct {
	*ntuple.Tuple
	times starlark.StringDict
}

func (s *statResult) Attr(name string) (starlark.Value, error) {
	if v, ok := s.times[name]; ok {
		return v, nil
	}
	return s.Tuple.Attr(name)
}

func (s *statResult) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, s.Items, y.(*statResult).Items, depth)
}
