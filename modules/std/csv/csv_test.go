package csv_test

import (
	"testing"

	_ "github.com/qstar-dev/qstar/modules/std/csv"
	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	_ "github.com/qstar-dev/qstar/modules/std/uio"
)

// Each testdata script prints what the module returns for ordinary and
// bad input; qstar must print what CPython prints.
func TestCsvLikeCPython(t *testing.T) {
	stdtest.SamePyOutputFiles(t, "testdata/*.py")
}
