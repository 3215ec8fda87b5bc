package pystd

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{Name: "types", Doc: "SimpleNamespace", New: func(*runtime.Env) (starlark.StringDict, error) {
		return starlark.StringDict{"SimpleNamespace": pylib.SimpleNamespace()}, nil
	}})
	runtime.RegisterDocs("types", map[string]string{
		"SimpleNamespace": "SimpleNamespace(**kwargs)\nAn object whose attributes are the keyword arguments; prints as namespace(a=1), equal to another with the same attributes.",
	})
}
