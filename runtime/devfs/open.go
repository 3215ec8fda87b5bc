package devfs

import (
	"os"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// OpenBuiltin is Python's open(file, mode='r', buffering=-1,
// encoding=None, errors=None, newline=None, closefd=True, opener=None) on
// the device filesystem fs returns.
func OpenBuiltin(fs func() *FS) *starlark.Builtin {
	return starlark.NewBuiltin("open", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var file starlark.Value
		modeStr := "r"
		var buffering, encoding, errors, newline, closefd, opener starlark.Value = starlark.None, starlark.None,
			starlark.None, starlark.None, starlark.True, starlark.None
		if err := starlark.UnpackArgs("open", args, kwargs, "file", &file, "mode?", &modeStr,
			"buffering?", &buffering, "encoding?", &encoding, "errors?", &errors, "newline?", &newline,
			"closefd?", &closefd, "opener?", &opener); err != nil {
			return nil, err
		}
		name, ok := starlark.AsString(file)
		if !ok {
			if bs, isBytes := file.(starlark.Bytes); isBytes {
				name = string(bs)
			} else {
				return nil, exc.TypeError("expected str, bytes or os.PathLike object, not %s", file.Type())
			}
		}
		return fs().open(t, name, modeStr, encoding, newline)
	})
}

// Open opens the script path p with an open() mode; encoding and newline
// are open()'s arguments (nil or None for the defaults).
func (fs *FS) Open(p, modeStr string, encoding, newline starlark.Value) (*File, error) {
	return fs.open(nil, p, modeStr, encoding, newline)
}

// open is Open on script thread t, which waits for a FIFO or device with
// the interpreter lock released.
func (fs *FS) open(t *starlark.Thread, p, modeStr string, encoding, newline starlark.Value) (*File, error) {
	if encoding == nil {
		encoding = starlark.None
	}
	if newline == nil {
		newline = starlark.None
	}
	md, err := parseMode(modeStr)
	if err != nil {
		return nil, err
	}
	f := &File{fs: fs, name: p, mode: md, translate: true, encoding: "UTF-8"}
	if err := f.textOptions(encoding, newline); err != nil {
		return nil, err
	}
	if p == "" {
		return nil, pathErr(os.ErrNotExist, p)
	}
	if fs.IsRoot(p) {
		return nil, isDir(p)
	}
	host, err := fs.Resolve(p)
	if err != nil {
		return nil, err
	}
	f.slow = slowFile(host)
	open := func() (*os.File, error) { return os.OpenFile(host, md.flags, 0o666) }
	if f.slow {
		open = func() (*os.File, error) { return fs.openSlow(t, host, md.flags) }
	}
	osf, err := open()
	if err != nil {
		return nil, pathErr(err, p)
	}
	if fi, err := osf.Stat(); err == nil && fi.IsDir() {
		osf.Close()
		return nil, isDir(p)
	}
	f.f = osf
	fs.remember(f)
	return f, nil
}

// textOptions applies encoding= and newline=, refused in binary mode as
// CPython does. Text is kept as bytes, so every encoding reads as UTF-8.
func (f *File) textOptions(encoding, newline starlark.Value) error {
	if encoding != starlark.None {
		enc, ok := starlark.AsString(encoding)
		if !ok {
			return exc.TypeError("open() argument 'encoding' must be str or None, not %s", encoding.Type())
		}
		if f.mode.binary {
			return exc.ValueError("binary mode doesn't take an encoding argument")
		}
		f.encoding = enc
	}
	if newline == starlark.None {
		return nil
	}
	nl, ok := starlark.AsString(newline)
	if !ok {
		return exc.TypeError("open() argument 'newline' must be str or None, not %s", newline.Type())
	}
	if f.mode.binary {
		return exc.ValueError("binary mode doesn't take a newline argument")
	}
	switch nl {
	case "", "\n":
	case "\r", "\r\n":
		f.newline = nl
	default:
		return exc.ValueError("illegal newline value: %s", strings.ReplaceAll(nl, "\n", `\n`))
	}
	f.translate = false
	return nil
}

func (fs *FS) remember(f *File) {
	fs.mu.Lock()
	fs.files[f] = true
	fs.mu.Unlock()
}

func (fs *FS) forget(f *File) {
	fs.mu.Lock()
	delete(fs.files, f)
	fs.mu.Unlock()
}

// CloseAll closes every file still open and removes /tmp (the
// interpreter is closing).
func (fs *FS) CloseAll() {
	fs.mu.Lock()
	open := make([]*File, 0, len(fs.files))
	for f := range fs.files {
		open = append(open, f)
	}
	fs.mu.Unlock()
	for _, f := range open {
		f.Close()
	}
	fs.removeTmp()
}
