package sys

import (
	"bufio"
	"context"
	"io"
	"strings"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// stdin is sys.stdin: readline(), read(), readlines() and line iteration
// over the run's standard input (empty when there is none).
type stdin struct {
	mu  sync.Mutex
	src io.Reader
	r   *bufio.Reader
}

func newStdin(env *runtime.Env) *stdin {
	return &stdin{src: env.Stdin}
}

var (
	_ starlark.HasAttrs = (*stdin)(nil)
	_ starlark.Iterable = (*stdin)(nil)
)

func (s *stdin) String() string {
	return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>"
}
func (s *stdin) Type() string          { return "TextIOWrapper" }
func (s *stdin) Freeze()               {}
func (s *stdin) Truth() starlark.Bool  { return true }
func (s *stdin) Hash() (uint32, error) { return starlark.String("stdin").Hash() }
func (s *stdin) AttrNames() []string   { return []string{"read", "readline", "readlines"} }

func (s *stdin) reader() *bufio.Reader {
	if s.r == nil {
		src := s.src
		if src == nil {
			src = strings.NewReader("")
		}
		s.r = bufio.NewReader(src)
	}
	return s.r
}

// line reads one line with its "\n" ("" at the end of input).
func (s *stdin) line() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, _ := s.reader().ReadString('\n')
	return l
}

func (s *stdin) all() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, _ := io.ReadAll(s.reader())
	return string(b)
}

// blocking runs read with the interpreter lock released.
func blocking(t *starlark.Thread, read func() string) (string, error) {
	var out string
	err := runtime.Block(t, func(context.Context) error {
		out = read()
		return nil
	})
	return out, err
}

func (s *stdin) Attr(name string) (starlark.Value, error) {
	var read func() string
	switch name {
	case "readline":
		read = s.line
	case "read":
		read = s.all
	case "readlines":
		return starlark.NewBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			text, err := blocking(t, s.all)
			if err != nil {
				return nil, err
			}
			return starlark.NewList(splitKeepEnds(text)), nil
		}), nil
	default:
		return nil, nil
	}
	return starlark.NewBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, exc.TypeError("%s() takes no keyword arguments", name)
		}
		text, err := blocking(t, read)
		return starlark.String(text), err
	}), nil
}

func splitKeepEnds(text string) []starlark.Value {
	var out []starlark.Value
	for text != "" {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			out = append(out, starlark.String(text))
			break
		}
		out = append(out, starlark.String(text[:i+1]))
		text = text[i+1:]
	}
	return out
}

// Iterate yields the lines (with "\n") as they are read.
func (s *stdin) Iterate() starlark.Iterator { return &stdinLines{s: s} }

type stdinLines struct{ s *stdin }

func (it *stdinLines) Next(p *starlark.Value) bool {
	l := it.s.line()
	if l == "" {
		return false
	}
	*p = starlark.String(l)
	return true
}
func (it *stdinLines) Done() {}
