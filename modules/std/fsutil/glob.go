package fsutil

import (
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/devfs"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func newGlob(env *runtime.Env) (starlark.StringDict, error) {
	g := func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var p, rootDir, dirFD starlark.Value = nil, starlark.None, starlark.None
		recursive, hidden := false, false
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "pathname", &p, "root_dir?", &rootDir, "dir_fd?", &dirFD,
			"recursive?", &recursive, "include_hidden?", &hidden); err != nil {
			return nil, err
		}
		pattern, err := text(b.Name(), "pathname", p)
		if err != nil {
			return nil, err
		}
		gl := globber{fs: env.FS(), recursive: recursive, hidden: hidden}
		var out []starlark.Value
		for _, m := range gl.glob(pattern) {
			if m == "" {
				continue // '**' matches the directory it starts in
			}
			out = append(out, starlark.String(m))
		}
		return starlark.NewList(out), nil
	}
	d := pyargs.Builtins(map[string]builtinFn{"glob": g, "iglob": g})
	d["has_magic"] = starlark.NewBuiltin("has_magic", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var s string
		if err := starlark.UnpackPositionalArgs("has_magic", args, kwargs, 1, &s); err != nil {
			return nil, err
		}
		return starlark.Bool(hasMagic(s)), nil
	})
	return d, nil
}

// globber is glob.glob over the device filesystem, sorted by name.
type globber struct {
	fs                *devfs.FS
	recursive, hidden bool
}

func (g globber) glob(pattern string) []string {
	if !hasMagic(pattern) {
		if _, err := g.fs.Stat(pattern, true); err == nil && pattern != "" {
			return []string{pattern}
		}
		return nil
	}
	dir, base := splitPath(pattern)
	dirs := []string{dir}
	if dir != "" && dir != pattern && hasMagic(dir) {
		dirs = g.glob(dir)
	}
	var out []string
	for _, d := range dirs {
		for _, name := range g.in(d, base) {
			if d == "" {
				out = append(out, name)
			} else {
				out = append(out, joinPath(d, name))
			}
		}
	}
	return out
}

// in matches one pattern component against the entries of dir.
func (g globber) in(dir, base string) []string {
	if !hasMagic(base) {
		if _, err := g.fs.Stat(joinPath(orDot(dir), base), true); err == nil {
			return []string{base}
		}
		return nil
	}
	if g.recursive && base == "**" {
		return append([]string{""}, g.below(dir, "")...)
	}
	entries, err := g.fs.ListDir(orDot(dir))
	if err != nil {
		return nil
	}
	re := patternRegexp(base)
	var out []string
	for _, e := range entries {
		if g.visible(e.Name, base) && re.MatchString(e.Name) {
			out = append(out, e.Name)
		}
	}
	return out
}

// below lists everything under dir (relative to it), for '**'.
func (g globber) below(dir, rel string) []string {
	entries, err := g.fs.ListDir(orDot(joinPath(dir, rel)))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !g.visible(e.Name, "") {
			continue
		}
		p := joinPath(rel, e.Name)
		out = append(out, p)
		if e.IsDir {
			out = append(out, g.below(dir, p)...)
		}
	}
	return out
}

// visible: '*' skips names starting with '.', unless the pattern does too.
func (g globber) visible(name, pattern string) bool {
	return g.hidden || !strings.HasPrefix(name, ".") || strings.HasPrefix(pattern, ".")
}

func orDot(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
}

// splitPath is posixpath.split.
func splitPath(p string) (string, string) {
	i := strings.LastIndexByte(p, '/') + 1
	head, tail := p[:i], p[i:]
	if head != "" && strings.Trim(head, "/") != "" {
		head = strings.TrimRight(head, "/")
	}
	return head, tail
}
