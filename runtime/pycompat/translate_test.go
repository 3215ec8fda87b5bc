package pycompat

import (
	"strings"
	"testing"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/pylib"
)

// TestChanges: `qstar port` lists each rewrite with the Python line it
// came from.
func TestChanges(t *testing.T) {
	src := "import sim\nfrom umqtt import MQTTClient as C\nx = None\ndef f():\n    global x\n    x = 2 ** 3\n    try:\n        sim.getStatus()\n    except Exception as e:\n        raise\nprint(x is None)\n"
	res, err := Translate("c.py", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{
		`import sim -> sim = _import("sim")`:                                      1,
		`from umqtt import MQTTClient as C -> C = _import("umqtt", "MQTTClient")`: 2,
		"global x -> module namespace _g":                                         5,
		"a ** b -> pow(a, b)":                                                     6,
		"try/except -> nested defs run by _try()":                                 7,
		"raise -> _raise()":                                                       10,
		"is -> ==":                                                                11,
	}
	for what, line := range want {
		found := false
		for _, c := range res.Changes {
			if c.What == what && c.Line == line {
				found = true
			}
		}
		if !found {
			t.Errorf("no change %q at line %d in %v", what, line, res.Changes)
		}
	}
	for _, s := range []string{`sim = _import("sim")`, "_g.x = pow(2, 3)", "_raise(_e)", "print(_g.x == None)"} {
		if !strings.Contains(res.Starlark, s) {
			t.Errorf("port output lacks %q:\n%s", s, res.Starlark)
		}
	}
	for i := 1; i < len(res.Changes); i++ {
		if res.Changes[i].Line < res.Changes[i-1].Line {
			t.Errorf("changes not in line order: %v", res.Changes)
		}
	}
}

// TestCancellationNotCaught: a cancelled thread is never caught by a bare
// except or except Exception; the loop ends with the cancellation error.
func TestCancellationNotCaught(t *testing.T) {
	for _, handler := range []string{"except:", "except Exception:", "except BaseException:", "finally:"} {
		src := "n = 0\ntry:\n    while True:\n        n += 1\n" + handler + "\n    print('handler ran')\n"
		res, err := Translate("c.py", []byte(src), nil)
		if err != nil {
			t.Fatal(err)
		}
		pred := starlark.StringDict{"print": starlark.NewBuiltin("print", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			t.Errorf("%s: handler ran on cancellation", handler)
			return starlark.None, nil
		})}
		for k, v := range pylib.Builtins() {
			pred[k] = v
		}
		prog, err := starlark.FileProgram(res.File, pred.Has)
		if err != nil {
			t.Fatal(err)
		}
		thread := &starlark.Thread{}
		timer := time.AfterFunc(20*time.Millisecond, func() { thread.Cancel("test") })
		_, err = prog.Init(thread, pred)
		timer.Stop()
		if err == nil || !strings.Contains(err.Error(), "cancelled") {
			t.Errorf("%s: err = %v, want cancellation", handler, err)
		}
	}
}

// TestRaiseErrors: what raise accepts and the errors for what it does not.
func TestRaiseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"raise 5\n", "TypeError: exceptions must derive from BaseException"},
		{"raise\n", "RuntimeError: No active exception to reraise"},
		{"raise KeyError('k')\n", "KeyError: 'k'"},
		{"raise OSError\n", "OSError"},
		{"raise ValueError('a') from KeyError('b')\n", "ValueError: a"},
		{"try:\n    1/0\nexcept 5:\n    pass\n", "TypeError: catching classes that do not inherit from BaseException is not allowed"},
		{"class E(Exception):\n    pass\nraise E('custom')\n", "E: custom"},
		{"assert 1 == 2, 'math'\n", "AssertionError: math"},
		{"assert False\n", "AssertionError"},
	} {
		r := runPy(t, "r.py", tc.src)
		if r.errLine != tc.want {
			t.Errorf("%q: %q, want %q", tc.src, r.errLine, tc.want)
		}
	}
}

// TestREPLChunks: chunks translated one at a time and run on fresh
// threads share module state through NewModuleNamespace, as the REPL does.
func TestREPLChunks(t *testing.T) {
	var out strings.Builder
	globals := starlark.StringDict{}
	for k, v := range pylib.Builtins() {
		globals[k] = v
	}
	globals["print"] = starlark.NewBuiltin("print", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		for _, a := range args {
			out.WriteString(a.String() + " ")
		}
		out.WriteString("\n")
		return starlark.None, nil
	})
	ns := pylib.NewModuleNamespace(globals)
	for _, chunk := range []string{
		"count = 0\n",
		"def bump():\n    global count\n    count += 1\n",
		"bump()\n",
		"bump()\n",
		"print(count)\n",
		"try:\n    v = int('7')\nexcept ValueError:\n    v = -1\n",
		"print(v + count)\n",
	} {
		res, err := Translate("<stdin>", []byte(chunk), nil)
		if err != nil {
			t.Fatalf("%q: %v", chunk, err)
		}
		th := &starlark.Thread{}
		pylib.SetModuleNamespace(th, ns)
		if err := starlark.ExecREPLChunk(res.File, th, globals); err != nil {
			t.Fatalf("%q: %v", chunk, err)
		}
	}
	if got := out.String(); got != "2 \n9 \n" {
		t.Errorf("output %q, want 2 then 9", got)
	}
}

// TestWindowsSource: a byte order mark and CRLF line ends (as Windows
// editors save vendor samples) translate like plain LF source.
func TestWindowsSource(t *testing.T) {
	src := "\ufeffx = 1\r\ndef f():\r\n    try:\r\n        return x ** 2\r\n    except Exception as e:\r\n        print(e)\r\nprint(f(), 'a\\\r\nb')\r\n"
	r := runPy(t, "w.py", src)
	if r.err != nil || r.out != "1 ab\n" {
		t.Errorf("out %q err %v", r.out, r.err)
	}
}
