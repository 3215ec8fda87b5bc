package qlfs

import (
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// sigs bind ql_fs's arguments and document them (help, __doc__, stubs).
var sigs = map[string]*pyargs.Sig{
	"path_exists":  pyargs.NewSig("path_exists(path, /)", "True when path exists on the device filesystem; never raises."),
	"path_dirname": pyargs.NewSig("path_dirname(path, /)", "The directory part of path: '' without a '/', '/' for a top-level name."),
	"path_getsize": pyargs.NewSig("path_getsize(path, /)", "The file's size in bytes; FileNotFoundError when it is missing."),
	"mkdirs":       pyargs.NewSig("mkdirs(path, /)", "Create path and every missing directory on the way."),
	"rmdirs":       pyargs.NewSig("rmdirs(path, /)", "Remove a directory and everything under it (or a file)."),
	"touch":        pyargs.NewSig("touch(file, data, i=1, file_type='json')", "Make the parent directories, then write ujson.dumps(data) (data itself when file_type is not 'json'); 0, or -1 on failure."),
	"write_json":   pyargs.NewSig("write_json(file, data, i=1, file_type='json')", "As touch."),
	"read_json":    pyargs.NewSig("read_json(path, /)", "The parsed JSON of the file, or None when it is missing."),
	"file_copy":    pyargs.NewSig("file_copy(dst, src, /)", "Copy src to dst (destination first); False when src is missing."),
}

func init() {
	runtime.RegisterSigs("ql_fs", sigs)
	runtime.RegisterDocs("ql_fs", map[string]string{
		"FileNotFoundError": "FileNotFoundError(msg)\nRaised by path_getsize for a missing file (the built-in class).",
	})
}
