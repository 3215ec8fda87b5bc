// Package qlfs is QuecPython's ql_fs: path and JSON-file helpers over uos
// and ujson, here on the device filesystem (runtime/devfs), with the
// firmware's return values (touch gives 0 or -1, read_json None for a
// missing file, file_copy takes the destination first).
package qlfs

import (
	"io"
	"os"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/devfs"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{Name: "ql_fs", Doc: "QuecPython's file helpers: path_exists, read_json, touch, mkdirs, file_copy", New: newModule})
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

type mod struct{ env *runtime.Env }

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	m := &mod{env: env}
	d := pyargs.Builtins(map[string]builtinFn{
		"path_exists":  m.pathExists,
		"path_dirname": pathDirname,
		"path_getsize": m.pathGetsize,
		"mkdirs":       m.mkdirs,
		"rmdirs":       m.rmdirs,
		"touch":        m.touch,
		"write_json":   m.touch,
		"read_json":    m.readJSON,
		"file_copy":    m.fileCopy,
	})
	d["FileNotFoundError"] = pylib.Builtins()["FileNotFoundError"]
	return d, nil
}

func (m *mod) fs() *devfs.FS { return m.env.FS() }

func pathArg(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (string, error) {
	var v starlark.Value
	if err := sigs[fn].UnpackArgs(args, kwargs, &v); err != nil {
		return "", err
	}
	return pyargs.Text(fn, "path", v)
}

// path_exists(path) never raises; an empty path is False.
func (m *mod) pathExists(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := sigs["path_exists"].UnpackArgs(args, kwargs, &v); err != nil {
		return nil, err
	}
	p, ok := pyargs.AsText(v)
	return starlark.Bool(ok && p != "" && m.fs().Exists(p)), nil
}

// path_dirname: ” without a '/', '/' for a top-level name.
func pathDirname(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := pathArg("path_dirname", args, kwargs)
	if err != nil {
		return nil, err
	}
	switch i := strings.LastIndexByte(p, '/'); {
	case i < 0:
		return starlark.String(""), nil
	case i == 0:
		return starlark.String("/"), nil
	default:
		return starlark.String(p[:i]), nil
	}
}

// path_getsize raises the module's FileNotFoundError("can not find: 'p'"),
// whose str() is that message's repr, as on the device.
func (m *mod) pathGetsize(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := pathArg("path_getsize", args, kwargs)
	if err != nil {
		return nil, err
	}
	info, err := m.fs().Stat(p, false)
	if err != nil {
		return nil, exc.New("FileNotFoundError", "\"can not find: '%s'\"", p)
	}
	return starlark.MakeInt64(info.Size), nil
}

// mkdirs creates each missing directory along the path.
func (m *mod) mkdirs(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := pathArg("mkdirs", args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.None, m.mkParents(p, true)
}

// mkParents makes the directories on the way to p, and p itself if self.
func (m *mod) mkParents(p string, self bool) error {
	parts := strings.Split(p, "/")
	if !self {
		parts = parts[:len(parts)-1]
	}
	step := ""
	for i, part := range parts {
		if i > 0 {
			step += "/"
		}
		step += part
		if strings.Trim(step, "/") != "" && part != "" && !m.fs().Exists(step) {
			if err := m.fs().Mkdir(step, 0o777); err != nil {
				return err
			}
		}
	}
	return nil
}

// rmdirs removes a directory and everything under it (or a file).
func (m *mod) rmdirs(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := pathArg("rmdirs", args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.None, m.removeAll(p)
}

func (m *mod) removeAll(p string) error {
	info, err := m.fs().Stat(p, true)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return m.fs().Remove(p)
	}
	entries, err := m.fs().ListDir(p)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := m.removeAll(strings.TrimSuffix(p, "/") + "/" + e.Name); err != nil {
			return err
		}
	}
	return m.fs().Rmdir(p)
}

// touch(file, data, i=1, file_type="json") makes the parent directories,
// then writes ujson.dumps(data) (or data itself when file_type is not
// "json"): 0 on success, -1 if serialising or writing failed. The data is
// serialised before the file is opened, so a failure keeps the old file.
func (m *mod) touch(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var file, data starlark.Value
	var i starlark.Value = starlark.MakeInt(1)
	fileType := "json"
	if err := sigs[b.Name()].UnpackArgs(args, kwargs, &file, &data, &i, &fileType); err != nil {
		return nil, err
	}
	p, err := pyargs.Text(b.Name(), "file", file)
	if err != nil {
		return nil, err
	}
	if err := m.mkParents(p, false); err != nil {
		return nil, err
	}
	text := data
	if fileType == "json" {
		if text, err = m.call(t, "dumps", data); err != nil {
			return starlark.MakeInt(-1), nil
		}
	}
	f, err := m.fs().Open(p, "w", starlark.None, starlark.None)
	if err != nil {
		return starlark.MakeInt(-1), nil
	}
	defer f.Close()
	if _, err := starlark.Call(t, mustAttr(f, "write"), starlark.Tuple{text}, nil); err != nil {
		return starlark.MakeInt(-1), nil
	}
	return starlark.MakeInt(0), nil
}

// read_json(file) is the parsed JSON, or None when the file is missing; a
// parse error propagates.
func (m *mod) readJSON(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := pathArg("read_json", args, kwargs)
	if err != nil {
		return nil, err
	}
	if p == "" || !m.fs().Exists(p) {
		return starlark.None, nil
	}
	host, err := m.fs().Resolve(p)
	if err != nil {
		return nil, err
	}
	src, err := os.ReadFile(host)
	if err != nil {
		return nil, devfs.PathErr(err, p)
	}
	return m.call(t, "loads", starlark.String(src))
}

// file_copy(dst, src): destination first; False when src is missing.
func (m *mod) fileCopy(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var dstV, srcV starlark.Value
	if err := sigs["file_copy"].UnpackArgs(args, kwargs, &dstV, &srcV); err != nil {
		return nil, err
	}
	dst, err := pyargs.Text("file_copy", "dstFile", dstV)
	if err != nil {
		return nil, err
	}
	src, err := pyargs.Text("file_copy", "srcFile", srcV)
	if err != nil {
		return nil, err
	}
	if src == "" || !m.fs().Exists(src) {
		return starlark.False, nil
	}
	from, err := m.fs().Resolve(src)
	if err != nil {
		return nil, err
	}
	to, err := m.fs().Resolve(dst)
	if err != nil {
		return nil, err
	}
	if err := copyFile(to, from); err != nil {
		return nil, devfs.PathErr(err, dst)
	}
	return starlark.True, nil
}

func copyFile(to, from string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// call runs ujson.<name>(v) from this interpreter's ujson module.
func (m *mod) call(t *starlark.Thread, name string, v starlark.Value) (starlark.Value, error) {
	in := runtime.FromThread(t)
	if in == nil {
		return nil, exc.RuntimeError("ql_fs: no interpreter")
	}
	mv, err := in.Module("ujson")
	if err != nil {
		return nil, err
	}
	return starlark.Call(t, mv.Members[name], starlark.Tuple{v}, nil)
}

func mustAttr(v starlark.HasAttrs, name string) starlark.Value {
	a, _ := v.Attr(name)
	return a
}
