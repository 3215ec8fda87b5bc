package configparser_test

import (
	"testing"

	_ "github.com/qstar-dev/qstar/modules/std/configparser"
	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	_ "github.com/qstar-dev/qstar/modules/std/uio"
)

// Each testdata script prints what the module returns for ordinary and
// bad input; qstar must print what CPython prints.
func TestConfigparserLikeCPython(t *testing.T) {
	stdtest.SamePyOutputFiles(t, "testdata/*.py")
}
