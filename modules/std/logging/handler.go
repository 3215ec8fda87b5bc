package logging

import (
	"fmt"
	"io"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// Handler is StreamHandler, NullHandler or FileHandler (from basicConfig).
// A nil stream is the interpreter's stderr.
type Handler struct {
	s         *state
	kind      string
	level     int
	formatter *Formatter
	stream    starlark.Value
	null      bool
}

var _ starlark.HasAttrs = (*Handler)(nil)

func (s *state) newStreamHandler(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var stream starlark.Value
	if err := pyargs.Unpack(b.Name(), args, kwargs, []string{"stream?"}, &stream); err != nil {
		return nil, err
	}
	h := &Handler{s: s, kind: "StreamHandler"}
	if !pyargs.IsNone(stream) {
		h.stream = stream
	}
	return h, nil
}

func (s *state) newNullHandler(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return &Handler{s: s, kind: "NullHandler", null: true}, starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0)
}

func (s *state) newBaseHandler(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lv starlark.Value
	if err := pyargs.Unpack(b.Name(), args, kwargs, []string{"level?"}, &lv); err != nil {
		return nil, err
	}
	h := &Handler{s: s, kind: "Handler"}
	if lv != nil {
		n, err := s.levelOf(lv)
		if err != nil {
			return nil, err
		}
		h.level = n
	}
	return h, nil
}

func (h *Handler) String() string {
	return fmt.Sprintf("<%s (%s)>", h.kind, h.s.levelName(h.level))
}
func (h *Handler) PyRepr() string        { return h.String() }
func (h *Handler) Type() string          { return h.kind }
func (h *Handler) Freeze()               {}
func (h *Handler) Truth() starlark.Bool  { return true }
func (h *Handler) Hash() (uint32, error) { return starlark.String(fmt.Sprintf("%p", h)).Hash() }

var handlerMethods = []string{"close", "emit", "flush", "format", "handle", "setFormatter", "setLevel"}

func (h *Handler) AttrNames() []string {
	return append([]string{"formatter", "level", "stream"}, handlerMethods...)
}

func (h *Handler) Attr(name string) (starlark.Value, error) {
	switch name {
	case "level":
		return starlark.MakeInt(h.level), nil
	case "formatter":
		if h.formatter == nil {
			return starlark.None, nil
		}
		return h.formatter, nil
	case "stream":
		if h.stream == nil {
			return starlark.None, nil
		}
		return h.stream, nil
	}
	for _, m := range handlerMethods {
		if m == name {
			return starlark.NewBuiltin(name, h.method), nil
		}
	}
	return nil, nil
}

func (h *Handler) method(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	switch b.Name() {
	case "flush", "close":
		return starlark.None, h.flush(t)
	}
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	switch b.Name() {
	case "setLevel":
		lv, err := h.s.levelOf(v)
		if err != nil {
			return nil, err
		}
		h.level = lv
	case "setFormatter":
		if pyargs.IsNone(v) {
			h.formatter = nil
			break
		}
		f, ok := v.(*Formatter)
		if !ok {
			return nil, exc.TypeError("setFormatter() argument must be a Formatter, not %s", pyargs.TypeName(v))
		}
		h.formatter = f
	default:
		return nil, exc.TypeError("%s() of a log record is not supported; log through a Logger", b.Name())
	}
	return starlark.None, nil
}

// emit formats rec and writes it with a newline.
func (h *Handler) emit(t *starlark.Thread, rec *record) error {
	if h.null {
		return nil
	}
	f := h.formatter
	if f == nil {
		f = &Formatter{fmt: "%(message)s"}
	}
	text, err := f.format(rec)
	if err != nil {
		return err
	}
	text += "\n"
	if h.stream == nil {
		_, err := io.WriteString(h.s.env.Stderr, text)
		return err
	}
	w, err := attr(h.stream, "write")
	if err != nil {
		return err
	}
	_, err = starlark.Call(t, w, starlark.Tuple{starlark.String(text)}, nil)
	return err
}

func (h *Handler) flush(t *starlark.Thread) error {
	if h.stream == nil {
		return nil
	}
	if f, err := attr(h.stream, "flush"); err == nil {
		_, err = starlark.Call(t, f, nil, nil)
		return err
	}
	return nil
}

func attr(v starlark.Value, name string) (starlark.Value, error) {
	if ha, ok := v.(starlark.HasAttrs); ok {
		if m, err := ha.Attr(name); err == nil && m != nil {
			return m, nil
		}
	}
	return nil, exc.New("AttributeError", "'%s' object has no attribute '%s'", pyargs.TypeName(v), name)
}

// FileHandler(filename, mode='a', encoding=None, delay=False) writes
// through the builtin open, where the runtime has one.
func (s *state) newFileHandler(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name, mode, encoding, delay, errors starlark.Value
	if err := pyargs.Unpack(b.Name(), args, kwargs, []string{"filename", "mode?", "encoding?", "delay?", "errors?"}, &name, &mode, &encoding, &delay, &errors); err != nil {
		return nil, err
	}
	stream, err := openFile(t, name, mode)
	if err != nil {
		return nil, err
	}
	return &Handler{s: s, kind: "FileHandler", stream: stream}, nil
}
