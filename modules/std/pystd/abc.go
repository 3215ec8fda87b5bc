package pystd

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{Name: "abc", Doc: "ABC base class and abstractmethod: a subclass of ABC with abstract methods left cannot be instantiated", New: newABC})
}

var abcClass = pylib.NewABCClass("ABC")

func newABC(*runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"ABC":                  abcClass,
		"ABCMeta":              abcClass,
		"abstractmethod":       starlark.NewBuiltin("abstractmethod", markAbstract),
		"abstractclassmethod":  starlark.NewBuiltin("abstractclassmethod", markAbstract),
		"abstractstaticmethod": starlark.NewBuiltin("abstractstaticmethod", markAbstract),
		"abstractproperty":     starlark.NewBuiltin("abstractproperty", markAbstract),
	}, nil
}

func markAbstract(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &fn); err != nil {
		return nil, err
	}
	return pylib.MarkAbstract(fn), nil
}
