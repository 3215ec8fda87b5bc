// Package traceback provides CPython's traceback module: the exception
// being handled, or one given, formatted as the interpreter prints an
// uncaught one (file, line, source line of each frame).
package traceback

import (
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{Name: "traceback", Doc: "format and print exceptions and stacks (print_exc, format_exc, print_exception, ...)", New: newModule})
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	return pyargs.Builtins(map[string]builtinFn{
		"format_exc":            formatExc,
		"print_exc":             printExc(env),
		"format_exception":      formatException,
		"print_exception":       printException(env),
		"format_exception_only": formatExceptionOnly,
		"format_stack":          formatStack,
		"print_stack":           printStack(env),
	}), nil
}

func interp(t *starlark.Thread) (*runtime.Interp, error) {
	in := runtime.FromThread(t)
	if in == nil {
		return nil, exc.RuntimeError("traceback: no interpreter")
	}
	return in, nil
}

// handled is the exception being handled, or None.
func handled(t *starlark.Thread) starlark.Value {
	if v := pylib.HandledException(t); v != nil {
		return v
	}
	return starlark.None
}

// chunks formats exception v, keeping limit frames (None: all; n > 0 the
// outermost n, n < 0 the innermost -n), as CPython's format_exception.
func chunks(t *starlark.Thread, v, limit starlark.Value) ([]string, error) {
	in, err := interp(t)
	if err != nil {
		return nil, err
	}
	out := in.ExceptionChunks(t, v)
	if limit == starlark.None || len(out) < 3 {
		return out, nil
	}
	n, err := pyargs.Int("traceback", "limit", limit)
	if err != nil {
		return nil, err
	}
	head, frames, last := out[0], out[1:len(out)-1], out[len(out)-1]
	switch {
	case n >= 0 && int(n) < len(frames):
		frames = frames[:n]
	case n < 0 && int(-n) < len(frames):
		frames = frames[len(frames)+int(n):]
	}
	if len(frames) == 0 {
		return []string{last}, nil
	}
	return append(append([]string{head}, frames...), last), nil
}

func list(chunks []string) *starlark.List {
	vs := make([]starlark.Value, len(chunks))
	for i, c := range chunks {
		vs[i] = starlark.String(c)
	}
	return starlark.NewList(vs)
}

// write sends text to file (an object with write()), or to stderr.
func write(t *starlark.Thread, env *runtime.Env, file starlark.Value, text string) error {
	if file == starlark.None {
		_, err := env.Stderr.Write([]byte(text))
		return err
	}
	var w starlark.Value
	if ha, ok := file.(starlark.HasAttrs); ok {
		w, _ = ha.Attr("write")
	}
	if w == nil {
		return exc.TypeError("traceback: file must have a write() method, not %s", pyargs.TypeName(file))
	}
	_, err := starlark.Call(t, w, starlark.Tuple{starlark.String(text)}, nil)
	return err
}

// exception picks the exception of format_exception(exc) and of the older
// format_exception(etype, value, tb): the value when one is given.
func exception(excv, value starlark.Value) starlark.Value {
	if value != nil && value != starlark.None {
		return value
	}
	return excv
}

// exceptionChunks formats format_exception's exception; in the older
// form a tb of None means no frames, as in CPython.
func exceptionChunks(t *starlark.Thread, excv, value, tb, limit starlark.Value) ([]string, error) {
	if value != nil && value != starlark.None && (tb == nil || tb == starlark.None) {
		return []string{runtime.ExceptionOnly(value) + "\n"}, nil
	}
	return chunks(t, exception(excv, value), limit)
}

func formatExc(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var limit, chain starlark.Value = starlark.None, starlark.True
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "limit?", &limit, "chain?", &chain); err != nil {
		return nil, err
	}
	c, err := chunks(t, handled(t), limit)
	if err != nil {
		return nil, err
	}
	return starlark.String(strings.Join(c, "")), nil
}

func printExc(env *runtime.Env) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var limit, file, chain starlark.Value = starlark.None, starlark.None, starlark.True
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "limit?", &limit, "file?", &file, "chain?", &chain); err != nil {
			return nil, err
		}
		c, err := chunks(t, handled(t), limit)
		if err != nil {
			return nil, err
		}
		return starlark.None, write(t, env, file, strings.Join(c, ""))
	}
}

func formatException(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var excv, value, tb starlark.Value
	var limit, chain starlark.Value = starlark.None, starlark.True
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "exc", &excv, "value?", &value, "tb?", &tb, "limit?", &limit, "chain?", &chain); err != nil {
		return nil, err
	}
	c, err := exceptionChunks(t, excv, value, tb, limit)
	if err != nil {
		return nil, err
	}
	return list(c), nil
}

func printException(env *runtime.Env) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var excv, value, tb starlark.Value
		var limit, file, chain starlark.Value = starlark.None, starlark.None, starlark.True
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "exc", &excv, "value?", &value, "tb?", &tb, "limit?", &limit, "file?", &file, "chain?", &chain); err != nil {
			return nil, err
		}
		c, err := exceptionChunks(t, excv, value, tb, limit)
		if err != nil {
			return nil, err
		}
		return starlark.None, write(t, env, file, strings.Join(c, ""))
	}
}

func formatExceptionOnly(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var excv, value starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "exc", &excv, "value?", &value); err != nil {
		return nil, err
	}
	return list([]string{runtime.ExceptionOnly(exception(excv, value)) + "\n"}), nil
}

// stack is t's stack with limit frames kept (n > 0: the innermost n).
func stack(t *starlark.Thread, limit starlark.Value) ([]string, error) {
	in, err := interp(t)
	if err != nil {
		return nil, err
	}
	frames := in.StackChunks(t)
	if limit == starlark.None {
		return frames, nil
	}
	n, err := pyargs.Int("traceback", "limit", limit)
	if err != nil {
		return nil, err
	}
	if n >= 0 && int(n) < len(frames) {
		frames = frames[len(frames)-int(n):]
	}
	return frames, nil
}

func formatStack(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var f, limit starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "f?", &f, "limit?", &limit); err != nil {
		return nil, err
	}
	c, err := stack(t, limit)
	if err != nil {
		return nil, err
	}
	return list(c), nil
}

func printStack(env *runtime.Env) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var f, limit, file starlark.Value = starlark.None, starlark.None, starlark.None
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "f?", &f, "limit?", &limit, "file?", &file); err != nil {
			return nil, err
		}
		c, err := stack(t, limit)
		if err != nil {
			return nil, err
		}
		return starlark.None, write(t, env, file, strings.Join(c, ""))
	}
}
