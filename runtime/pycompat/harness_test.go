package pycompat

import (
	"bytes"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"hash"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"

	"github.com/qstar-dev/qstar/runtime/pylib"
)

// fakeTime is what the fake time module's time() returns; the python3 run
// of the same script patches time.time to match.
const fakeTime = 1700000000

// fakeModules stand in for the runtime's registered modules. They are
// real implementations where CPython has the module too, so the same
// script can run under python3.
func fakeModules() map[string]starlark.Value {
	mod := func(name string, members starlark.StringDict) starlark.Value {
		return &starlarkstruct.Module{Name: name, Members: members}
	}
	fn := func(name string, f func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return f(args, kwargs)
		})
	}
	bytesOf := func(v starlark.Value) string {
		switch x := v.(type) {
		case starlark.Bytes:
			return string(x)
		case starlark.String:
			return string(x)
		}
		return ""
	}
	return map[string]starlark.Value{
		"base64": mod("base64", starlark.StringDict{
			"b64decode": fn("b64decode", func(args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
				b, err := base64.StdEncoding.DecodeString(bytesOf(args[0]))
				if err != nil {
					return nil, exc.New("binascii.Error", "Incorrect padding")
				}
				return starlark.Bytes(b), nil
			}),
			"b64encode": fn("b64encode", func(args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
				return starlark.Bytes(base64.StdEncoding.EncodeToString([]byte(bytesOf(args[0])))), nil
			}),
		}),
		"hmac": mod("hmac", starlark.StringDict{
			"new": fn("new", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				var key, msg, digestmod starlark.Value
				if err := starlark.UnpackArgs("new", args, kwargs, "key", &key, "msg?", &msg, "digestmod?", &digestmod); err != nil {
					return nil, err
				}
				var h func() hash.Hash
				switch bytesOf(digestmod) {
				case "sha1":
					h = sha1.New
				case "sha256":
					h = sha256.New
				default:
					h = md5.New
				}
				m := hmac.New(h, []byte(bytesOf(key)))
				m.Write([]byte(bytesOf(msg)))
				sum := m.Sum(nil)
				return mod("hmac", starlark.StringDict{
					"digest": fn("digest", func(starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
						return starlark.Bytes(sum), nil
					}),
				}), nil
			}),
		}),
		"time": mod("time", starlark.StringDict{
			"time": fn("time", func(starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
				return starlark.Float(fakeTime), nil
			}),
		}),
		"urllib": mod("urllib", starlark.StringDict{}),
		"urllib.parse": mod("urllib.parse", starlark.StringDict{
			"quote": fn("quote", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				var s, safe string = "", "/"
				if err := starlark.UnpackArgs("quote", args, kwargs, "string", &s, "safe?", &safe); err != nil {
					return nil, err
				}
				q := url.QueryEscape(s)
				q = strings.ReplaceAll(q, "+", "%20")
				for _, c := range safe {
					q = strings.ReplaceAll(q, url.QueryEscape(string(c)), string(c))
				}
				return starlark.String(q), nil
			}),
		}),
		"json": mod("json", starlark.StringDict{}),
	}
}

// runResult is the outcome of one script: stdout and the Python-style
// last traceback line ("" when it succeeded).
type runResult struct {
	out     string
	errLine string
	err     error
}

// runPy translates and runs src the way the runtime does, with Python-style
// print/str/repr and the fake modules.
func runPy(t testing.TB, name, src string) runResult {
	t.Helper()
	return runPyWith(t, name, src, nil)
}

// runPyWith is runPy with extra fake modules.
func runPyWith(t testing.TB, name, src string, extra map[string]starlark.Value) runResult {
	t.Helper()
	res, err := Translate(name, []byte(src), &Options{ModuleNames: func(m string) ([]string, bool) {
		if m == "base64" {
			return []string{"b64decode", "b64encode"}, true
		}
		return nil, false
	}})
	if err != nil {
		return runResult{errLine: "SyntaxError: " + err.Error(), err: err}
	}
	return runFile(res.File, extra)
}

// runFile executes a parsed file with the test predeclared names.
func runFile(f *syntax.File, extra map[string]starlark.Value) runResult {
	var out bytes.Buffer
	pred := starlark.StringDict{}
	for k, v := range starlark.Universe {
		pred[k] = v
	}
	for k, v := range pylib.Builtins() {
		pred[k] = v
	}
	mods := fakeModules()
	for k, v := range extra {
		mods[k] = v
	}
	pred["_import"] = starlark.NewBuiltin("_import", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		n, _ := starlark.AsString(args[0])
		if len(kwargs) > 0 { // import a.b: bind a
			n, _, _ = strings.Cut(n, ".")
		}
		if len(args) > 1 { // from n import attr
			m, ok := mods[n]
			if !ok {
				return nil, &exc.Error{Type: "ModuleNotFoundError", Msg: "No module named '" + n + "'"}
			}
			attr, _ := starlark.AsString(args[1])
			if v, _ := m.(starlark.HasAttrs).Attr(attr); v != nil {
				return v, nil
			}
			return nil, &exc.Error{Type: "ImportError", Msg: "cannot import name '" + attr + "' from '" + n + "'"}
		}
		if m, ok := mods[n]; ok {
			if n == "urllib" {
				return &starlarkstruct.Module{Name: n, Members: starlark.StringDict{"parse": mods["urllib.parse"]}}, nil
			}
			return m, nil
		}
		return nil, &exc.Error{Type: "ModuleNotFoundError", Msg: "No module named '" + n + "'"}
	})
	pred["print"] = starlark.NewBuiltin("print", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		sep, end := " ", "\n"
		for _, kv := range kwargs {
			s, _ := starlark.AsString(kv[1])
			switch string(kv[0].(starlark.String)) {
			case "sep":
				sep = s
			case "end":
				end = s
			}
		}
		for i, a := range args {
			if i > 0 {
				out.WriteString(sep)
			}
			out.WriteString(pyrepr.Str(a))
		}
		out.WriteString(end)
		return starlark.None, nil
	})
	pred["str"] = pylib.WrapType("str", starlark.NewBuiltin("str", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 {
			return starlark.String(""), nil
		}
		if b, ok := args[0].(starlark.Bytes); ok && len(args) > 1 {
			return starlark.String(b), nil
		}
		return starlark.String(pyrepr.Str(args[0])), nil
	}))
	pred["repr"] = starlark.NewBuiltin("repr", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		return starlark.String(pyrepr.Repr(args[0])), nil
	})
	pred["__name__"] = starlark.String("__main__")
	prog, err := starlark.FileProgram(f, pred.Has)
	if err != nil {
		return runResult{out: out.String(), errLine: "SyntaxError: " + err.Error(), err: err}
	}
	thread := &starlark.Thread{Name: "main"}
	_, err = prog.Init(thread, pred)
	r := runResult{out: out.String(), err: err}
	if err != nil {
		r.errLine = errorLine(err)
	}
	return r
}

// errorLine mirrors runtime.ErrorLine: "ValueError: msg".
func errorLine(err error) string {
	if e, ok := exc.As(err); ok {
		return e.Error()
	}
	var ee *starlark.EvalError
	if errors.As(err, &ee) {
		if e := exc.Classify(ee.Msg); e != nil {
			return e.Error()
		}
		return "Error: " + ee.Msg
	}
	return err.Error()
}

// runCPython runs src under python3, returning stdout and the last line of
// stderr (the exception line), or skips when python3 is missing.
func runCPython(t testing.TB, src string) (string, string) {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "snippet.py")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	// pin time.time() to the fake module's value; compile keeps line numbers
	prog := "import time; time.time = lambda: float(" + strconv.Itoa(fakeTime) + "); " +
		"import sys; p = sys.argv[1]; exec(compile(open(p).read(), p, 'exec'), {'__name__': '__main__'})"
	cmd := exec.Command(py, "-c", prog, path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err == nil {
		return stdout.String(), ""
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	return stdout.String(), strings.TrimSpace(lines[len(lines)-1])
}
