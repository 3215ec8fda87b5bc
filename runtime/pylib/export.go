package pylib

import "go.starlark.net/starlark"

// Exports for Go modules that build on Python semantics.

// NewByteArray returns a bytearray holding b (not copied).
func NewByteArray(b []byte) *ByteArray { return &ByteArray{b: b} }

// Bytes returns the bytearray's contents; writes through it change the
// bytearray, as a buffer does in Python (struct.pack_into).
func (a *ByteArray) Bytes() []byte { return a.b }

// ExceptionClass returns the exception class a module raises under name,
// such as "queue.Empty" or "struct.error" (a subclass of Exception): a Go
// error *exc.Error{Type: name} is caught by `except <that class>`.
func ExceptionClass(name string) starlark.Value { return builtinClass(name) }

// shortName is a class's __name__: "error" for the module class "re.error".
func shortName(name string) string {
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '.' {
			return name[i+1:]
		}
	}
	return name
}

// Percent is Python's `format % arg` (arg a tuple, a dict or one value).
func Percent(format string, arg starlark.Value) (string, error) { return pyPercent(format, arg) }

// ExceptionOf is the exception instance a script's `except ... as e` sees
// for err (the raised instance itself when err came from raise).
func ExceptionOf(err error) starlark.Value { return errToInstance(err) }

// GetAttr is getattr(x, name) with Python's attributes of built-in values
// ((3).real, str methods) and AttributeError.
func GetAttr(x starlark.Value, name string) (starlark.Value, error) { return getAttr(x, name) }
