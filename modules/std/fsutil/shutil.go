package fsutil

import (
	"io"
	"os"
	"syscall"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/ntuple"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/devfs"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

type shutil struct{ env *runtime.Env }

func newShutil(env *runtime.Env) (starlark.StringDict, error) {
	s := &shutil{env: env}
	return pyargs.Builtins(map[string]builtinFn{
		"copyfile":   s.copyOp("copyfile", false),
		"copy":       s.copyOp("copy", true),
		"copy2":      s.copyOp("copy2", true),
		"move":       s.move,
		"rmtree":     s.rmtree,
		"copytree":   s.copytree,
		"disk_usage": s.diskUsage,
	}), nil
}

func (s *shutil) fs() *devfs.FS { return s.env.FS() }

func (s *shutil) twoPaths(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (string, string, error) {
	var a, b, follow starlark.Value = nil, nil, starlark.True
	if err := starlark.UnpackArgs(fn, args, kwargs, "src", &a, "dst", &b, "follow_symlinks?", &follow); err != nil {
		return "", "", err
	}
	src, err := text(fn, "src", a)
	if err != nil {
		return "", "", err
	}
	dst, err := text(fn, "dst", b)
	return src, dst, err
}

// intoDir is dst, or dst/basename(src) when dst is a directory (copy, move).
func (s *shutil) intoDir(src, dst string) string {
	if info, err := s.fs().Stat(dst, false); err == nil && info.IsDir() {
		return joinPath(dst, baseName(src))
	}
	return dst
}

// copyOp is copyfile (dst must be a file) or copy/copy2 (dst may be a
// directory); each returns the destination path.
func (s *shutil) copyOp(fn string, dirOK bool) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		src, dst, err := s.twoPaths(fn, args, kwargs)
		if err != nil {
			return nil, err
		}
		if dirOK {
			dst = s.intoDir(src, dst)
		}
		return starlark.String(dst), s.copyFile(src, dst)
	}
}

func (s *shutil) copyFile(src, dst string) error {
	from, err := s.fs().Resolve(src)
	if err != nil {
		return err
	}
	to, err := s.fs().Resolve(dst)
	if err != nil {
		return err
	}
	in, err := os.Open(from)
	if err != nil {
		return devfs.PathErr(err, src)
	}
	defer in.Close()
	if info, err := in.Stat(); err == nil && info.IsDir() {
		return devfs.PathErr(syscall.EISDIR, src)
	}
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
	if err != nil {
		return devfs.PathErr(err, dst)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return devfs.PathErr(err, dst)
	}
	return devfs.PathErr0(out.Close(), dst)
}

func (s *shutil) move(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a, d, fn starlark.Value = nil, nil, starlark.None
	if err := starlark.UnpackArgs("move", args, kwargs, "src", &a, "dst", &d, "copy_function?", &fn); err != nil {
		return nil, err
	}
	src, err := text("move", "src", a)
	if err != nil {
		return nil, err
	}
	dst, err := text("move", "dst", d)
	if err != nil {
		return nil, err
	}
	dst = s.intoDir(src, dst)
	return starlark.String(dst), s.fs().Rename(src, dst)
}

// rmtree(path, ignore_errors=False) removes a directory and all below it.
func (s *shutil) rmtree(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var p, onerror starlark.Value = nil, starlark.None
	ignore := false
	if err := starlark.UnpackArgs("rmtree", args, kwargs, "path", &p, "ignore_errors?", &ignore, "onerror?", &onerror); err != nil {
		return nil, err
	}
	path, err := text("rmtree", "path", p)
	if err != nil {
		return nil, err
	}
	err = s.removeTree(path)
	if ignore {
		err = nil
	}
	return starlark.None, err
}

func (s *shutil) removeTree(path string) error {
	info, err := s.fs().Stat(path, true)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return devfs.PathErr(syscall.ENOTDIR, path)
	}
	entries, err := s.fs().ListDir(path)
	if err != nil {
		return err
	}
	for _, e := range entries {
		child := joinPath(path, e.Name)
		if e.IsDir {
			err = s.removeTree(child)
		} else {
			err = s.fs().Remove(child)
		}
		if err != nil {
			return err
		}
	}
	return s.fs().Rmdir(path)
}

// copytree(src, dst, dirs_exist_ok=False) copies a directory tree.
func (s *shutil) copytree(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a, d starlark.Value
	var symlinks, ignore, copyFn, ignoreDangling starlark.Value = starlark.False, starlark.None, starlark.None, starlark.False
	existOK := false
	if err := starlark.UnpackArgs("copytree", args, kwargs, "src", &a, "dst", &d, "symlinks?", &symlinks, "ignore?", &ignore,
		"copy_function?", &copyFn, "ignore_dangling_symlinks?", &ignoreDangling, "dirs_exist_ok?", &existOK); err != nil {
		return nil, err
	}
	src, err := text("copytree", "src", a)
	if err != nil {
		return nil, err
	}
	dst, err := text("copytree", "dst", d)
	if err != nil {
		return nil, err
	}
	return starlark.String(dst), s.copyTree(src, dst, existOK)
}

func (s *shutil) copyTree(src, dst string, existOK bool) error {
	entries, err := s.fs().ListDir(src)
	if err != nil {
		return err
	}
	if err := s.fs().Mkdir(dst, 0o777); err != nil && !existOK {
		return err
	}
	for _, e := range entries {
		from, to := joinPath(src, e.Name), joinPath(dst, e.Name)
		if e.IsDir {
			err = s.copyTree(from, to, existOK)
		} else {
			err = s.copyFile(from, to)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// disk_usage(path) is usage(total, used, free) in bytes.
func (s *shutil) diskUsage(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var p starlark.Value
	if err := starlark.UnpackPositionalArgs("disk_usage", args, kwargs, 1, &p); err != nil {
		return nil, err
	}
	path, err := text("disk_usage", "path", p)
	if err != nil {
		return nil, err
	}
	v, err := s.fs().Statvfs(path)
	if err != nil {
		return nil, err
	}
	total, free, used := v.Blocks*v.Frsize, v.Bavail*v.Frsize, (v.Blocks-v.Bfree)*v.Frsize
	return ntuple.New("usage", []string{"total", "used", "free"},
		starlark.MakeUint64(total), starlark.MakeUint64(used), starlark.MakeUint64(free)), nil
}
