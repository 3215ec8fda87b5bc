package uio

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/pytype"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// The classes of open() files and of sys.stdout, so device code can test
// `isinstance(stream, uio.TextIOWrapper)` before calling flush(). Only
// FileIO makes objects: it opens a file in binary mode, as CPython's does.
var fileTypes = []string{"TextIOWrapper", "BufferedReader", "BufferedWriter", "BufferedRandom"}

func ioTypes() starlark.StringDict {
	d := starlark.StringDict{
		"IOBase":     pytype.New("_io._IOBase", notDirect("_IOBase"), append(fileTypes, "StringIO", "BytesIO")...),
		"TextIOBase": pytype.New("_io._TextIOBase", notDirect("_TextIOBase"), "TextIOWrapper", "StringIO"),
		"FileIO":     pytype.New("_io.FileIO", fileIO, "BufferedReader", "BufferedWriter", "BufferedRandom"),
	}
	for _, name := range fileTypes {
		d[name] = pytype.New("_io."+name, notDirect(name), name)
	}
	return d
}

// notDirect refuses to build a stream class without its underlying buffer:
// scripts get these objects from open().
func notDirect(name string) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return nil, exc.TypeError("cannot create '%s' objects directly: use open()", name)
	}
}

// fileIO is FileIO(name, mode='r'): open(name, mode + 'b').
func fileIO(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name starlark.Value
	mode := "r"
	if err := starlark.UnpackArgs("FileIO", args, kwargs, "file", &name, "mode?", &mode); err != nil {
		return nil, err
	}
	return openFn(t, b, starlark.Tuple{name, starlark.String(mode + "b")}, nil)
}
