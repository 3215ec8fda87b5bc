package pysrc

import (
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// _qstar gives the modules written in Python what Python itself would
// find in frames: who called them, and the main script's globals.
func init() {
	runtime.Register(runtime.Module{Name: "_qstar", Doc: "helpers for the standard modules written in Python (caller, main_globals)", New: newHelpers})
	runtime.RegisterDocs("_qstar", map[string]string{
		"caller":       "caller(level=1)\n(file, line, source) of the script's frame level calls above the running standard module ('sys', 1, '' if none).",
		"main_globals": "main_globals()\nThe main script's globals, as a dict.",
	})
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newHelpers(*runtime.Env) (starlark.StringDict, error) {
	return pyargs.Builtins(map[string]builtinFn{
		"caller":       caller,
		"main_globals": mainGlobals,
	}), nil
}

// libraryFile is where the modules written in Python run from.
const libraryFile = "<qstar>/"

func caller(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	level := 1
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "level?", &level); err != nil {
		return nil, err
	}
	in := runtime.FromThread(t)
	if in == nil {
		return nil, exc.RuntimeError("_qstar.caller: no interpreter")
	}
	frames := in.UserFrames(t)
	i := len(frames) - 1
	for i >= 0 && strings.HasPrefix(frames[i].Pos.Filename(), libraryFile) {
		i--
	}
	i -= level - 1
	if i < 0 || i >= len(frames) {
		return starlark.Tuple{starlark.String("sys"), starlark.MakeInt(1), starlark.String("")}, nil
	}
	fr := frames[i]
	return starlark.Tuple{starlark.String(fr.Pos.Filename()), starlark.MakeInt(int(fr.Pos.Line)),
		starlark.String(in.SourceLine(fr.Pos.Filename(), int(fr.Pos.Line)))}, nil
}

// mainGlobals is the outermost frame's globals: the main script's, on the
// main thread.
func mainGlobals(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return pylib.GlobalsAt(t, t.CallStackDepth()-1), nil
}
