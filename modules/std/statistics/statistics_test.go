package statistics_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	_ "github.com/qstar-dev/qstar/modules/std/statistics"
)

// Each testdata script prints what the module returns for ordinary and
// bad input; qstar must print what CPython prints.
func TestStatisticsLikeCPython(t *testing.T) {
	stdtest.SamePyOutputFiles(t, "testdata/*.py")
}
