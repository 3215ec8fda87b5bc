package sys

import (
	"path"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// newOSPath is os.path: CPython's posixpath string functions, and the
// queries (exists, isfile, ...) on the device filesystem.
func newOSPath(env *runtime.Env) (starlark.StringDict, error) {
	m := &osMod{env: env}
	d := pyargs.Builtins(map[string]builtinFn{
		"join": pathJoin,
		"split": strFn1("split", func(p string) starlark.Value {
			h, t := splitPath(p)
			return starlark.Tuple{starlark.String(h), starlark.String(t)}
		}),
		"basename": strFn1("basename", func(p string) starlark.Value { _, t := splitPath(p); return starlark.String(t) }),
		"dirname":  strFn1("dirname", func(p string) starlark.Value { h, _ := splitPath(p); return starlark.String(h) }),
		"splitext": strFn1("splitext", func(p string) starlark.Value {
			r, e := splitExt(p)
			return starlark.Tuple{starlark.String(r), starlark.String(e)}
		}),
		"normpath":   strFn1("normpath", func(p string) starlark.Value { return starlark.String(normPath(p)) }),
		"isabs":      strFn1("isabs", func(p string) starlark.Value { return starlark.Bool(strings.HasPrefix(p, "/")) }),
		"expanduser": strFn1("expanduser", func(p string) starlark.Value { return starlark.String(p) }),
		"abspath":    strFn1("abspath", func(p string) starlark.Value { return starlark.String(m.fs().Abs(p)) }),
		"realpath":   strFn1("realpath", func(p string) starlark.Value { return starlark.String(m.fs().Abs(p)) }),
		"exists":     m.query("exists", func(fi infoQuery) starlark.Value { return starlark.Bool(fi.ok) }),
		"lexists":    m.query("lexists", func(fi infoQuery) starlark.Value { return starlark.Bool(fi.ok) }),
		"isfile":     m.query("isfile", func(fi infoQuery) starlark.Value { return starlark.Bool(fi.ok && !fi.info.IsDir()) }),
		"isdir":      m.query("isdir", func(fi infoQuery) starlark.Value { return starlark.Bool(fi.ok && fi.info.IsDir()) }),
		"islink":     m.query("islink", func(fi infoQuery) starlark.Value { return starlark.False }),
		"getsize":    m.sizeOrTime("getsize"),
		"getmtime":   m.sizeOrTime("getmtime"),
		"getatime":   m.sizeOrTime("getatime"),
		"getctime":   m.sizeOrTime("getctime"),
	})
	d["sep"] = starlark.String("/")
	return d, nil
}

func strFn1(name string, f func(string) starlark.Value) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		p, err := pathArg(name, args, kwargs, "")
		if err != nil {
			return nil, err
		}
		return f(p), nil
	}
}

// pathJoin is posixpath.join: a later absolute part restarts the path.
func pathJoin(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 || len(args) == 0 {
		return nil, starlark.UnpackPositionalArgs("join", args, kwargs, 1)
	}
	out := ""
	for i, a := range args {
		s, err := pathText("join", a)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			out = s
			continue
		}
		out = joinPath(out, s)
	}
	return starlark.String(out), nil
}

func joinPath(a, b string) string {
	switch {
	case strings.HasPrefix(b, "/"):
		return b
	case a == "" || strings.HasSuffix(a, "/"):
		return a + b
	}
	return a + "/" + b
}

// splitPath is posixpath.split: head keeps a root of slashes, else loses
// its trailing ones.
func splitPath(p string) (string, string) {
	i := strings.LastIndexByte(p, '/') + 1
	head, tail := p[:i], p[i:]
	if head != "" && strings.Trim(head, "/") != "" {
		head = strings.TrimRight(head, "/")
	}
	return head, tail
}

// splitExt is posixpath.splitext: leading dots of the name are not an
// extension.
func splitExt(p string) (string, string) {
	sep := strings.LastIndexByte(p, '/')
	dot := strings.LastIndexByte(p, '.')
	if dot > sep {
		for i := sep + 1; i < dot; i++ {
			if p[i] != '.' {
				return p[:dot], p[dot:]
			}
		}
	}
	return p, ""
}

// normPath is posixpath.normpath: path.Clean, except that exactly two
// leading slashes stay.
func normPath(p string) string {
	if p == "" {
		return "."
	}
	out := path.Clean(p)
	if strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "///") {
		out = "/" + out
	}
	return out
}
