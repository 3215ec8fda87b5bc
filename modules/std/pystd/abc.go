package pystd

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{Name: "abc", Doc: "ABC base class and abstractmethod (abstract methods are not enforced)", New: newABC})
}

var abcClass = pylib.NewPlainClass("ABC")

func newABC(*runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"ABC":                  abcClass,
		"ABCMeta":              abcClass,
		"abstractmethod":       starlark.NewBuiltin("abstractmethod", passThrough),
		"abstractclassmethod":  starlark.NewBuiltin("abstractclassmethod", passThrough),
		"abstractstaticmethod": starlark.NewBuiltin("abstractstaticmethod", passThrough),
		"abstractproperty":     starlark.NewBuiltin("abstractproperty", passThrough),
	}, nil
}
