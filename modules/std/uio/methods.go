package uio

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

var methodNames = []string{"__enter__", "__exit__", "__iter__", "__next__", "close", "flush", "getvalue", "isatty", "read",
	"readable", "readline", "readlines", "seek", "seekable", "tell", "truncate", "writable", "write", "writelines"}

func (s *Stream) AttrNames() []string { return append([]string{"closed"}, methodNames...) }

func (s *Stream) Attr(name string) (starlark.Value, error) {
	if name == "closed" {
		return starlark.Bool(s.closed), nil
	}
	for _, m := range methodNames {
		if m == name {
			return starlark.NewBuiltin(name, func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				return s.call(name, args, kwargs)
			}), nil
		}
	}
	return nil, nil
}

// sizeArg reads an optional size (None or negative: everything).
func sizeArg(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (int, error) {
	var v starlark.Value
	if err := pyargs.Unpack(fn, args, kwargs, []string{"size?"}, &v); err != nil {
		return 0, err
	}
	if pyargs.IsNone(v) {
		return -1, nil
	}
	n, err := pyargs.Int(fn, "size", v)
	return int(n), err
}

func (s *Stream) call(name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	switch name {
	case "close":
		s.closed = true
		return starlark.None, nil
	case "__exit__":
		s.closed = true
		return starlark.None, nil
	}
	if s.closed {
		if s.text {
			return nil, exc.ValueError("I/O operation on closed file")
		}
		return nil, exc.ValueError("I/O operation on closed file.")
	}
	switch name {
	case "__enter__", "__iter__":
		return s, nil
	case "__next__":
		if s.pos >= len(s.buf) {
			return nil, exc.New("StopIteration", "")
		}
		return s.value(s.line(-1)), nil
	case "write":
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &v); err != nil {
			return nil, err
		}
		r, err := s.content(v)
		if err != nil {
			return nil, err
		}
		s.write(r)
		return starlark.MakeInt(len(r)), nil
	case "writelines":
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &v); err != nil {
			return nil, err
		}
		return s.writelines(v)
	case "read":
		n, err := sizeArg(name, args, kwargs)
		if err != nil {
			return nil, err
		}
		start := min(s.pos, len(s.buf))
		end := len(s.buf)
		if n >= 0 {
			end = min(start+n, end)
		}
		s.pos = end
		return s.value(s.buf[start:end]), nil
	case "readline":
		n, err := sizeArg(name, args, kwargs)
		if err != nil {
			return nil, err
		}
		return s.value(s.line(n)), nil
	case "readlines":
		var out []starlark.Value
		for s.pos < len(s.buf) {
			out = append(out, s.value(s.line(-1)))
		}
		return starlark.NewList(out), nil
	case "getvalue":
		return s.value(s.buf), nil
	case "tell":
		return starlark.MakeInt(s.pos), nil
	case "seek":
		return s.seek(args, kwargs)
	case "truncate":
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 0, &v); err != nil {
			return nil, err
		}
		n := s.pos
		if !pyargs.IsNone(v) {
			i, err := pyargs.Int(name, "size", v)
			if err != nil {
				return nil, err
			}
			if i < 0 {
				return nil, exc.ValueError("negative size value %d", i)
			}
			n = int(i)
		}
		if n < len(s.buf) {
			s.buf = s.buf[:n]
		}
		return starlark.MakeInt(n), nil
	case "flush":
		return starlark.None, nil
	case "isatty":
		return starlark.False, nil
	case "readable", "writable", "seekable":
		return starlark.True, nil
	}
	return nil, nil
}

func (s *Stream) writelines(v starlark.Value) (starlark.Value, error) {
	it, ok := v.(starlark.Iterable)
	if !ok {
		return nil, exc.TypeError("'%s' object is not iterable", pyargs.TypeName(v))
	}
	iter := it.Iterate()
	defer iter.Done()
	var x starlark.Value
	for iter.Next(&x) {
		r, err := s.content(x)
		if err != nil {
			return nil, err
		}
		s.write(r)
	}
	return starlark.None, nil
}

// seek(pos, whence=0): StringIO allows only zero offsets from the
// current position or the end, as CPython's does.
func (s *Stream) seek(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var pv, wv starlark.Value
	if err := pyargs.Unpack("seek", args, kwargs, []string{"pos", "whence?"}, &pv, &wv); err != nil {
		return nil, err
	}
	p, err := pyargs.Int("seek", "pos", pv)
	if err != nil {
		return nil, err
	}
	whence := int64(0)
	if wv != nil {
		if whence, err = pyargs.Int("seek", "whence", wv); err != nil {
			return nil, err
		}
	}
	pos := int(p)
	switch whence {
	case 0:
		if pos < 0 && s.text {
			return nil, exc.ValueError("Negative seek position %d", pos)
		}
		if pos < 0 {
			return nil, exc.ValueError("negative seek value %d", pos)
		}
	case 1, 2:
		if s.text && pos != 0 {
			if whence == 1 {
				return nil, exc.OSError("Can't do nonzero cur-relative seeks")
			}
			return nil, exc.OSError("Can't do nonzero end-relative seeks")
		}
		base := s.pos
		if whence == 2 {
			base = len(s.buf)
		}
		pos = max(base+pos, 0)
	default:
		if s.text {
			return nil, exc.ValueError("Invalid whence (%d, should be 0, 1 or 2)", whence)
		}
		return nil, exc.ValueError("invalid whence (%d, should be 0, 1 or 2)", whence)
	}
	s.pos = pos
	return starlark.MakeInt(pos), nil
}
