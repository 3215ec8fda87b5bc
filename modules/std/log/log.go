// Package log provides QuecPython's log module: basicConfig(level=...),
// getLogger(name) and loggers whose debug/info/warning/error/critical
// write "LEVEL:name:message" lines to stderr (or set_output's stream), as
// the firmware's log.py does: log.info(msg, *args) prints msg % args.
package log

import (
	"fmt"
	"strings"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

func init() {
	runtime.Register(runtime.Module{Name: "log", Doc: "leveled logging (QuecPython)", New: newModule})
}

// Levels, as in CPython's logging (QuecPython uses the same values).
const (
	DEBUG    = 10
	INFO     = 20
	WARNING  = 30
	ERROR    = 40
	CRITICAL = 50
)

var levelNames = map[string]int{"debug": DEBUG, "info": INFO, "warning": WARNING, "error": ERROR, "critical": CRITICAL}

// config is one interpreter's logging state; loggers are created and used
// under the interpreter lock, the mutex guards output from Go callers.
type config struct {
	env     *runtime.Env
	mu      sync.Mutex
	level   int
	out     starlark.Value // set_output stream, or nil for stdout
	loggers map[string]*Logger
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	c := &config{env: env, level: INFO, loggers: map[string]*Logger{}}
	root := c.logger("root")
	d := pyargs.Builtins(map[string]builtinFn{
		"basicConfig": c.basicConfig,
		"getLogger":   c.getLogger,
		"set_output":  c.setOutput,
	})
	for name := range levelNames {
		d[name] = root.method(name)
	}
	for name, lv := range map[string]int{"NOTSET": 0, "DEBUG": DEBUG, "INFO": INFO, "WARNING": WARNING, "ERROR": ERROR, "CRITICAL": CRITICAL} {
		d[name] = starlark.MakeInt(lv)
	}
	return d, nil
}

func (c *config) basicConfig(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	level := starlark.Value(starlark.MakeInt(c.level))
	if err := starlark.UnpackArgs("basicConfig", args, kwargs, "level?", &level); err != nil {
		return nil, err
	}
	n, err := pyargs.Int("basicConfig", "level", level)
	if err != nil {
		return nil, err
	}
	c.level = int(n)
	return starlark.None, nil
}

func (c *config) setOutput(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var out starlark.Value
	if err := starlark.UnpackPositionalArgs("set_output", args, kwargs, 1, &out); err != nil {
		return nil, err
	}
	if ha, ok := out.(starlark.HasAttrs); ok {
		if w, _ := ha.Attr("write"); w != nil {
			c.out = out
			return starlark.None, nil
		}
	}
	return nil, exc.TypeError("set_output() argument must have a write() method (sys.stdout or a UART), not %s", pyargs.TypeName(out))
}

func (c *config) getLogger(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name starlark.Value = starlark.String("root")
	if err := starlark.UnpackPositionalArgs("getLogger", args, kwargs, 0, &name); err != nil {
		return nil, err
	}
	if name == starlark.None {
		name = starlark.String("root")
	}
	return c.logger(pyrepr.Str(name)), nil
}

func (c *config) logger(name string) *Logger {
	if l, ok := c.loggers[name]; ok {
		return l
	}
	l := &Logger{cfg: c, name: name}
	c.loggers[name] = l
	return l
}

// Logger is what getLogger returns.
type Logger struct {
	cfg   *config
	name  string
	level int // 0: follow basicConfig
}

var _ starlark.HasAttrs = (*Logger)(nil)

func (l *Logger) String() string        { return fmt.Sprintf("<Logger %s>", l.name) }
func (l *Logger) PyRepr() string        { return l.String() }
func (l *Logger) Type() string          { return "Logger" }
func (l *Logger) Freeze()               {}
func (l *Logger) Truth() starlark.Bool  { return true }
func (l *Logger) Hash() (uint32, error) { return starlark.String(l.name).Hash() }

func (l *Logger) AttrNames() []string {
	return []string{"critical", "debug", "error", "info", "name", "setLevel", "warn", "warning"}
}

func (l *Logger) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String(l.name), nil
	case "setLevel":
		return starlark.NewBuiltin("setLevel", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs("setLevel", args, kwargs, 1, &v); err != nil {
				return nil, err
			}
			n, err := pyargs.Int("setLevel", "level", v)
			if err != nil {
				return nil, err
			}
			l.level = int(n)
			return starlark.None, nil
		}).BindReceiver(l), nil
	case "warn":
		return l.method("warning"), nil
	}
	if _, ok := levelNames[name]; ok {
		return l.method(name), nil
	}
	return nil, nil
}

func (l *Logger) method(level string) *starlark.Builtin {
	lv := levelNames[level]
	return starlark.NewBuiltin(level, func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, exc.TypeError("%s() takes no keyword arguments", level)
		}
		return starlark.None, l.log(t, lv, strings.ToUpper(level), args)
	}).BindReceiver(l)
}

func (l *Logger) log(t *starlark.Thread, lv int, levelName string, args starlark.Tuple) error {
	threshold := l.cfg.level
	if l.level > 0 {
		threshold = l.level
	}
	if lv < threshold {
		return nil
	}
	if len(args) == 0 {
		return exc.TypeError("%s() missing 1 required positional argument: 'msg'", strings.ToLower(levelName))
	}
	msg, err := formatMessage(args)
	if err != nil {
		return err
	}
	line := fmt.Sprintf("%s:%s:%s\n", shortLevel[levelName], l.name, msg)
	if l.cfg.out != nil {
		w, _ := l.cfg.out.(starlark.HasAttrs).Attr("write")
		_, err := starlark.Call(t, w, starlark.Tuple{starlark.String(line)}, nil)
		return err
	}
	l.cfg.mu.Lock()
	defer l.cfg.mu.Unlock()
	_, err = l.cfg.env.Stderr.Write([]byte(line))
	return err
}

// shortLevel is the level tag the firmware's log.py prints.
var shortLevel = map[string]string{"DEBUG": "DEBUG", "INFO": "INFO", "WARNING": "WARN", "ERROR": "ERROR", "CRITICAL": "CRIT"}

// formatMessage is the firmware's `msg % args if args else msg`: the
// first argument is the message, the rest fill its %-placeholders (so
// log.info("got %s", x) works as in CPython's logging).
func formatMessage(args starlark.Tuple) (string, error) {
	msg := pyrepr.Str(args[0])
	if len(args) == 1 {
		return msg, nil
	}
	s, ok := args[0].(starlark.String)
	if !ok {
		return "", exc.TypeError("unsupported operand type(s) for %%: '%s' and 'tuple'", pyargs.TypeName(args[0]))
	}
	var rest starlark.Value = args[1:]
	if len(args) == 2 {
		rest = args[1]
		if _, isTuple := rest.(starlark.Tuple); isTuple {
			rest = starlark.Tuple{rest}
		}
	}
	return pylib.Percent(string(s), rest)
}
