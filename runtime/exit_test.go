package runtime

import (
	"bytes"
	"context"
	"testing"

	"go.starlark.net/starlark"
)

func init() {
	Register(Module{Name: "rtestexit", Doc: "RequestExit and callable-module tests", New: func(env *Env) (starlark.StringDict, error) {
		ctor := starlark.NewBuiltin("rtestexit", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.String("made"), nil
		})
		return starlark.StringDict{
			"__call__": ctor,
			// exit(code) asks for the run to end from a thread of its own.
			"exit": starlark.NewBuiltin("exit", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
				var code int
				if err := starlark.UnpackPositionalArgs("exit", args, kw, 1, &code); err != nil {
					return nil, err
				}
				in := FromThread(t)
				go in.RequestExit(code)
				err := Block(t, func(ctx context.Context) error { <-ctx.Done(); return nil })
				return starlark.None, err
			}),
		}, nil
	}})
}

func TestRequestExitAndCallableModule(t *testing.T) {
	env := NewEnv()
	var out bytes.Buffer
	env.Stdout = &out
	in := New(env)
	defer in.Close()
	in.Lock()
	th := in.NewThread("main")
	_, err := in.ExecFile(th, "x.py", []byte("import rtestexit\nprint(rtestexit())\nrtestexit.exit(75)\nprint('not reached')\n"))
	in.Done(th)
	in.Unlock()
	if !IsCancelled(err) {
		t.Fatalf("want the script cancelled, got %v", err)
	}
	if out.String() != "made\n" {
		t.Errorf("calling the module printed %q", out.String())
	}
	if code, ok := in.ExitRequested(); !ok || code != 75 {
		t.Errorf("ExitRequested = %d, %v", code, ok)
	}
	in.RequestExit(3) // the first request wins
	if code, _ := in.ExitRequested(); code != 75 {
		t.Errorf("a later request replaced the code: %d", code)
	}
	if _, ok := New(nil).ExitRequested(); ok {
		t.Error("a fresh interpreter reports an exit request")
	}
}
