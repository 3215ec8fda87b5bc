package logging

import (
	"fmt"
	"math"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/utime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// record is a LogRecord's fields.
type record struct {
	name, levelname, msg, path, funcName string
	levelno, lineno                      int
	created                              time.Time
	relative                             time.Duration
	extra                                *starlark.Dict
}

func (l *Logger) record(t *starlark.Thread, lv int, msg starlark.Value, args starlark.Tuple, extra starlark.Value) (*record, error) {
	text, err := message(msg, args)
	if err != nil {
		return nil, err
	}
	path, line, fn := caller(t)
	now := l.s.env.Now()
	rec := &record{name: l.name, levelname: l.s.levelName(lv), levelno: lv, msg: text, path: path,
		lineno: line, funcName: fn, created: now, relative: now.Sub(l.s.start)}
	if d, ok := extra.(*starlark.Dict); ok {
		rec.extra = d
	}
	return rec, nil
}

// Formatter is logging.Formatter(fmt=None, datefmt=None, style='%').
type Formatter struct {
	fmt, datefmt string
}

var _ starlark.HasAttrs = (*Formatter)(nil)

func newFormatter(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kwargs, "fmt?", "datefmt?", "style?", "validate?", "defaults?")
	if err != nil {
		return nil, err
	}
	f := &Formatter{}
	if f.fmt, err = a.Str("fmt", "%(message)s"); err != nil {
		return nil, err
	}
	if f.datefmt, err = a.Str("datefmt", ""); err != nil {
		return nil, err
	}
	return f, nil
}

func (f *Formatter) String() string        { return fmt.Sprintf("<logging.Formatter object at %p>", f) }
func (f *Formatter) PyRepr() string        { return f.String() }
func (f *Formatter) Type() string          { return "Formatter" }
func (f *Formatter) Freeze()               {}
func (f *Formatter) Truth() starlark.Bool  { return true }
func (f *Formatter) Hash() (uint32, error) { return starlark.String(f.String()).Hash() }
func (f *Formatter) AttrNames() []string {
	return []string{"datefmt", "default_msec_format", "default_time_format"}
}

func (f *Formatter) Attr(name string) (starlark.Value, error) {
	switch name {
	case "datefmt":
		if f.datefmt == "" {
			return starlark.None, nil
		}
		return starlark.String(f.datefmt), nil
	case "default_time_format":
		return starlark.String("%Y-%m-%d %H:%M:%S"), nil
	case "default_msec_format":
		return starlark.String("%s,%03d"), nil
	}
	return nil, nil
}

// asctime is CPython's default "2024-01-02 03:04:05,678", or datefmt.
func (f *Formatter) asctime(tm time.Time) string {
	if f.datefmt != "" {
		return utime.Strftime(f.datefmt, tm)
	}
	return utime.Strftime("%Y-%m-%d %H:%M:%S", tm) + fmt.Sprintf(",%03d", tm.Nanosecond()/1e6)
}

func (f *Formatter) format(r *record) (string, error) {
	secs := float64(r.created.UnixNano()) / 1e9
	d := pyargs.Dict(
		"name", r.name, "levelname", r.levelname, "levelno", r.levelno, "message", r.msg, "msg", r.msg,
		"pathname", r.path, "filename", filepathBase(r.path), "module", moduleName(r.path),
		"lineno", r.lineno, "funcName", r.funcName,
		"created", starlark.Float(secs), "msecs", starlark.Float(math.Floor(float64(r.created.Nanosecond())/1e6)),
		"relativeCreated", starlark.Float(float64(r.relative)/1e6),
		"asctime", f.asctime(r.created),
		"thread", 1, "threadName", "MainThread", "process", 1, "processName", "MainProcess", "taskName", starlark.None,
	)
	if r.extra != nil {
		for _, kv := range r.extra.Items() {
			_ = d.SetKey(kv[0], kv[1])
		}
	}
	return pylib.Percent(f.fmt, d)
}
