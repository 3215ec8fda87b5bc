package runtime

import (
	"errors"
	"syscall"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// outputError is the Python exception for a failed write to the script's
// stdout (a closed pipe, a closed file): an OSError the script can catch,
// as CPython raises, never a crash.
func outputError(err error) error {
	if err == nil {
		return nil
	}
	var errno syscall.Errno
	switch {
	case errors.Is(err, syscall.EPIPE):
		return exc.New("BrokenPipeError", "[Errno 32] Broken pipe")
	case errors.As(err, &errno):
		return exc.New("OSError", "[Errno %d] %s", int(errno), errno.Error())
	}
	return exc.OSError("%v", err)
}
