package fractions_test

import (
	"testing"

	_ "github.com/qstar-dev/qstar/modules/std/fractions"
	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	_ "github.com/qstar-dev/qstar/modules/std/pymath"
)

// Each testdata script prints what the module returns for ordinary and
// bad input; qstar must print what CPython prints.
func TestFractionsLikeCPython(t *testing.T) {
	stdtest.SamePyOutputFiles(t, "testdata/*.py")
}
