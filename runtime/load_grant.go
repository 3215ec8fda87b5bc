package runtime

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/devfs"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// openBuiltin is Python's open() on the device filesystem.
func (in *Interp) openBuiltin() *starlark.Builtin { return devfs.OpenBuiltin(in.Env.FS) }

// checkLoad refuses to load() or import a file outside the script's tree
// (the main script's directory), the data directory and --allow-fs grants.
func (in *Interp) checkLoad(path string) error {
	root := ""
	if len(in.loading) > 0 {
		root = filepath.Dir(in.loading[0])
	} else if wd, err := os.Getwd(); err == nil {
		root = wd
	}
	real := realAbs(path)
	for _, dir := range append([]string{root, in.Env.UsrDir()}, in.Env.Grants.FS...) {
		if dir != "" && under(real, realAbs(dir)) {
			return nil
		}
	}
	e := exc.OSErr(syscall.EACCES, &path)
	e.Msg += " (load outside the script's directory; grant it with --allow-fs=" + filepath.Dir(real) + ")"
	return e
}

// realAbs is path made absolute with its symlinks resolved, as far as it exists.
func realAbs(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	return abs
}

func under(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, strings.TrimSuffix(dir, "/")+"/")
}
