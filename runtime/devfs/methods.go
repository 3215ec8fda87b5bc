package devfs

import (
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

type method func(f *File, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

var methods = map[string]method{
	"read":       (*File).read,
	"readline":   (*File).readlineM,
	"readlines":  (*File).readlines,
	"readinto":   (*File).readinto,
	"write":      (*File).writeM,
	"writelines": (*File).writelines,
	"seek":       (*File).seek,
	"tell":       (*File).tell,
	"truncate":   (*File).truncate,
	"flush":      (*File).flush,
	"close":      (*File).closeM,
	"fileno":     (*File).fileno,
	"readable":   func(f *File, a starlark.Tuple, k []starlark.Tuple) (starlark.Value, error) { return f.can(f.mode.read) },
	"writable": func(f *File, a starlark.Tuple, k []starlark.Tuple) (starlark.Value, error) {
		return f.can(f.mode.write)
	},
	"seekable":  func(f *File, a starlark.Tuple, k []starlark.Tuple) (starlark.Value, error) { return f.can(true) },
	"isatty":    func(f *File, a starlark.Tuple, k []starlark.Tuple) (starlark.Value, error) { return f.can(false) },
	"__enter__": (*File).enter,
	"__exit__":  (*File).exit,
	"__iter__":  (*File).enter,
	"__next__":  (*File).next,
}

func (f *File) AttrNames() []string {
	names := []string{"closed", "name", "mode", "encoding"}
	for k := range methods {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func (f *File) Attr(name string) (starlark.Value, error) {
	switch name {
	case "closed":
		return starlark.Bool(f.closed), nil
	case "name":
		return starlark.String(f.name), nil
	case "mode":
		return starlark.String(f.mode.text), nil
	case "encoding":
		if !f.mode.binary {
			return starlark.String(f.encoding), nil
		}
	}
	m, ok := methods[name]
	if !ok {
		return nil, nil
	}
	return starlark.NewBuiltin(name, func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		f.thread = t
		defer func() { f.thread = nil }()
		return m(f, args, kwargs)
	}), nil
}

// sizeArg reads an optional size (None or an int; negative means all).
func sizeArg(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (int, error) {
	var v starlark.Value = starlark.None
	if err := starlark.UnpackArgs(fn, args, kwargs, "size?", &v); err != nil {
		return 0, err
	}
	if v == starlark.None {
		return -1, nil
	}
	n, err := starlark.AsInt32(v)
	if err != nil {
		return 0, exc.TypeError("argument should be integer or None, not '%s'", v.Type())
	}
	return n, nil
}

func (f *File) read(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n, err := sizeArg("read", args, kwargs)
	if err != nil {
		return nil, err
	}
	if err := f.checkRead(); err != nil {
		return nil, err
	}
	var data []byte
	err = f.io(func() (err error) { data, err = f.readN(n); return })
	if err != nil {
		return nil, pathErr(err, f.name)
	}
	return f.value(data), nil
}

func (f *File) readlineM(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n, err := sizeArg("readline", args, kwargs)
	if err != nil {
		return nil, err
	}
	if err := f.checkRead(); err != nil {
		return nil, err
	}
	var line []byte
	err = f.io(func() (err error) { line, err = f.readLine(n); return })
	if err != nil {
		return nil, pathErr(err, f.name)
	}
	return f.value(line), nil
}

// readlines(hint=-1) stops once the lines read total hint or more.
func (f *File) readlines(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	hint, err := sizeArg("readlines", args, kwargs)
	if err != nil {
		return nil, err
	}
	if err := f.checkRead(); err != nil {
		return nil, err
	}
	var out []starlark.Value
	total := 0
	for hint <= 0 || total < hint {
		var line []byte
		err := f.io(func() (err error) { line, err = f.readLine(-1); return })
		if err != nil {
			return nil, pathErr(err, f.name)
		}
		if len(line) == 0 {
			break
		}
		total += len(line)
		out = append(out, f.value(line))
	}
	return starlark.NewList(out), nil
}

// readinto(b) fills a bytearray from the file and returns the count.
func (f *File) readinto(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var buf starlark.Value
	if err := starlark.UnpackPositionalArgs("readinto", args, kwargs, 1, &buf); err != nil {
		return nil, err
	}
	dst, ok := buf.(starlark.HasSetIndex)
	if !ok {
		return nil, exc.TypeError("readinto() argument must be read-write bytes-like object, not %s", buf.Type())
	}
	if err := f.checkRead(); err != nil {
		return nil, err
	}
	p := make([]byte, dst.Len())
	var n int
	err := f.io(func() (err error) { n, err = io.ReadFull(f.reader(), p); return })
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, pathErr(err, f.name)
	}
	for i := 0; i < n; i++ {
		if err := dst.SetIndex(i, starlark.MakeInt(int(p[i]))); err != nil {
			return nil, err
		}
	}
	return starlark.MakeInt(n), nil
}

func (f *File) writeM(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs("write", args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	n, err := f.write(v)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(n), nil
}

// write writes str, bytes or a bytearray and returns the count Python
// gives: characters in text mode, bytes in binary mode. Like MicroPython,
// either mode takes str and bytes.
func (f *File) write(v starlark.Value) (int, error) {
	data, ok := bytesOf(v)
	if !ok {
		if f.mode.binary {
			return 0, exc.TypeError("a bytes-like object is required, not '%s'", v.Type())
		}
		return 0, exc.TypeError("write() argument must be str, not %s", v.Type())
	}
	if err := f.checkWrite(); err != nil {
		return 0, err
	}
	if err := f.dropReadAhead(); err != nil {
		return 0, pathErr(err, f.name)
	}
	out := data
	if !f.mode.binary && f.newline != "" {
		out = []byte(strings.ReplaceAll(string(data), "\n", f.newline))
	}
	if err := f.io(func() error { _, err := f.f.Write(out); return err }); err != nil {
		return 0, pathErr(err, f.name)
	}
	if f.mode.binary {
		return len(data), nil
	}
	return utf8.RuneCount(data), nil
}

// bytesOf returns the bytes of str, bytes, or a sequence of byte values
// (bytearray).
func bytesOf(v starlark.Value) ([]byte, bool) {
	switch v := v.(type) {
	case starlark.String:
		return []byte(v), true
	case starlark.Bytes:
		return []byte(v), true
	case starlark.Indexable:
		if v.Type() != "bytearray" && v.Type() != "memoryview" && v.Type() != "array" {
			return nil, false
		}
		out := make([]byte, v.Len())
		for i := range out {
			n, err := starlark.AsInt32(v.Index(i))
			if err != nil {
				return nil, false
			}
			out[i] = byte(n)
		}
		return out, true
	}
	return nil, false
}

func (f *File) writelines(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lines starlark.Iterable
	if err := starlark.UnpackPositionalArgs("writelines", args, kwargs, 1, &lines); err != nil {
		return nil, err
	}
	it := lines.Iterate()
	defer it.Done()
	var x starlark.Value
	for it.Next(&x) {
		if _, err := f.write(x); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}
