package exc

import (
	"errors"
	"strings"
	"syscall"

	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// errnoClass is the OSError subclass CPython raises for an errno.
var errnoClass = map[syscall.Errno]string{
	syscall.ENOENT:       "FileNotFoundError",
	syscall.EEXIST:       "FileExistsError",
	syscall.EISDIR:       "IsADirectoryError",
	syscall.ENOTDIR:      "NotADirectoryError",
	syscall.EACCES:       "PermissionError",
	syscall.EPERM:        "PermissionError",
	syscall.ETIMEDOUT:    "TimeoutError",
	syscall.ECONNREFUSED: "ConnectionRefusedError",
	syscall.ECONNRESET:   "ConnectionResetError",
	syscall.EAGAIN:       "BlockingIOError",
	syscall.EINTR:        "InterruptedError",
}

// OSErr is the OSError CPython raises for errno n on filename (nil: none):
// FileNotFoundError: [Errno 2] No such file or directory: 'x'. Scripts see
// e.errno, e.strerror, e.filename and e.args == (n, strerror).
func OSErr(n syscall.Errno, filename *string) *Error {
	typ, ok := errnoClass[n]
	if !ok {
		typ = "OSError"
	}
	return OSErrMsg(typ, n, Strerror(n), filename)
}

// OSErrMsg is OSErr with a chosen class and message (a PermissionError that
// says which flag grants access).
func OSErrMsg(typ string, n syscall.Errno, strerror string, filename *string) *Error {
	msg := "[Errno " + itoa(int(n)) + "] " + strerror
	if filename != nil {
		msg += ": " + pyrepr.QuoteString(*filename)
	}
	return &Error{Type: typ, Msg: msg, Errno: int(n), Strerror: strerror, Filename: filename}
}

// FromGo turns a Go file or network error into CPython's OSError for
// filename; errors without an errno become a plain OSError with their text.
func FromGo(err error, filename string) error {
	if _, ok := As(err); ok {
		return err
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return OSErr(errno, &filename)
	}
	return OSError("%v", err)
}

// Strerror is C's strerror text with CPython's capital first letter.
func Strerror(n syscall.Errno) string {
	msg := n.Error()
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	return msg
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// WithFilename2 adds rename's destination to an OSError built by OSErr.
func (e *Error) WithFilename2(name string) *Error {
	e.Filename2 = &name
	e.Msg += " -> " + pyrepr.QuoteString(name)
	return e
}
