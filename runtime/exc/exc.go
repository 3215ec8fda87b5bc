// Package exc gives Go code a Python exception vocabulary.
//
// A builtin that returns an *exc.Error tells the script which Python
// exception it raised (ValueError, OSError, ...), so `except OSError:` in a
// translated .py file can match it and tracebacks end in "OSError: msg".
package exc

import (
	"errors"
	"fmt"
)

// Error is a Python-style exception raised from Go.
type Error struct {
	Type string // Python class name, e.g. "ValueError"
	Msg  string // str(e)
	// Value is an optional script-visible payload (e.g. the original exception object).
	Value any
	// Errno, Strerror and Filename are OSError's attributes (see OSErr);
	// Errno 0 means the error carries none.
	Errno     int
	Strerror  string
	Filename  *string
	Filename2 *string // rename's destination: "[Errno 2] ...: 'a' -> 'b'"
	// Attrs are more attributes of the exception object (string or int
	// values), such as JSONDecodeError's msg, pos, lineno and colno.
	Attrs map[string]any
	// Suggest, if set, gives the name a traceback offers after
	// "Did you mean:" (suggest.go); only tracebacks show it, not str(e).
	Suggest func() string
}

func (e *Error) Error() string {
	if e.Msg == "" {
		return e.Type
	}
	return e.Type + ": " + e.Msg
}

// New returns an exception of the given Python class.
func New(typ, format string, args ...any) *Error {
	return &Error{Type: typ, Msg: fmt.Sprintf(format, args...)}
}

// Common classes.
func ValueError(format string, args ...any) *Error   { return New("ValueError", format, args...) }
func TypeError(format string, args ...any) *Error    { return New("TypeError", format, args...) }
func OSError(format string, args ...any) *Error      { return New("OSError", format, args...) }
func RuntimeError(format string, args ...any) *Error { return New("RuntimeError", format, args...) }
func KeyError(format string, args ...any) *Error     { return New("KeyError", format, args...) }

// As finds an *Error in err's chain.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// parents maps each built-in exception class to its base class.
var parents = map[string]string{
	"Exception":                 "BaseException",
	"SystemExit":                "BaseException",
	"KeyboardInterrupt":         "BaseException",
	"ArithmeticError":           "Exception",
	"AssertionError":            "Exception",
	"AttributeError":            "Exception",
	"EOFError":                  "Exception",
	"ImportError":               "Exception",
	"LookupError":               "Exception",
	"MemoryError":               "Exception",
	"NameError":                 "Exception",
	"OSError":                   "Exception",
	"RuntimeError":              "Exception",
	"StopIteration":             "Exception",
	"TypeError":                 "Exception",
	"ValueError":                "Exception",
	"MQTTException":             "Exception",
	"ZeroDivisionError":         "ArithmeticError",
	"OverflowError":             "ArithmeticError",
	"IndexError":                "LookupError",
	"KeyError":                  "LookupError",
	"ModuleNotFoundError":       "ImportError",
	"NotImplementedError":       "RuntimeError",
	"RecursionError":            "RuntimeError",
	"TimeoutError":              "OSError",
	"ConnectionError":           "OSError",
	"ConnectionRefusedError":    "ConnectionError",
	"ConnectionResetError":      "ConnectionError",
	"UnicodeError":              "ValueError",
	"UnicodeDecodeError":        "UnicodeError",
	"UnicodeEncodeError":        "UnicodeError",
	"UnboundLocalError":         "NameError",
	"FileNotFoundError":         "OSError",
	"PermissionError":           "OSError",
	"GeneratorExit":             "BaseException",
	"StopAsyncIteration":        "Exception",
	"SyntaxError":               "Exception",
	"IndentationError":          "SyntaxError",
	"TabError":                  "IndentationError",
	"SystemError":               "Exception",
	"ReferenceError":            "Exception",
	"BufferError":               "Exception",
	"FloatingPointError":        "ArithmeticError",
	"UnicodeTranslateError":     "UnicodeError",
	"BlockingIOError":           "OSError",
	"ChildProcessError":         "OSError",
	"FileExistsError":           "OSError",
	"InterruptedError":          "OSError",
	"IsADirectoryError":         "OSError",
	"NotADirectoryError":        "OSError",
	"ProcessLookupError":        "OSError",
	"BrokenPipeError":           "ConnectionError",
	"ConnectionAbortedError":    "ConnectionError",
	"Warning":                   "Exception",
	"UserWarning":               "Warning",
	"DeprecationWarning":        "Warning",
	"PendingDeprecationWarning": "Warning",
	"RuntimeWarning":            "Warning",
	"SyntaxWarning":             "Warning",
	"FutureWarning":             "Warning",
	"ImportWarning":             "Warning",
	"UnicodeWarning":            "Warning",
	"BytesWarning":              "Warning",
	"ResourceWarning":           "Warning",
	"UnsupportedOperation":      "OSError",

	// module classes that derive from a built-in one
	"json.decoder.JSONDecodeError": "ValueError",
}

// Classes lists every built-in class name this package knows.
func Classes() []string {
	out := []string{"BaseException"}
	for k := range parents {
		out = append(out, k)
	}
	return out
}

// Known reports whether name is a built-in exception class.
func Known(name string) bool {
	_, ok := parents[name]
	return ok || name == "BaseException"
}

// IsSubclass reports whether class typ is cls or derives from it.
// Unknown classes derive from Exception.
func IsSubclass(typ, cls string) bool {
	for t := typ; t != ""; {
		if t == cls {
			return true
		}
		p, ok := parents[t]
		if !ok && t != "BaseException" {
			p = "Exception"
		}
		t = p
	}
	return false
}

// Base returns the parent class of typ ("" for BaseException).
func Base(typ string) string {
	if p, ok := parents[typ]; ok {
		return p
	}
	if typ == "BaseException" {
		return ""
	}
	return "Exception"
}
