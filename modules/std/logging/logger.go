package logging

import (
	"fmt"
	"path/filepath"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// Logger is logging.Logger; its parent is found by name when it logs,
// so creation order does not matter.
type Logger struct {
	s         *state
	name      string
	level     int
	handlers  []*Handler
	propagate bool
	disabled  bool
	detached  bool // made by logging.Logger(name): no parent, as in CPython
}

var _ starlark.HasAttrs = (*Logger)(nil)

var levelMethods = []string{"debug", "info", "warning", "warn", "error", "critical", "fatal", "exception", "log"}

var methodLevels = map[string]int{"debug": debug, "info": info, "warning": warning, "warn": warning,
	"error": errorLv, "exception": errorLv, "critical": critical, "fatal": critical}

func (l *Logger) String() string {
	kind := "Logger"
	if l == l.s.root {
		kind = "RootLogger"
	}
	return fmt.Sprintf("<%s %s (%s)>", kind, l.name, l.s.levelName(l.effectiveLevel()))
}
func (l *Logger) PyRepr() string        { return l.String() }
func (l *Logger) Type() string          { return "Logger" }
func (l *Logger) Freeze()               {}
func (l *Logger) Truth() starlark.Bool  { return true }
func (l *Logger) Hash() (uint32, error) { return starlark.String(l.name).Hash() }

func (l *Logger) parent() *Logger {
	if l == l.s.root || l.detached {
		return nil
	}
	return l.s.parent(l.name)
}

func (l *Logger) effectiveLevel() int {
	for x := l; x != nil; x = x.parent() {
		if x.level != notset {
			return x.level
		}
	}
	return notset
}

func (l *Logger) enabledFor(lv int) bool {
	return !l.disabled && lv > l.s.disabled && lv >= l.effectiveLevel()
}

var loggerMethods = []string{"addHandler", "getChild", "getEffectiveLevel", "hasHandlers", "isEnabledFor", "removeHandler", "setLevel"}

func (l *Logger) AttrNames() []string {
	names := append([]string{"disabled", "handlers", "level", "name", "parent", "propagate"}, levelMethods...)
	return append(names, loggerMethods...)
}

func (l *Logger) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String(l.name), nil
	case "level":
		return starlark.MakeInt(l.level), nil
	case "propagate":
		return starlark.Bool(l.propagate), nil
	case "disabled":
		return starlark.Bool(l.disabled), nil
	case "parent":
		if p := l.parent(); p != nil {
			return p, nil
		}
		return starlark.None, nil
	case "handlers":
		out := make([]starlark.Value, len(l.handlers))
		for i, h := range l.handlers {
			out[i] = h
		}
		return starlark.NewList(out), nil
	}
	if _, ok := methodLevels[name]; ok || name == "log" {
		return starlark.NewBuiltin(name, func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return l.logMethod(t, name, args, kwargs)
		}), nil
	}
	for _, m := range loggerMethods {
		if m == name {
			return starlark.NewBuiltin(name, l.method), nil
		}
	}
	return nil, nil
}

// SetField lets scripts set logger.propagate, .level and .disabled.
func (l *Logger) SetField(name string, v starlark.Value) error {
	switch name {
	case "propagate":
		l.propagate = bool(v.Truth())
	case "disabled":
		l.disabled = bool(v.Truth())
	case "level":
		lv, err := l.s.levelOf(v)
		if err != nil {
			return err
		}
		l.level = lv
	default:
		return exc.New("AttributeError", "'Logger' object attribute '%s' cannot be set", name)
	}
	return nil
}

func (l *Logger) method(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	switch b.Name() {
	case "getEffectiveLevel":
		return starlark.MakeInt(l.effectiveLevel()), nil
	case "hasHandlers":
		for x := l; x != nil; x = x.parent() {
			if len(x.handlers) > 0 {
				return starlark.True, nil
			}
			if !x.propagate {
				break
			}
		}
		return starlark.False, nil
	}
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	switch b.Name() {
	case "setLevel":
		lv, err := l.s.levelOf(v)
		if err != nil {
			return nil, err
		}
		l.level = lv
	case "isEnabledFor":
		lv, err := l.s.levelOf(v)
		if err != nil {
			return nil, err
		}
		return starlark.Bool(l.enabledFor(lv)), nil
	case "addHandler", "removeHandler":
		h, ok := v.(*Handler)
		if !ok {
			return nil, exc.TypeError("%s() argument must be a Handler, not %s", b.Name(), pyargs.TypeName(v))
		}
		kept := l.handlers[:0:0]
		for _, x := range l.handlers {
			if x != h {
				kept = append(kept, x)
			}
		}
		if b.Name() == "addHandler" {
			kept = append(kept, h)
		}
		l.handlers = kept
	case "getChild":
		suffix, ok := v.(starlark.String)
		if !ok {
			return nil, exc.TypeError("getChild() argument must be str, not %s", pyargs.TypeName(v))
		}
		if l == l.s.root {
			return l.s.logger(string(suffix)), nil
		}
		return l.s.logger(l.name + "." + string(suffix)), nil
	}
	return starlark.None, nil
}

// logMethod is logger.info(msg, *args, exc_info=None, stack_info=False,
// stacklevel=1, extra=None), and log(level, msg, *args, ...).
func (l *Logger) logMethod(t *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	lv := methodLevels[name]
	var extra starlark.Value
	for _, kv := range kwargs {
		switch k := string(kv[0].(starlark.String)); k {
		case "extra":
			extra = kv[1]
		case "exc_info", "stack_info", "stacklevel":
		default:
			return nil, exc.TypeError("Logger.%s() got an unexpected keyword argument '%s'", name, k)
		}
	}
	if name == "log" {
		if len(args) == 0 {
			return nil, exc.TypeError("log() missing 2 required positional arguments: 'level' and 'msg'")
		}
		n, ok := args[0].(starlark.Int)
		if !ok {
			return nil, exc.TypeError("level must be an integer")
		}
		i, _ := n.Int64()
		lv, args = int(i), args[1:]
	}
	if len(args) == 0 {
		return nil, exc.TypeError("%s() missing 1 required positional argument: 'msg'", name)
	}
	if !l.enabledFor(lv) {
		return starlark.None, nil
	}
	rec, err := l.record(t, lv, args[0], args[1:], extra)
	if err != nil {
		return nil, err
	}
	return starlark.None, l.handle(t, rec)
}

// handle passes rec to this logger's handlers and its ancestors', or to
// lastResort when there are none at all.
func (l *Logger) handle(t *starlark.Thread, rec *record) error {
	found := false
	for x := l; x != nil; x = x.parent() {
		for _, h := range x.handlers {
			found = true
			if rec.levelno >= h.level {
				if err := h.emit(t, rec); err != nil {
					return err
				}
			}
		}
		if !x.propagate {
			break
		}
	}
	if !found && rec.levelno >= l.s.last.level {
		return l.s.last.emit(t, rec)
	}
	return nil
}

// message is msg % args, or str(msg) without args; a single dict
// argument is the mapping for %(key)s.
func message(msg starlark.Value, args starlark.Tuple) (string, error) {
	text := pyrepr.Str(msg)
	if len(args) == 0 {
		return text, nil
	}
	var arg starlark.Value = args
	if d, ok := args[0].(*starlark.Dict); ok && len(args) == 1 {
		arg = d
	}
	return pylib.Percent(text, arg)
}

// caller is the script position that called the logging builtin.
func caller(t *starlark.Thread) (path string, line int, fn string) {
	if t == nil || t.CallStackDepth() < 2 {
		return "<unknown>", 0, "<module>"
	}
	fr := t.CallFrame(1)
	fn = fr.Name
	for i := 2; pylib.SyntheticFrame(fn) && i < t.CallStackDepth(); i++ {
		fn = t.CallFrame(i).Name
	}
	if fn == "<toplevel>" {
		fn = "<module>"
	}
	return fr.Pos.Filename(), int(fr.Pos.Line), fn
}

func moduleName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

func filepathBase(p string) string { return filepath.Base(p) }

// newLogger is logging.Logger(name, level=NOTSET): a logger outside the
// getLogger registry, as in CPython.
func (s *state) newLogger(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name, level starlark.Value
	if err := pyargs.Unpack(b.Name(), args, kwargs, []string{"name", "level?"}, &name, &level); err != nil {
		return nil, err
	}
	n, ok := name.(starlark.String)
	if !ok {
		return nil, exc.TypeError("A logger name must be a string")
	}
	l := &Logger{s: s, name: string(n), propagate: true, detached: true}
	if level != nil {
		lv, err := s.levelOf(level)
		if err != nil {
			return nil, err
		}
		l.level = lv
	}
	return l, nil
}
