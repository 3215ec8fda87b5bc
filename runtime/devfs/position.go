package devfs

import (
	"io"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

func (f *File) seek(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var offset int64
	whence := 0
	if err := starlark.UnpackPositionalArgs("seek", args, kwargs, 1, &offset, &whence); err != nil {
		return nil, err
	}
	if err := f.check(); err != nil {
		return nil, err
	}
	if whence < 0 || whence > 2 {
		return nil, exc.ValueError("invalid whence (%d, should be 0, 1 or 2)", whence)
	}
	if !f.mode.binary && whence != 0 && offset != 0 {
		return nil, exc.New("UnsupportedOperation", "can't do nonzero %s-relative seeks",
			map[int]string{1: "cur", 2: "end"}[whence])
	}
	if whence == 0 && offset < 0 {
		return nil, exc.ValueError("negative seek position %d", offset)
	}
	if err := f.dropReadAhead(); err != nil {
		return nil, pathErr(err, f.name)
	}
	f.skipLF = false
	pos, err := f.f.Seek(offset, whence)
	if err != nil {
		return nil, pathErr(err, f.name)
	}
	return starlark.MakeInt64(pos), nil
}

// position is where the script is in the file: the OS offset less what
// the read-ahead buffer holds.
func (f *File) position() (int64, error) {
	pos, err := f.f.Seek(0, io.SeekCurrent)
	if err != nil {
		return 0, err
	}
	if f.r != nil {
		pos -= int64(f.r.Buffered())
	}
	return pos, nil
}

func (f *File) tell(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("tell", args, kwargs, 0); err != nil {
		return nil, err
	}
	if err := f.check(); err != nil {
		return nil, err
	}
	pos, err := f.position()
	if err != nil {
		return nil, pathErr(err, f.name)
	}
	return starlark.MakeInt64(pos), nil
}

func (f *File) truncate(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var size starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs("truncate", args, kwargs, 0, &size); err != nil {
		return nil, err
	}
	if err := f.checkWrite(); err != nil {
		return nil, err
	}
	if err := f.dropReadAhead(); err != nil {
		return nil, pathErr(err, f.name)
	}
	n, err := f.position()
	if err != nil {
		return nil, pathErr(err, f.name)
	}
	if size != starlark.None {
		if err := starlark.AsInt(size, &n); err != nil {
			return nil, err
		}
	}
	if err := f.f.Truncate(n); err != nil {
		return nil, pathErr(err, f.name)
	}
	return starlark.MakeInt64(n), nil
}

func (f *File) flush(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("flush", args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.None, f.check() // writes are not buffered
}

func (f *File) closeM(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("close", args, kwargs, 0); err != nil {
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, pathErr(err, f.name)
	}
	return starlark.None, nil
}

func (f *File) fileno(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	return starlark.MakeInt(int(f.f.Fd())), nil
}

func (f *File) can(yes bool) (starlark.Value, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	return starlark.Bool(yes), nil
}

// enter is __enter__ (and __iter__): the file itself, if open.
func (f *File) enter(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	return f, nil
}

// exit is __exit__(exc_type, exc, tb): closes, never suppresses.
func (f *File) exit(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := f.Close(); err != nil {
		return nil, pathErr(err, f.name)
	}
	return starlark.None, nil
}

// next is __next__: the next line, or StopIteration at the end.
func (f *File) next(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := f.checkRead(); err != nil {
		return nil, err
	}
	var line []byte
	err := f.io(func() (err error) { line, err = f.readLine(-1); return })
	if err != nil {
		return nil, pathErr(err, f.name)
	}
	if len(line) == 0 {
		return nil, exc.New("StopIteration", "")
	}
	return f.value(line), nil
}
