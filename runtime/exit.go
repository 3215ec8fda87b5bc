package runtime

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// ExitError is returned by sys.exit.
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("SystemExit: %d", e.Code) }

// exitState is the first SystemExit raised off the main script's path (a
// callback, a thread): it ends the whole process, as in the main script.
type exitState struct {
	mu   sync.Mutex
	code int
	set  bool
}

// exitOn reports whether err is a SystemExit; the first one records its
// code and stops every thread, so the process ends with it (connections
// are closed by the host's Env.Close on the way out).
func (in *Interp) exitOn(err error) bool {
	code, ok := ExitCode(err)
	if !ok {
		return false
	}
	in.exit.mu.Lock()
	first := !in.exit.set
	if first {
		in.exit.set, in.exit.code = true, code
	}
	in.exit.mu.Unlock()
	if first {
		if msg := exitMessage(err); msg != "" {
			in.Env.outMu.Lock()
			fmt.Fprintln(in.Env.Stderr, msg)
			in.Env.outMu.Unlock()
		}
		in.CancelAll("SystemExit")
	}
	return true
}

// ExitStatus returns the code of a SystemExit raised in a callback or a
// thread, which ends the process; ok is false if there was none.
func (in *Interp) ExitStatus() (code int, ok bool) {
	in.exit.mu.Lock()
	defer in.exit.mu.Unlock()
	return in.exit.code, in.exit.set
}

// IsCancelled reports whether err comes from a cancelled thread (Ctrl-C,
// SIGTERM, stop_thread, a SystemExit elsewhere): a stop, not a failure.
func IsCancelled(err error) bool {
	if err == nil {
		return false
	}
	if e, ok := exc.As(err); ok {
		return e.Type == "KeyboardInterrupt"
	}
	if _, ok := pendingReason(err); ok {
		return false // an exception raised through cancellation (raise.go)
	}
	return errors.Is(err, ErrCancelled) || strings.Contains(err.Error(), "Starlark computation cancelled")
}

// ExitCode returns the code of a SystemExit inside err, if any: sys.exit(n)
// or `raise SystemExit(n)`; None or no argument is 0, any other non-int 1.
func ExitCode(err error) (int, bool) {
	var e *ExitError
	if errors.As(err, &e) {
		return e.Code, true
	}
	if x, ok := exc.As(err); ok && x.Type == "SystemExit" {
		switch msg := strings.TrimSpace(x.Msg); msg {
		case "", "None":
			return 0, true
		default:
			if n, err := strconv.Atoi(msg); err == nil {
				return n, true
			}
			return 1, true
		}
	}
	return 0, false
}

// exitMessage is what CPython prints for a SystemExit with a non-int
// argument (`sys.exit("bye")` prints bye), else "".
func exitMessage(err error) string {
	var e *ExitError
	if errors.As(err, &e) {
		return ""
	}
	if x, ok := exc.As(err); ok && x.Type == "SystemExit" {
		msg := strings.TrimSpace(x.Msg)
		if _, err := strconv.Atoi(msg); err != nil && msg != "None" {
			return x.Msg
		}
	}
	return ""
}

// ExitMessage is exitMessage for hosts that end on the main script's
// SystemExit.
func ExitMessage(err error) string { return exitMessage(err) }
