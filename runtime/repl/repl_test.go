package repl

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
)

func TestChunker(t *testing.T) {
	cases := []struct {
		name        string
		lines       []string
		interactive bool
		want        []string
	}{
		{"simple", []string{"x = 1", "", "x"}, false, []string{"x = 1\n", "x\n"}},
		{"block ends at blank", []string{"def f():", "    return 1", "", "f()"}, true,
			[]string{"def f():\n    return 1\n", "f()\n"}},
		{"piped block ends at dedent", []string{"for i in range(2):", "    print(i)", "print('x')"}, false,
			[]string{"for i in range(2):\n    print(i)\n", "print('x')\n"}},
		{"else continues", []string{"if x:", "    a", "else:", "    b", ""}, false,
			[]string{"if x:\n    a\nelse:\n    b\n"}},
		{"open bracket", []string{"d = {", "'a': 1,", "}", "d"}, false, []string{"d = {\n'a': 1,\n}\n", "d\n"}},
		{"triple quote", []string{"s = '''a", "", "b'''"}, false, []string{"s = '''a\n\nb'''\n"}},
		{"colon in string is not a block", []string{"print('a:')", "x"}, false, []string{"print('a:')\n", "x\n"}},
	}
	for _, c := range cases {
		var ch chunker
		var got []string
		lines := append([]string(nil), c.lines...)
		for len(lines) > 0 || ch.hasPend {
			line, ok := ch.takePending()
			if !ok {
				line, lines = lines[0], lines[1:]
			}
			if chunk, done := ch.add(line, c.interactive); done {
				got = append(got, chunk)
			}
		}
		if ch.inBlock() {
			got = append(got, ch.flush())
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestCompleter(t *testing.T) {
	in := runtime.New(nil)
	s := NewSession(in)
	s.globals["sensor"] = starlark.String("x")
	mod := &runtime.ModuleValue{Name: "sim", Members: starlark.StringDict{
		"getStatus": starlark.None, "getImsi": starlark.None, "verifyPin": starlark.None,
	}}
	s.globals["sim"] = mod
	c := &completer{s: s}
	check := func(line string, want ...string) {
		t.Helper()
		got, _ := c.Do([]rune(line), len([]rune(line)))
		var gs []string
		for _, g := range got {
			gs = append(gs, string(g))
		}
		if !reflect.DeepEqual(gs, want) {
			t.Errorf("complete %q = %q, want %q", line, gs, want)
		}
	}
	check("sim.get", "Imsi", "Status")
	check("x = sen", "sor")
	check("whi", "le")
}

func TestPipedSessionEchoesAndContinuesAfterErrors(t *testing.T) {
	env := runtime.NewEnv()
	var out, errb bytes.Buffer
	env.Stdout, env.Stderr = &out, &errb
	in := runtime.New(env)
	input := "x = 2\nx * 21\nNone\nfail('oops')\ndef f(a):\n    return (a,)\nf(1)\n"
	code := Run(in, Options{Stdin: strings.NewReader(input), Stdout: &out, Stderr: &errb})
	if code != 1 {
		t.Errorf("exit code %d, want 1 after an error", code)
	}
	if got, want := out.String(), "42\n(1,)\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
	if !strings.Contains(errb.String(), "oops") {
		t.Errorf("stderr %q lacks the error", errb.String())
	}
}

// A session pasted from a doc, prompts and printed results included, runs
// its prompted lines only.
func TestPipedTranscript(t *testing.T) {
	env := runtime.NewEnv()
	var out, errb bytes.Buffer
	env.Stdout, env.Stderr = &out, &errb
	in := runtime.New(env)
	input := ">>> x = 20\n>>> x + 1\n21\n>>> def f(a):\n...     return a * 2\n... \n>>> f(x)\n40\n"
	if code := Run(in, Options{Stdin: strings.NewReader(input), Stdout: &out, Stderr: &errb}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if got := out.String(); got != "21\n40\n" {
		t.Fatalf("stdout %q", got)
	}
}

func TestStripPrompt(t *testing.T) {
	for _, c := range []struct{ in, code string }{
		{">>> import sim", "import sim"}, {"...     return 1", "    return 1"}, {"...", ""},
		{">>>", ""}, {"x = 1", "x = 1"}, {">>>x", ">>>x"}, {"  >>> sim.getStatus()", "sim.getStatus()"},
		{"    return 1", "    return 1"},
	} {
		if got, _ := stripPrompt(c.in); got != c.code {
			t.Errorf("stripPrompt(%q) = %q, want %q", c.in, got, c.code)
		}
	}
}

// As in Python, a function reads module names when it runs: it sees a
// later rebinding, may call what a later statement defines, and an
// undefined name is a NameError at call time, not at definition.
func TestFunctionsReadGlobalsWhenTheyRun(t *testing.T) {
	env := runtime.NewEnv()
	var out, errb bytes.Buffer
	env.Stdout, env.Stderr = &out, &errb
	in := runtime.New(env)
	input := "g = 1\ndef f():\n    return g\n\ng = 2\nf()\ndef h():\n    return k()\n\ndef k():\n    return 5\n\nh()\n" +
		"def cb(topic, data):\n    print(msg)\n\nprint('defined')\ncb(1, 2)\n"
	code := Run(in, Options{Stdin: strings.NewReader(input), Stdout: &out, Stderr: &errb})
	if got := out.String(); got != "2\n5\ndefined\n" {
		t.Fatalf("stdout %q; stderr %s", got, errb.String())
	}
	if code != 1 || !strings.Contains(errb.String(), "NameError: name 'msg' is not defined") {
		t.Fatalf("exit %d; stderr %s", code, errb.String())
	}
}
