package urandom_test

import "github.com/qstar-dev/qstar/runtime"

var errLine = runtime.ErrorLine
