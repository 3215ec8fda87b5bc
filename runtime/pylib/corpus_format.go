package pylib

import (
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// expandNestedSpec fills the {fields} of a format spec ("{:{w}.{p}f}"),
// numbering automatic fields on from the outer one, as str.format does.
func expandNestedSpec(spec string, args starlark.Tuple, kw map[string]starlark.Value, auto *int, manual *bool) (string, error) {
	var sb strings.Builder
	for i := 0; i < len(spec); i++ {
		if spec[i] != '{' {
			sb.WriteByte(spec[i])
			continue
		}
		j := strings.IndexByte(spec[i:], '}')
		if j < 0 {
			return "", exc.ValueError("unmatched '{' in format spec")
		}
		name := spec[i+1 : i+j]
		i += j
		v, err := lookupField(name, args, kw, auto, manual)
		if err != nil {
			return "", err
		}
		sb.WriteString(pyrepr.Str(v))
	}
	return sb.String(), nil
}
