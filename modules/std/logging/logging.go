// Package logging provides CPython's logging as vendor SDK samples use it:
// getLogger, basicConfig, loggers with levels and handlers, StreamHandler,
// NullHandler, Formatter with %-style record fields, and module-level
// logging.info(...), which configures the root logger on first use and
// writes "LEVEL:name:message" to stderr, as CPython does.
package logging

import (
	"strings"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/pytype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "logging", Doc: "CPython's logging: loggers, handlers, formatters, basicConfig", New: newModule})
}

const (
	notset   = 0
	debug    = 10
	info     = 20
	warning  = 30
	errorLv  = 40
	critical = 50
)

const basicFormat = "%(levelname)s:%(name)s:%(message)s"

// state is one interpreter's logging configuration.
type state struct {
	env      *runtime.Env
	start    time.Time
	root     *Logger
	loggers  map[string]*Logger
	names    map[int]string
	levels   map[string]int // name -> level
	disabled int            // logging.disable level
	last     *Handler       // lastResort: WARNING and up, message only, to stderr
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	s := &state{env: env, start: env.Now(), loggers: map[string]*Logger{},
		names:  map[int]string{critical: "CRITICAL", errorLv: "ERROR", warning: "WARNING", info: "INFO", debug: "DEBUG", notset: "NOTSET"},
		levels: map[string]int{"CRITICAL": critical, "FATAL": critical, "ERROR": errorLv, "WARN": warning, "WARNING": warning, "INFO": info, "DEBUG": debug, "NOTSET": notset},
	}
	s.root = &Logger{s: s, name: "root", level: warning, propagate: true}
	s.last = &Handler{s: s, kind: "_StderrHandler", level: warning}
	d := pyargs.Builtins(map[string]builtinFn{
		"getLogger":       s.getLogger,
		"basicConfig":     s.basicConfig,
		"getLevelName":    s.getLevelName,
		"addLevelName":    s.addLevelName,
		"disable":         s.disable,
		"shutdown":        shutdown,
		"captureWarnings": captureWarnings,
	})
	for _, m := range levelMethods {
		d[m] = starlark.NewBuiltin(m, s.moduleLog(m))
	}
	for name, lv := range s.levels {
		d[name] = starlark.MakeInt(lv)
	}
	d["StreamHandler"] = pytype.New("logging.StreamHandler", s.newStreamHandler, "StreamHandler", "FileHandler")
	d["NullHandler"] = pytype.New("logging.NullHandler", s.newNullHandler)
	d["Handler"] = pytype.New("logging.Handler", s.newBaseHandler, "Handler", "StreamHandler", "NullHandler", "FileHandler", "_StderrHandler")
	d["Formatter"] = pytype.New("logging.Formatter", newFormatter)
	d["Logger"] = pytype.New("logging.Logger", s.newLogger)
	d["FileHandler"] = pytype.New("logging.FileHandler", s.newFileHandler)
	d["root"] = s.root
	d["BASIC_FORMAT"] = starlark.String(basicFormat)
	d["lastResort"] = s.last
	return d, nil
}

// shutdown has nothing to flush: handlers write as they go.
func shutdown(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return starlark.None, starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0)
}

// captureWarnings: there is no warnings module to capture.
func captureWarnings(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var capture starlark.Value
	return starlark.None, starlark.UnpackArgs(b.Name(), args, kwargs, "capture", &capture)
}

// levelOf reads a level given as an int or a registered name.
func (s *state) levelOf(v starlark.Value) (int, error) {
	switch x := v.(type) {
	case starlark.Int:
		n, _ := x.Int64()
		return int(n), nil
	case starlark.String:
		if lv, ok := s.levels[string(x)]; ok {
			return lv, nil
		}
		return 0, exc.ValueError("Unknown level: '%s'", string(x))
	}
	return 0, exc.TypeError("Level not an integer or a valid string: %s", pyargs.TypeName(v))
}

func (s *state) levelName(lv int) string {
	if n, ok := s.names[lv]; ok {
		return n
	}
	return "Level " + starlark.MakeInt(lv).String()
}

func (s *state) getLevelName(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	if name, ok := v.(starlark.String); ok {
		if lv, ok := s.levels[string(name)]; ok {
			return starlark.MakeInt(lv), nil
		}
		return starlark.String("Level " + string(name)), nil
	}
	lv, err := s.levelOf(v)
	if err != nil {
		return nil, err
	}
	return starlark.String(s.levelName(lv)), nil
}

func (s *state) addLevelName(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lv int
	var name string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &lv, &name); err != nil {
		return nil, err
	}
	s.names[lv], s.levels[name] = name, lv
	return starlark.None, nil
}

func (s *state) disable(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value = starlark.MakeInt(critical)
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "level?", &v); err != nil {
		return nil, err
	}
	lv, err := s.levelOf(v)
	s.disabled = lv
	return starlark.None, err
}

// getLogger(name=None): the root logger, or the named one, made on first use.
func (s *state) getLogger(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := pyargs.Unpack(b.Name(), args, kwargs, []string{"name?"}, &v); err != nil {
		return nil, err
	}
	if pyargs.IsNone(v) {
		return s.root, nil
	}
	name, ok := v.(starlark.String)
	if !ok {
		return nil, exc.TypeError("A logger name must be a string")
	}
	return s.logger(string(name)), nil
}

func (s *state) logger(name string) *Logger {
	if name == "" {
		return s.root
	}
	if l, ok := s.loggers[name]; ok {
		return l
	}
	l := &Logger{s: s, name: name, propagate: true}
	s.loggers[name] = l
	return l
}

// parent is the nearest existing ancestor (a.b's is a, else root).
func (s *state) parent(name string) *Logger {
	for i := strings.LastIndexByte(name, '.'); i > 0; i = strings.LastIndexByte(name[:i], '.') {
		if l, ok := s.loggers[name[:i]]; ok {
			return l
		}
	}
	return s.root
}

// basicConfig(**kwargs) gives the root logger a handler, once (or again
// with force=True).
func (s *state) basicConfig(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 0 {
		return nil, exc.TypeError("basicConfig() takes 0 positional arguments but %d were given", len(args))
	}
	a, err := pyargs.Bind(b.Name(), nil, kwargs, "level?", "format?", "datefmt?", "stream?", "filename?", "filemode?", "style?", "force?", "handlers?", "encoding?", "errors?")
	if err != nil {
		return nil, err
	}
	if a.Has("force") && bool(a.Value("force").Truth()) {
		s.root.handlers = nil
	}
	if len(s.root.handlers) > 0 {
		return starlark.None, nil
	}
	if a.Has("stream") && a.Has("filename") {
		return nil, exc.ValueError("'stream' and 'filename' should not be specified together")
	}
	f := &Formatter{}
	if f.fmt, err = a.Str("format", basicFormat); err != nil {
		return nil, err
	}
	if f.datefmt, err = a.Str("datefmt", ""); err != nil {
		return nil, err
	}
	if style, _ := a.Str("style", "%"); style != "%" {
		return nil, exc.ValueError("qstar's logging supports only style='%%'")
	}
	var hs []*Handler
	if a.Has("handlers") {
		vals, err := handlerList(a.Value("handlers"))
		if err != nil {
			return nil, err
		}
		hs = vals
	} else {
		h := &Handler{s: s, kind: "StreamHandler"}
		if a.Has("stream") {
			h.stream = a.Value("stream")
		} else if a.Has("filename") {
			stream, err := openFile(t, a.Value("filename"), a.Value("filemode"))
			if err != nil {
				return nil, err
			}
			h.kind, h.stream = "FileHandler", stream
		}
		hs = []*Handler{h}
	}
	for _, h := range hs {
		if h.formatter == nil {
			h.formatter = f
		}
		s.root.handlers = append(s.root.handlers, h)
	}
	if a.Has("level") {
		lv, err := s.levelOf(a.Value("level"))
		if err != nil {
			return nil, err
		}
		s.root.level = lv
	}
	return starlark.None, nil
}

func handlerList(v starlark.Value) ([]*Handler, error) {
	it, ok := v.(starlark.Iterable)
	if !ok {
		return nil, exc.TypeError("handlers must be a list of handlers")
	}
	var out []*Handler
	iter := it.Iterate()
	defer iter.Done()
	var x starlark.Value
	for iter.Next(&x) {
		h, ok := x.(*Handler)
		if !ok {
			return nil, exc.TypeError("handlers must be a list of handlers, not %s", pyargs.TypeName(x))
		}
		out = append(out, h)
	}
	return out, nil
}

// openFile opens a log file with the builtin open, where there is one.
func openFile(t *starlark.Thread, name, mode starlark.Value) (starlark.Value, error) {
	if pyargs.IsNone(mode) {
		mode = starlark.String("a")
	}
	if in := runtime.FromThread(t); in != nil {
		if open, ok := in.Predeclared()["open"]; ok {
			return starlark.Call(t, open, starlark.Tuple{name, mode}, nil)
		}
	}
	return nil, exc.OSError("logging: files are not available here (no open())")
}

// moduleLog is logging.info(...) and friends: on the root logger, which
// basicConfig() sets up first if it has no handler.
func (s *state) moduleLog(method string) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(s.root.handlers) == 0 {
			if _, err := s.basicConfig(t, b, nil, nil); err != nil {
				return nil, err
			}
		}
		return s.root.logMethod(t, method, args, kwargs)
	}
}
