package exc

import "strings"

// Classify maps a Starlark runtime error message to the Python exception a
// CPython user would expect (KeyError for a missing key, ...), or nil.
func Classify(msg string) *Error {
	switch {
	case strings.Contains(msg, "division by zero") || strings.Contains(msg, "modulo by zero"):
		return &Error{Type: "ZeroDivisionError", Msg: "division by zero"}
	case strings.Contains(msg, "not in dict") || strings.HasPrefix(msg, "key "):
		return &Error{Type: "KeyError", Msg: msg}
	case strings.Contains(msg, "out of range"):
		return &Error{Type: "IndexError", Msg: msg}
	case strings.Contains(msg, "has no .") || strings.Contains(msg, "no such attribute"):
		return &Error{Type: "AttributeError", Msg: msg}
	case strings.Contains(msg, "unsupported") || strings.Contains(msg, "got ") && strings.Contains(msg, "want"):
		return &Error{Type: "TypeError", Msg: msg}
	case strings.Contains(msg, "invalid literal") || strings.Contains(msg, "invalid syntax"):
		return &Error{Type: "ValueError", Msg: msg}
	case strings.Contains(msg, "referenced before assignment") || strings.Contains(msg, "undefined"):
		return &Error{Type: "NameError", Msg: msg}
	}
	return nil
}
