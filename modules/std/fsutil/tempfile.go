package fsutil

import (
	"os"
	"path/filepath"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/devfs"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "tempfile", Doc: "gettempdir, mkdtemp, NamedTemporaryFile, TemporaryDirectory", New: newTempfile})
}

// tempfile hands out names in the interpreter's scratch directory (removed
// when the script ends), or in dir= on the device filesystem.
type tempfile struct{ env *runtime.Env }

func newTempfile(env *runtime.Env) (starlark.StringDict, error) {
	tf := &tempfile{env: env}
	return pyargs.Builtins(map[string]builtinFn{
		"gettempdir": tf.gettempdir,
		"gettempprefix": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return starlark.String("tmp"), starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0)
		},
		"mkdtemp":            tf.mkdtemp,
		"NamedTemporaryFile": tf.namedFile,
		"TemporaryFile":      tf.namedFile,
		"TemporaryDirectory": tf.tempDirectory,
	}), nil
}

func (tf *tempfile) fs() *devfs.FS { return tf.env.FS() }

func (tf *tempfile) gettempdir(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	dir, err := tf.fs().TempDir()
	return starlark.String(dir), err
}

// place resolves suffix, prefix and dir: the script's directory name and
// the host directory to create in.
func (tf *tempfile) place(suffix, prefix, dir starlark.Value) (sfx, pfx, scriptDir, hostDir string, err error) {
	sfx, _ = starlark.AsString(suffix)
	pfx = "tmp"
	if s, ok := starlark.AsString(prefix); ok {
		pfx = s
	}
	if d, ok := starlark.AsString(dir); ok {
		scriptDir = d
	} else if scriptDir, err = tf.fs().TempDir(); err != nil {
		return
	}
	hostDir, err = tf.fs().Resolve(scriptDir)
	return
}

func (tf *tempfile) mkdtemp(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var suffix, prefix, dir starlark.Value = starlark.None, starlark.None, starlark.None
	if err := starlark.UnpackArgs("mkdtemp", args, kwargs, "suffix?", &suffix, "prefix?", &prefix, "dir?", &dir); err != nil {
		return nil, err
	}
	name, err := tf.newDir(suffix, prefix, dir)
	return starlark.String(name), err
}

func (tf *tempfile) newDir(suffix, prefix, dir starlark.Value) (string, error) {
	sfx, pfx, scriptDir, hostDir, err := tf.place(suffix, prefix, dir)
	if err != nil {
		return "", err
	}
	made, err := os.MkdirTemp(hostDir, pfx+"*"+sfx)
	if err != nil {
		return "", devfs.PathErr(err, scriptDir)
	}
	return joinPath(scriptDir, filepath.Base(made)), nil
}

// namedFile is NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None,
// newline=None, suffix=None, prefix=None, dir=None, delete=True).
func (tf *tempfile) namedFile(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	mode := "w+b"
	var buffering, encoding, newline, suffix, prefix, dir, errors starlark.Value = starlark.None, starlark.None,
		starlark.None, starlark.None, starlark.None, starlark.None, starlark.None
	deleteOnClose := true
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "mode?", &mode, "buffering?", &buffering, "encoding?", &encoding,
		"newline?", &newline, "suffix?", &suffix, "prefix?", &prefix, "dir?", &dir, "delete?", &deleteOnClose, "errors?", &errors); err != nil {
		return nil, err
	}
	sfx, pfx, scriptDir, hostDir, err := tf.place(suffix, prefix, dir)
	if err != nil {
		return nil, err
	}
	made, err := os.CreateTemp(hostDir, pfx+"*"+sfx)
	if err != nil {
		return nil, devfs.PathErr(err, scriptDir)
	}
	made.Close()
	name := joinPath(scriptDir, filepath.Base(made.Name()))
	f, err := tf.fs().Open(name, mode, encoding, newline)
	if err != nil {
		os.Remove(made.Name())
		return nil, err
	}
	if deleteOnClose {
		f.OnClose(func() { os.Remove(made.Name()) })
	}
	return f, nil
}

func (tf *tempfile) tempDirectory(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var suffix, prefix, dir, ignore starlark.Value = starlark.None, starlark.None, starlark.None, starlark.False
	if err := starlark.UnpackArgs("TemporaryDirectory", args, kwargs, "suffix?", &suffix, "prefix?", &prefix, "dir?", &dir,
		"ignore_cleanup_errors?", &ignore); err != nil {
		return nil, err
	}
	name, err := tf.newDir(suffix, prefix, dir)
	if err != nil {
		return nil, err
	}
	host, err := tf.fs().Resolve(name)
	if err != nil {
		return nil, err
	}
	return &tempDir{name: name, host: host}, nil
}

// tempDir is TemporaryDirectory: .name, cleanup(), and `with` gives the name.
type tempDir struct{ name, host string }

func (d *tempDir) String() string        { return "<TemporaryDirectory '" + d.name + "'>" }
func (d *tempDir) Type() string          { return "TemporaryDirectory" }
func (d *tempDir) Freeze()               {}
func (d *tempDir) Truth() starlark.Bool  { return true }
func (d *tempDir) Hash() (uint32, error) { return starlark.String(d.name).Hash() }
func (d *tempDir) AttrNames() []string   { return []string{"__enter__", "__exit__", "cleanup", "name"} }

func (d *tempDir) Attr(name string) (starlark.Value, error) {
	cleanup := func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		os.RemoveAll(d.host)
		return starlark.None, nil
	}
	switch name {
	case "name":
		return starlark.String(d.name), nil
	case "__enter__":
		return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.String(d.name), nil
		}), nil
	case "__exit__", "cleanup":
		return starlark.NewBuiltin(name, cleanup), nil
	}
	return nil, nil
}
