package pylib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// NewExceptionClass makes an exception class for a Go module (LinkKit's
// StateError, the Azure SDK's IoTHubError): a subclass of the built-in
// exception named base, which scripts catch and subclass like any other.
func NewExceptionClass(name, base string) *Class {
	return &Class{name: name, bases: []*Class{builtinClass(base)}, exc: true, dict: starlark.StringDict{}}
}

// Raise returns the error that raises an instance of c with msg as its
// argument, as `raise C(msg)` in a script would.
func (c *Class) Raise(msg string) error {
	inst := newInstance(c, nil)
	inst.args = starlark.Tuple{starlark.String(msg)}
	return &exc.Error{Type: c.name, Msg: msg, Value: inst}
}

// Subclass makes an exception class deriving from c (IoTHubClientError
// from IoTHubError).
func (c *Class) Subclass(name string) *Class {
	return &Class{name: name, bases: []*Class{c}, exc: c.exc, dict: starlark.StringDict{}}
}
