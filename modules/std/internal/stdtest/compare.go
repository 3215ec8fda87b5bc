package stdtest

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// CompareWithPython evaluates each expression in qstar (after the load
// lines in prelude) and in CPython (after pyPrelude), printing repr() of
// each, and reports every line that differs.
func CompareWithPython(t *testing.T, prelude, pyPrelude string, exprs []string) {
	t.Helper()
	var star, py strings.Builder
	star.WriteString(prelude + "\n")
	py.WriteString(pyPrelude + "\n")
	for _, e := range exprs {
		star.WriteString("print(repr(" + e + "))\n")
		py.WriteString("print(repr(" + e + "))\n")
	}
	want := Lines(runtimetest.Python(t, py.String(), ""))
	got := Lines(MustRun(t, star.String(), nil))
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d\ngot:\n%s\nwant:\n%s", len(got), len(want), strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i, e := range exprs {
		if got[i] != want[i] {
			t.Errorf("%s\n  qstar:   %s\n  CPython: %s", e, got[i], want[i])
		}
	}
}

// CompareErrors runs each statement alone in qstar and in CPython and
// checks that both fail with the same final "Type: message" line.
func CompareErrors(t *testing.T, prelude, pyPrelude string, stmts []string, errLine func(error) string) {
	t.Helper()
	var py strings.Builder
	py.WriteString(pyPrelude + "\n")
	for _, s := range stmts {
		py.WriteString("try:\n    " + s + "\n    print('no error')\nexcept Exception as e:\n    print(type(e).__name__ + ': ' + str(e))\n")
	}
	want := Lines(runtimetest.Python(t, py.String(), ""))
	for i, s := range stmts {
		_, err := Run(t, prelude+"\n"+s+"\n", nil)
		got := "no error"
		if err != nil {
			got = errLine(err)
		}
		if got != want[i] {
			t.Errorf("%s\n  qstar:   %s\n  CPython: %s", s, got, want[i])
		}
	}
}
