// Package sys provides sys/usys (argv, exit, platform, stdout.write,
// print_exception), gc (collect, mem_free, mem_alloc) and uos/os/os.path
// on the device filesystem (runtime/devfs).
package sys

import (
	"encoding/binary"
	"math"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/ntuple"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

func init() {
	for _, name := range []string{"sys", "usys"} {
		runtime.Register(runtime.Module{Name: name, Doc: "argv, exit, platform and stdout", New: newSys})
	}
	runtime.Register(runtime.Module{Name: "gc", Doc: "garbage collector: collect, mem_free, mem_alloc", New: newGC})
	runtime.Register(runtime.Module{Name: "uos", Doc: "QuecPython's files on /usr and /bak, uname, urandom", New: newUOS})
	runtime.Register(runtime.Module{Name: "os", Doc: "files on the device filesystem, environ (granted names), urandom", New: newOS})
	runtime.Register(runtime.Module{Name: "os.path", Doc: "join, split, exists, isfile, isdir, getsize", New: newOSPath})
}

// Version is what sys.version reports: the Python level scripts are
// written for (MicroPython's) and the implementation.
const Version = "3.4.0; qstar"

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newSys(env *runtime.Env) (starlark.StringDict, error) {
	argv := make([]starlark.Value, len(env.Args))
	for i, a := range env.Args {
		argv[i] = starlark.String(a)
	}
	fns := limitBuiltins()
	fns["exit"] = exit(env)
	fns["print_exception"] = printException(env)
	fns["exc_info"] = excInfo
	fns["exception"] = exception
	d := pyargs.Builtins(fns)
	d["argv"] = starlark.NewList(argv)
	d["platform"] = starlark.String("qstar")
	d["version"] = starlark.String(Version)
	d["version_info"] = starlark.Tuple{starlark.MakeInt(3), starlark.MakeInt(4), starlark.MakeInt(0)}
	d["implementation"] = ntuple.New("implementation", []string{"name", "version"},
		starlark.String("qstar"), starlark.Tuple{starlark.MakeInt(0), starlark.MakeInt(1), starlark.MakeInt(0)})
	d["byteorder"] = starlark.String(byteOrder())
	d["maxsize"] = starlark.MakeInt64(math.MaxInt64)
	d["path"] = starlark.NewList([]starlark.Value{starlark.String("")})
	d["stdout"] = newStream("stdout", env.Write)
	d["stderr"] = newStream("stderr", func(p []byte) (int, error) { return env.Stderr.Write(p) })
	d["stdin"] = newStdin(env)            // stdin.go
	d["modules"] = &modulesView{env: env} // modules.go
	return d, nil
}

func byteOrder() string {
	var b [2]byte
	binary.NativeEndian.PutUint16(b[:], 1)
	if b[0] == 1 {
		return "little"
	}
	return "big"
}

// exit(code=None) ends the script: an int is the exit status, None is 0,
// anything else is printed to stderr and gives status 1, as in CPython.
func exit(env *runtime.Env) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v starlark.Value = starlark.None
		if err := starlark.UnpackPositionalArgs("exit", args, kwargs, 0, &v); err != nil {
			return nil, err
		}
		switch c := v.(type) {
		case starlark.NoneType:
			return nil, &runtime.ExitError{Code: 0}
		case starlark.Int:
			n, ok := c.Int64()
			if !ok {
				n = 1
			}
			return nil, &runtime.ExitError{Code: int(n)}
		}
		env.Stderr.Write([]byte(pyrepr.Str(v) + "\n"))
		return nil, &runtime.ExitError{Code: 1}
	}
}

// print_exception(e[, file]) prints "Type: message" for a caught exception
// (MicroPython prints its traceback too; the frames are gone once caught).
func printException(env *runtime.Env) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var e, file starlark.Value = nil, starlark.None
		if err := starlark.UnpackPositionalArgs("print_exception", args, kwargs, 1, &e, &file); err != nil {
			return nil, err
		}
		line := ExceptionLine(e)
		if s, ok := file.(*stream); ok {
			_, err := s.write([]byte(line + "\n"))
			return starlark.None, err
		}
		if file != starlark.None {
			return nil, exc.TypeError("print_exception() argument 'file' must be sys.stdout or sys.stderr")
		}
		_, err := env.Write([]byte(line + "\n"))
		return starlark.None, err
	}
}

// excInfo is sys.exc_info(): (type, value, traceback) of the exception
// being handled, (None, None, None) outside an except block. The
// traceback is None: the traceback module formats from the exception.
func excInfo(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	v := pylib.HandledException(t)
	if v == nil {
		return starlark.Tuple{starlark.None, starlark.None, starlark.None}, nil
	}
	typ, err := starlark.Call(t, pylib.Builtins()["type"], starlark.Tuple{v}, nil)
	if err != nil {
		return nil, err
	}
	return starlark.Tuple{typ, v, starlark.None}, nil
}

// exception is sys.exception() (Python 3.11): the exception being handled, or None.
func exception(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	if v := pylib.HandledException(t); v != nil {
		return v, nil
	}
	return starlark.None, nil
}

// ExceptionLine is the last traceback line for a caught exception value:
// the front end's exception objects have their class as Type() and their
// message as str(); a plain string (Starlark's fail message) prints as is.
func ExceptionLine(e starlark.Value) string {
	if s, ok := e.(starlark.String); ok {
		return string(s)
	}
	if _, isExc := e.(pyrepr.Strer); isExc {
		return runtime.ExceptionOnly(e)
	}
	return pyrepr.Str(e)
}

// stream is sys.stdout / sys.stderr: write() returns the length written.
type stream struct {
	name  string
	write func([]byte) (int, error)
}

func newStream(name string, w func([]byte) (int, error)) *stream {
	return &stream{name: name, write: w}
}

var _ starlark.HasAttrs = (*stream)(nil)

func (s *stream) String() string        { return "<io.TextIOWrapper name='<" + s.name + ">'>" }
func (s *stream) PyRepr() string        { return s.String() }
func (s *stream) Type() string          { return "TextIOWrapper" }
func (s *stream) Freeze()               {}
func (s *stream) Truth() starlark.Bool  { return true }
func (s *stream) Hash() (uint32, error) { return starlark.String(s.name).Hash() }
func (s *stream) AttrNames() []string   { return []string{"flush", "write"} }

func (s *stream) Attr(name string) (starlark.Value, error) {
	switch name {
	case "write":
		return starlark.NewBuiltin("write", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs("write", args, kwargs, 1, &v); err != nil {
				return nil, err
			}
			p, err := pyargs.Buffer("write", "s", v)
			if err != nil {
				return nil, err
			}
			if _, err := s.write(p); err != nil {
				return nil, exc.OSError("%s.write: %v", s.name, err)
			}
			if str, ok := v.(starlark.String); ok { // characters, not bytes, for str
				return starlark.MakeInt(len([]rune(string(str)))), nil
			}
			return starlark.MakeInt(len(p)), nil
		}).BindReceiver(s), nil
	case "flush":
		return starlark.NewBuiltin("flush", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.None, nil
		}).BindReceiver(s), nil
	}
	return nil, nil
}
