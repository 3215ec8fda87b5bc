package runtime

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// printTo is print(..., file=f): the text goes to f.write, as in CPython
// (an open file, sys.stderr, any object with write).
func printTo(t *starlark.Thread, file starlark.Value, text string) error {
	var write starlark.Value
	if ha, ok := file.(starlark.HasAttrs); ok {
		write, _ = ha.Attr("write")
	}
	if write == nil {
		return exc.New("AttributeError", "'%s' object has no attribute 'write'", file.Type())
	}
	_, err := starlark.Call(t, write, starlark.Tuple{starlark.String(text)}, nil)
	return err
}
