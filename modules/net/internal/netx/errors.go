// Package netx holds what the net modules (usocket, ussl, request,
// ntptime) share: OSError values with errno, waiting on a connection with
// a timeout while the interpreter lock is released, buffers, and TLS
// settings from QuecPython's ussl keywords.
package netx

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"syscall"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// Errno values scripts compare against (Linux and lwIP agree on these).
const (
	EAGAIN       = syscall.EAGAIN       // 11: non-blocking socket, nothing ready
	ETIMEDOUT    = syscall.ETIMEDOUT    // 110
	ECONNREFUSED = syscall.ECONNREFUSED // 111
	ECONNRESET   = syscall.ECONNRESET   // 104
	ENOTCONN     = syscall.ENOTCONN     // 107
	EBADF        = syscall.EBADF        // 9: the socket is closed
	EINVAL       = syscall.EINVAL       // 22
	EISCONN      = syscall.EISCONN      // 106
	EOPNOTSUPP   = syscall.EOPNOTSUPP   // 95
	EPROTONOSUP  = syscall.EPROTONOSUPPORT
	// EAI_NONAME is getaddrinfo's "Name or service not known"; QuecPython
	// raises OSError(-2) for it, as CPython's socket.gaierror does.
	EAI_NONAME = syscall.Errno(^uintptr(1)) // -2
)

// errnoClass is the OSError subclass CPython raises for an errno; each
// subclass still matches `except OSError`.
var errnoClass = map[syscall.Errno]string{
	syscall.ETIMEDOUT:    "TimeoutError",
	syscall.ECONNREFUSED: "ConnectionRefusedError",
	syscall.ECONNRESET:   "ConnectionResetError",
	syscall.ECONNABORTED: "ConnectionAbortedError",
	syscall.EPIPE:        "BrokenPipeError",
	syscall.EAGAIN:       "BlockingIOError",
}

// Strerror is C's message for n with CPython's capital first letter.
func Strerror(n syscall.Errno) string {
	if n == EAI_NONAME {
		return "Name or service not known"
	}
	msg := n.Error()
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	return msg
}

// Errno is the OSError CPython raises for n: str(e) is
// "[Errno 110] Connection timed out", e.args == (110, 'Connection timed
// out'), e.errno == 110, and the class is TimeoutError (an OSError) where
// CPython picks a subclass. QuecPython raises OSError(110) for the same
// condition, so `except OSError as e: e.args[0] == 110` works as on the
// module.
func Errno(thread *starlark.Thread, n syscall.Errno) error {
	return ErrnoMsg(thread, n, Strerror(n))
}

// ErrnoMsg is Errno with a message of its own (what was being done).
func ErrnoMsg(thread *starlark.Thread, n syscall.Errno, strerror string) error {
	typ := errnoClass[n]
	if typ == "" || !exc.Known(typ) {
		typ = "OSError"
	}
	errno := int(int32(n))
	e := &exc.Error{Type: typ, Msg: fmt.Sprintf("[Errno %d] %s", errno, strerror)}
	if inst := newInstance(thread, typ, errno, strerror); inst != nil {
		e.Value = inst
	}
	return e
}

var (
	classesOnce sync.Once
	classes     starlark.StringDict
)

// newInstance makes the script-visible exception object, so args holds
// the errno as an int (not only the message).
func newInstance(thread *starlark.Thread, typ string, errno int, strerror string) starlark.Value {
	classesOnce.Do(func() { classes = pylib.Builtins() })
	cls, ok := classes[typ]
	if !ok || thread == nil {
		return nil
	}
	v, err := starlark.Call(thread, cls, starlark.Tuple{starlark.MakeInt(errno), starlark.String(strerror)}, nil)
	if err != nil {
		return nil
	}
	if f, ok := v.(starlark.HasSetField); ok {
		_ = f.SetField("errno", starlark.MakeInt(errno))
		_ = f.SetField("strerror", starlark.String(strerror))
	}
	return v
}

// ExceptionClass is the built-in exception class name (socket.timeout is
// TimeoutError), or nil.
func ExceptionClass(name string) starlark.Value {
	classesOnce.Do(func() { classes = pylib.Builtins() })
	return classes[name]
}

// FromGo turns an error from a dial, read or write into the OSError a
// script sees. A timeout is ETIMEDOUT, or EAGAIN for a non-blocking
// socket; a cancelled thread stays runtime.ErrCancelled.
func FromGo(thread *starlark.Thread, err error, nonblocking bool) error {
	if err == nil {
		return nil
	}
	if runtime.IsCancelled(err) {
		return err
	}
	if _, ok := exc.As(err); ok {
		return err
	}
	var dns *net.DNSError
	var errno syscall.Errno
	var cert *tls.CertificateVerificationError
	var unknownCA x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded), errors.Is(err, context.DeadlineExceeded), isTimeout(err):
		if nonblocking {
			return Errno(thread, EAGAIN)
		}
		return Errno(thread, ETIMEDOUT)
	case errors.As(err, &dns):
		return ErrnoMsg(thread, EAI_NONAME, Strerror(EAI_NONAME)+": "+dns.Name)
	case errors.As(err, &cert), errors.As(err, &unknownCA), errors.As(err, &hostErr):
		return exc.OSError("TLS: certificate verify failed: %v", err)
	case errors.As(err, &errno):
		return Errno(thread, errno)
	case errors.Is(err, net.ErrClosed):
		return Errno(thread, EBADF)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return Errno(thread, ECONNRESET)
	}
	var rec tls.RecordHeaderError
	var alert tls.AlertError
	if errors.As(err, &rec) || errors.As(err, &alert) || strings.Contains(err.Error(), "tls:") {
		return exc.OSError("TLS: %v", err)
	}
	return exc.OSError("%v", err)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// WithAttrs is an exception of class typ (str(e) is msg, e.args is args)
// whose object also carries attrs, such as urllib's HTTPError.code.
func WithAttrs(thread *starlark.Thread, typ, msg string, args starlark.Tuple, attrs starlark.StringDict) error {
	if !exc.Known(typ) {
		typ = "OSError"
	}
	e := &exc.Error{Type: typ, Msg: msg}
	classesOnce.Do(func() { classes = pylib.Builtins() })
	if cls, ok := classes[typ]; ok && thread != nil {
		if v, err := starlark.Call(thread, cls, args, nil); err == nil {
			if f, ok := v.(starlark.HasSetField); ok {
				for k, a := range attrs {
					_ = f.SetField(k, a)
				}
			}
			e.Value = v
		}
	}
	return e
}

// Message is str() of the exception err raises: its message without the
// class name.
func Message(err error) string {
	if e, ok := exc.As(err); ok {
		return e.Msg
	}
	return err.Error()
}
