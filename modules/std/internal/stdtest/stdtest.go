// Package stdtest runs small scripts through the real runtime for the
// standard modules' tests, and asks CPython for reference answers.
package stdtest

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// Run, MustRun and Output are the shared runtime test helpers.
var (
	Run     = runtimetest.Run
	MustRun = runtimetest.MustRun
)

// Output collects stdout and stderr together.
type Output = runtimetest.Output

// Python runs code with python3 and returns its stdout; the test is skipped
// when python3 is not installed.
func Python(t testing.TB, code string) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	cmd := exec.Command(py, "-c", code)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	return string(out)
}

// Lines splits output into lines without the trailing empty one.
func Lines(s string) []string {
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}
