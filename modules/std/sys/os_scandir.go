package sys

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/devfs"
)

// dirEntry is os.DirEntry: name, path, is_dir(), is_file(), is_symlink(),
// stat().
type dirEntry struct {
	m    *osMod
	e    devfs.Entry
	path string
}

func (d *dirEntry) String() string        { return "<DirEntry '" + d.e.Name + "'>" }
func (d *dirEntry) Type() string          { return "DirEntry" }
func (d *dirEntry) Freeze()               {}
func (d *dirEntry) Truth() starlark.Bool  { return true }
func (d *dirEntry) Hash() (uint32, error) { return starlark.String(d.path).Hash() }
func (d *dirEntry) AttrNames() []string {
	return []string{"is_dir", "is_file", "is_symlink", "name", "path", "stat"}
}

func (d *dirEntry) Attr(name string) (starlark.Value, error) {
	answer := func(v starlark.Value) (starlark.Value, error) {
		return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return v, nil
		}), nil
	}
	switch name {
	case "name":
		return starlark.String(d.e.Name), nil
	case "path":
		return starlark.String(d.path), nil
	case "is_dir":
		return answer(starlark.Bool(d.e.IsDir))
	case "is_file":
		return answer(starlark.Bool(!d.e.IsDir))
	case "is_symlink":
		return answer(starlark.False)
	case "stat":
		return starlark.NewBuiltin("stat", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return d.m.stat(false)(t, b, starlark.Tuple{starlark.String(d.path)}, nil)
		}), nil
	}
	return nil, nil
}

// scanIter is what os.scandir returns: iterable, and a context manager.
type scanIter struct{ list *starlark.List }

func (s *scanIter) String() string             { return "<posix.ScandirIterator>" }
func (s *scanIter) Type() string               { return "ScandirIterator" }
func (s *scanIter) Freeze()                    {}
func (s *scanIter) Truth() starlark.Bool       { return true }
func (s *scanIter) Hash() (uint32, error)      { return 0, nil }
func (s *scanIter) Iterate() starlark.Iterator { return s.list.Iterate() }
func (s *scanIter) AttrNames() []string        { return []string{"__enter__", "__exit__", "close"} }

func (s *scanIter) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__enter__":
		return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return s, nil
		}), nil
	case "__exit__", "close":
		return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.None, nil
		}), nil
	}
	return nil, nil
}

func (m *osMod) scandir(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	list, err := m.eachEntry("scandir", args, kwargs, func(dir string, e devfs.Entry) starlark.Value {
		p := e.Name
		if len(args) > 0 {
			p = joinPath(dir, e.Name)
		}
		return &dirEntry{m: m, e: e, path: p}
	})
	if err != nil {
		return nil, err
	}
	return &scanIter{list: list}, nil
}
