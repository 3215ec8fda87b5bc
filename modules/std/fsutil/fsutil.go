// Package fsutil provides CPython's shutil, glob and fnmatch on the
// device filesystem (runtime/devfs), so desktop Python that copies,
// moves and lists files keeps to the data directory and its grants.
package fsutil

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "shutil", Doc: "copyfile, copy, move, rmtree, copytree, disk_usage", New: newShutil})
	runtime.Register(runtime.Module{Name: "glob", Doc: "glob and iglob of path patterns", New: newGlob})
	runtime.Register(runtime.Module{Name: "fnmatch", Doc: "fnmatch, fnmatchcase, filter of shell patterns", New: newFnmatch})
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func text(fn, param string, v starlark.Value) (string, error) { return pyargs.Text(fn, param, v) }

// joinPath is posixpath.join of two parts.
func joinPath(a, b string) string {
	switch {
	case len(b) > 0 && b[0] == '/':
		return b
	case a == "" || a[len(a)-1] == '/':
		return a + b
	}
	return a + "/" + b
}

func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[i+1:]
		}
	}
	return p
}
