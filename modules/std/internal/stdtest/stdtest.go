// Package stdtest runs small scripts through the real runtime for the
// standard modules' tests, and asks CPython for reference answers.
package stdtest

import (
	"strings"

	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// Run, MustRun and Output are the shared runtime test helpers.
var (
	Run     = runtimetest.Run
	MustRun = runtimetest.MustRun
)

// Output collects stdout and stderr together.
type Output = runtimetest.Output

// Lines splits output into lines without the trailing empty one.
func Lines(s string) []string {
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}
