package uio

import (
	"fmt"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// Stream is StringIO (text) or BytesIO. Text is kept as characters and
// bytes one per element, so positions are Python's in both.
type Stream struct {
	text   bool
	buf    []rune
	pos    int
	closed bool
}

var (
	_ starlark.HasAttrs = (*Stream)(nil)
	_ starlark.Iterable = (*Stream)(nil)
)

func newStream(text bool) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var init, newline starlark.Value
		names := []string{"initial_bytes?"}
		if text {
			names = []string{"initial_value?", "newline?"}
		}
		out := []*starlark.Value{&init, &newline}[:len(names)]
		if err := pyargs.Unpack(b.Name(), args, kwargs, names, out...); err != nil {
			return nil, err
		}
		s := &Stream{text: text}
		if _, isSize := init.(starlark.Int); isSize {
			init = nil // MicroPython's BytesIO(alloc_size): an empty stream
		}
		if !pyargs.IsNone(init) {
			r, err := s.content(init)
			if err != nil {
				if text {
					return nil, exc.TypeError("initial_value must be str or None, not %s", pyargs.TypeName(init))
				}
				return nil, err
			}
			s.buf = r
		}
		return s, nil
	}
}

// content converts a write argument to the stream's elements.
func (s *Stream) content(v starlark.Value) ([]rune, error) {
	if s.text {
		str, ok := v.(starlark.String)
		if !ok {
			return nil, exc.TypeError("string argument expected, got '%s'", pyargs.TypeName(v))
		}
		return []rune(string(str)), nil
	}
	var b []byte
	switch x := v.(type) {
	case starlark.Bytes:
		b = []byte(x)
	case *pylib.ByteArray:
		b = x.Bytes()
	default:
		return nil, exc.TypeError("a bytes-like object is required, not '%s'", pyargs.TypeName(v))
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return r, nil
}

// value turns elements back into str or bytes.
func (s *Stream) value(r []rune) starlark.Value {
	if s.text {
		return starlark.String(string(r))
	}
	b := make([]byte, len(r))
	for i, c := range r {
		b[i] = byte(c)
	}
	return starlark.Bytes(b)
}

func (s *Stream) kind() string {
	if s.text {
		return "StringIO"
	}
	return "BytesIO"
}

func (s *Stream) String() string        { return fmt.Sprintf("<_io.%s object at %p>", s.kind(), s) }
func (s *Stream) PyRepr() string        { return s.String() }
func (s *Stream) Type() string          { return s.kind() }
func (s *Stream) Freeze()               {}
func (s *Stream) Truth() starlark.Bool  { return true }
func (s *Stream) Hash() (uint32, error) { return starlark.String(s.String()).Hash() }

// Iterate yields the remaining lines, consuming them as a file does.
func (s *Stream) Iterate() starlark.Iterator {
	var lines []starlark.Value
	for !s.closed && s.pos < len(s.buf) {
		lines = append(lines, s.value(s.line(-1)))
	}
	return starlark.Tuple(lines).Iterate()
}

// line reads up to and including the next newline (at most limit
// elements when limit >= 0).
func (s *Stream) line(limit int) []rune {
	start := min(s.pos, len(s.buf))
	end := start
	for end < len(s.buf) && (limit < 0 || end-start < limit) {
		end++
		if s.buf[end-1] == '\n' {
			break
		}
	}
	s.pos = end
	return s.buf[start:end]
}

func (s *Stream) write(r []rune) {
	if s.pos > len(s.buf) { // a seek past the end pads with zeros
		s.buf = append(s.buf, make([]rune, s.pos-len(s.buf))...)
	}
	n := copy(s.buf[s.pos:], r)
	s.buf = append(s.buf, r[n:]...)
	s.pos += len(r)
}
