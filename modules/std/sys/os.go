package sys

import (
	"crypto/rand"
	"os"
	goruntime "runtime"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/ntuple"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/devfs"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// osMod is one interpreter's os or uos module. quec is uos: QuecPython's
// uname() strings, bare type bits in stat()[0], remove() of an empty
// directory (littleFS allows it), plain tuples.
type osMod struct {
	env  *runtime.Env
	quec bool
}

func newOS(env *runtime.Env) (starlark.StringDict, error) { return osMembers(&osMod{env: env}), nil }
func newUOS(env *runtime.Env) (starlark.StringDict, error) {
	return osMembers(&osMod{env: env, quec: true}), nil
}

func osMembers(m *osMod) starlark.StringDict {
	d := pyargs.Builtins(map[string]builtinFn{
		"uname":     m.uname,
		"urandom":   urandom,
		"listdir":   m.listdir,
		"ilistdir":  m.ilistdir,
		"stat":      m.stat(false),
		"lstat":     m.stat(true),
		"statvfs":   m.statvfs,
		"remove":    m.remove,
		"unlink":    m.remove,
		"rmdir":     m.pathOp("rmdir", (*devfs.FS).Rmdir),
		"mkdir":     m.mkdir,
		"makedirs":  m.makedirs,
		"rename":    m.rename,
		"replace":   m.rename,
		"chdir":     m.pathOp("chdir", (*devfs.FS).Chdir),
		"getcwd":    m.getcwd,
		"walk":      m.walk,
		"getpid":    getpid,
		"scandir":   m.scandir,
		"access":    m.access,
		"cpu_count": cpuCount,
		"sync":      noop,
	})
	for k, v := range m.envMembers() {
		d[k] = v
	}
	if m.quec {
		d["uname2"] = starlark.NewBuiltin("uname2", m.uname2)
		for k, v := range m.mountMembers() {
			d[k] = v
		}
	}
	d["sep"] = starlark.String("/")
	d["name"] = starlark.String("posix")
	d["linesep"] = starlark.String("\n")
	d["curdir"] = starlark.String(".")
	d["pardir"] = starlark.String("..")
	d["extsep"] = starlark.String(".")
	d["devnull"] = starlark.String("/dev/null")
	for k, v := range map[string]int{"F_OK": 0, "X_OK": 1, "W_OK": 2, "R_OK": 4} {
		d[k] = starlark.MakeInt(v)
	}
	return d
}

// fs is the device filesystem, made when a builtin first runs.
func (m *osMod) fs() *devfs.FS { return m.env.FS() }

func pathArg(fn string, args starlark.Tuple, kwargs []starlark.Tuple, def string) (string, error) {
	var v starlark.Value = starlark.String(def)
	min := 1
	if def != "" {
		min = 0
	}
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, min, &v); err != nil {
		return "", err
	}
	return pathText(fn, v)
}

// pathText takes a str or bytes path, with CPython's TypeError otherwise.
func pathText(fn string, v starlark.Value) (string, error) {
	if s, ok := pyargs.AsText(v); ok {
		return s, nil
	}
	return "", exc.TypeError("%s: path should be string, bytes or os.PathLike, not %s", fn, pyargs.TypeName(v))
}

// uname is CPython's named tuple for os; for uos, QuecPython's tuple of
// 'key=value' strings, which device code splits on '='.
func (m *osMod) uname(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("uname", args, kwargs, 0); err != nil {
		return nil, err
	}
	if m.quec {
		var out starlark.Tuple
		for i, f := range unameFields {
			out = append(out, starlark.String(f+"="+string(quecUname[i].(starlark.String))))
		}
		return out, nil
	}
	host, _ := os.Hostname()
	return ntuple.New("posix.uname_result", unameFields[:5],
		starlark.String("qstar"), starlark.String(host), starlark.String("3.4.0"),
		starlark.String("qstar on "+goruntime.GOOS), starlark.String(goruntime.GOARCH)), nil
}

var unameFields = []string{"sysname", "nodename", "release", "version", "machine", "qpyver"}

// quecUname answers as the simulated modem's module (EC600N) does.
var quecUname = starlark.Tuple{starlark.String("EC600N-CNLE"), starlark.String("EC600N"), starlark.String("1.13.0"),
	starlark.String("v1.12 on qstar"), starlark.String("EC600N with QUECTEL"), starlark.String("V0001")}

// uname2 is QuecPython's named-tuple form of uname.
func (m *osMod) uname2(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("uname2", args, kwargs, 0); err != nil {
		return nil, err
	}
	return ntuple.New("uname_result", unameFields, quecUname...), nil
}

func urandom(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs("urandom", args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	n, err := pyargs.Int("urandom", "size", v)
	if err != nil {
		return nil, err
	}
	if n < 0 || n > 1<<20 {
		return nil, exc.ValueError("urandom: size must be in [0, 1048576], got %d", n)
	}
	p := make([]byte, n)
	rand.Read(p)
	return starlark.Bytes(p), nil
}

func getpid(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("getpid", args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.MakeInt(os.Getpid()), nil
}
