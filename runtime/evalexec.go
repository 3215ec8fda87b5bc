package runtime

import (
	"context"
	"errors"
	"strings"

	"go.starlark.net/resolve"
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pycompat"
	"github.com/qstar-dev/qstar/runtime/pylib"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// addPyBuiltins adds the Python builtins that need the interpreter: eval
// and exec of source text through the Python front end, input() on the
// Env's stdin, exit()/quit() as sys.exit.
func (in *Interp) addPyBuiltins(d starlark.StringDict) {
	d["eval"] = starlark.NewBuiltin("eval", in.evalBuiltin)
	d["exec"] = starlark.NewBuiltin("exec", in.execBuiltin)
	d["input"] = starlark.NewBuiltin("input", in.inputBuiltin)
	d["exit"] = starlark.NewBuiltin("exit", in.exitBuiltin)
	d["quit"] = starlark.NewBuiltin("quit", in.exitBuiltin)
}

const evalResult = "_eval_result"

// eval(source, globals=None, locals=None) is the value of an expression.
func (in *Interp) evalBuiltin(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	src, env, _, err := in.evalArgs(t, "eval", args, kwargs)
	if err != nil {
		return nil, err
	}
	expr := strings.TrimSpace(src)
	if expr == "" {
		return nil, exc.New("SyntaxError", "invalid syntax (<string>, line 1)")
	}
	globals, err := in.runSource(t, evalResult+" = (\n"+expr+"\n)\n", env)
	if err != nil {
		return nil, err
	}
	return globals[evalResult], nil
}

// exec(source, globals=None, locals=None) runs statements; the names they
// bind go into globals (or the module namespace when none is given).
func (in *Interp) execBuiltin(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	src, env, target, err := in.evalArgs(t, "exec", args, kwargs)
	if err != nil {
		return nil, err
	}
	globals, err := in.runSource(t, src, env)
	if err != nil {
		return nil, err
	}
	for _, k := range globals.Keys() {
		if pylib.IsHelperName(k) {
			continue // translator helpers (_g, _class_X)
		}
		if target != nil {
			if err := target.SetKey(starlark.String(k), globals[k]); err != nil {
				return nil, err
			}
		} else if ns, ok := pylib.ModuleNamespaceOf(t).(starlark.HasSetField); ok {
			_ = ns.SetField(k, globals[k])
		}
	}
	return starlark.None, nil
}

// evalArgs unpacks (source, globals, locals) into the source text, the
// names the code sees, and the dict exec writes back to.
func (in *Interp) evalArgs(t *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (string, starlark.StringDict, *starlark.Dict, error) {
	var srcv, gv, lv starlark.Value = nil, starlark.None, starlark.None
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 1, &srcv, &gv, &lv); err != nil {
		return "", nil, nil, err
	}
	var src string
	switch s := srcv.(type) {
	case starlark.String:
		src = string(s)
	case starlark.Bytes:
		src = string(s)
	default:
		return "", nil, nil, exc.TypeError("%s() arg 1 must be a string, bytes or code object", fn)
	}
	env := starlark.StringDict{}
	var target *starlark.Dict
	for i, v := range []starlark.Value{gv, lv} {
		switch d := v.(type) {
		case starlark.NoneType:
			if i == 0 {
				env = pylib.CallerNames(t, 1)
			}
		case *starlark.Dict:
			for _, kv := range d.Items() {
				if k, ok := kv[0].(starlark.String); ok {
					env[string(k)] = kv[1]
				}
			}
			if i == 0 || target == nil {
				target = d
			}
		default:
			return "", nil, nil, exc.TypeError("%s() globals must be a dict, not %s", fn, v.Type())
		}
	}
	return src, env, target, nil
}

// runSource translates src as a Python file and runs it with the
// builtins and env predeclared, under a module namespace holding them too
// (so its functions find env names when they run). It returns the names
// the code bound.
func (in *Interp) runSource(t *starlark.Thread, src string, env starlark.StringDict) (starlark.StringDict, error) {
	pred := in.filePredeclared("__main__")
	for k, v := range env {
		pred[k] = v
	}
	res, err := pycompat.Translate("<string>", []byte(src), &pycompat.Options{
		FileOptions: FileOptions,
		ModuleNames: ModuleNames,
	})
	if err != nil {
		return nil, exc.New("SyntaxError", "%s", strings.TrimPrefix(err.Error(), "<string>:"))
	}
	prog, err := compile(res.File, pred.Has)
	if err != nil {
		var el resolve.ErrorList
		if errors.As(err, &el) && len(el) > 0 && strings.HasPrefix(el[0].Msg, "undefined: ") {
			return nil, exc.New("NameError", "name '%s' is not defined", strings.TrimPrefix(el[0].Msg, "undefined: "))
		}
		return nil, exc.New("SyntaxError", "%s", err.Error())
	}
	prev := pylib.ModuleNamespaceOf(t)
	pylib.SetModuleNamespace(t, pylib.NewModuleNamespace(pred))
	defer pylib.SetModuleNamespace(t, prev)
	return prog.Init(t, pred)
}

// input(prompt=”) writes the prompt and reads one line from stdin.
func (in *Interp) inputBuiltin(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var prompt starlark.Value = starlark.String("")
	if err := starlark.UnpackPositionalArgs("input", args, kwargs, 0, &prompt); err != nil {
		return nil, err
	}
	if _, err := in.Env.Write([]byte(pyrepr.Str(prompt))); err != nil {
		return nil, err
	}
	var line []byte
	eof := false
	err := Block(t, func(ctx context.Context) error {
		if in.Env.Stdin == nil {
			eof = true
			return nil
		}
		// byte by byte, so no input is buffered away from the next reader
		var c [1]byte
		for ctx.Err() == nil {
			n, err := in.Env.Stdin.Read(c[:])
			if n == 1 {
				if c[0] == '\n' {
					return nil
				}
				line = append(line, c[0])
			}
			if err != nil {
				eof = len(line) == 0
				return nil
			}
		}
		return ctx.Err()
	})
	if err != nil {
		return nil, err
	}
	if eof {
		return nil, exc.New("EOFError", "EOF when reading a line")
	}
	return starlark.String(strings.TrimSuffix(string(line), "\r")), nil
}

// exit(code=None) and quit() are sys.exit.
func (in *Interp) exitBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0, &v); err != nil {
		return nil, err
	}
	switch c := v.(type) {
	case starlark.NoneType:
		return nil, &ExitError{Code: 0}
	case starlark.Int:
		n, ok := c.Int64()
		if !ok {
			n = 1
		}
		return nil, &ExitError{Code: int(n)}
	}
	in.Env.Stderr.Write([]byte(pyrepr.Str(v) + "\n"))
	return nil, &ExitError{Code: 1}
}
