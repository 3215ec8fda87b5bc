package sys

import (
	"crypto/rand"
	"errors"
	"os"
	goruntime "runtime"
	"sort"
	"strings"
	"syscall"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/ntuple"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

func newOS(env *runtime.Env) (starlark.StringDict, error) {
	d := pyargs.Builtins(map[string]builtinFn{
		"uname":   uname,
		"listdir": listdir,
		"getenv":  getenv,
		"getcwd":  getcwd,
		"stat":    stat,
		"remove":  pathOp("remove", os.Remove),
		"rmdir":   pathOp("rmdir", os.Remove),
		"mkdir":   pathOp("mkdir", func(p string) error { return os.Mkdir(p, 0o777) }),
		"rename":  rename,
		"urandom": urandom,
	})
	d["sep"] = starlark.String("/")
	d["name"] = starlark.String("posix")
	return d, nil
}

// osError renders a Go file error as CPython does: "[Errno 2] No such file
// or directory: 'x'". The class stays OSError (not FileNotFoundError) so
// `except OSError:` matches, as the exception table knows no subclasses.
func osError(err error, path string) error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		msg := errno.Error()
		if msg != "" {
			msg = strings.ToUpper(msg[:1]) + msg[1:]
		}
		return exc.OSError("[Errno %d] %s: %s", int(errno), msg, pyrepr.QuoteString(path))
	}
	return exc.OSError("%v", err)
}

func pathArg(fn string, args starlark.Tuple, kwargs []starlark.Tuple, def string) (string, error) {
	var v starlark.Value = starlark.String(def)
	min := 1
	if def != "" {
		min = 0
	}
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, min, &v); err != nil {
		return "", err
	}
	return pyargs.Text(fn, "path", v)
}

func uname(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("uname", args, kwargs, 0); err != nil {
		return nil, err
	}
	host, _ := os.Hostname()
	return ntuple.New("uname_result", []string{"sysname", "nodename", "release", "version", "machine"},
		starlark.String("qstar"), starlark.String(host), starlark.String("3.4.0"),
		starlark.String("qstar on "+goruntime.GOOS), starlark.String(goruntime.GOARCH)), nil
}

func listdir(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	path, err := pathArg("listdir", args, kwargs, ".")
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, osError(err, path)
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	sort.Strings(names)
	out := make([]starlark.Value, len(names))
	for i, n := range names {
		out[i] = starlark.String(n)
	}
	return starlark.NewList(out), nil
}

func getenv(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var key string
	var def starlark.Value = starlark.None
	if err := starlark.UnpackArgs("getenv", args, kwargs, "key", &key, "default?", &def); err != nil {
		return nil, err
	}
	if v, ok := os.LookupEnv(key); ok {
		return starlark.String(v), nil
	}
	return def, nil
}

func getcwd(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("getcwd", args, kwargs, 0); err != nil {
		return nil, err
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, osError(err, ".")
	}
	return starlark.String(wd), nil
}

// stat → (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime), as
// MicroPython's uos.stat returns.
func stat(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	path, err := pathArg("stat", args, kwargs, "")
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, osError(err, path)
	}
	mode := int64(fi.Mode().Perm())
	if fi.IsDir() {
		mode |= syscall.S_IFDIR
	} else {
		mode |= syscall.S_IFREG
	}
	mtime := starlark.MakeInt64(fi.ModTime().Unix())
	zero := starlark.MakeInt(0)
	return ntuple.New("os.stat_result",
		[]string{"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"},
		starlark.MakeInt64(mode), zero, zero, starlark.MakeInt(1), zero, zero, starlark.MakeInt64(fi.Size()), mtime, mtime, mtime), nil
}

func pathOp(name string, op func(string) error) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		path, err := pathArg(name, args, kwargs, "")
		if err != nil {
			return nil, err
		}
		if err := op(path); err != nil {
			return nil, osError(err, path)
		}
		return starlark.None, nil
	}
}

func rename(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var from, to string
	if err := starlark.UnpackPositionalArgs("rename", args, kwargs, 2, &from, &to); err != nil {
		return nil, err
	}
	if err := os.Rename(from, to); err != nil {
		return nil, osError(err, from)
	}
	return starlark.None, nil
}

func urandom(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs("urandom", args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	n, err := pyargs.Int("urandom", "size", v)
	if err != nil {
		return nil, err
	}
	if n < 0 || n > 1<<20 {
		return nil, exc.ValueError("urandom: size must be in [0, 1048576], got %d", n)
	}
	p := make([]byte, n)
	rand.Read(p)
	return starlark.Bytes(p), nil
}
