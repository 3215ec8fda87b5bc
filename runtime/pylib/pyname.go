package pylib

import (
	"strings"
	"sync"

	"go.starlark.net/starlark"
)

// Python names the translated code cannot spell as they are. Starlark
// reserves `load`; and a script's own `_format`, `_get` or `_items` (a
// private method, a helper function) would capture the translator's calls
// to its helpers of those names. The translator spells every such name
// with a trailing underscore (Mangle: _get -> _get_, load -> load_);
// objects store and find attributes by the Python name (Unmangle), so
// getattr(obj, "_get"), obj.__dict__, __slots__ and a class body's
// `def _get` agree.

// helperSource is Builtins, set in init so that helperNames does not
// depend on the builtins at package initialisation.
var helperSource func() starlark.StringDict

func init() { helperSource = Builtins }

// runtimeHelpers are helper names the runtime adds to pylib's; _g and _l
// are the module and function namespaces the translator makes.
var runtimeHelpers = []string{"_import", "_doc_of", "_g", "_l"}

var helperNames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{"load": true}
	for k := range helperSource() {
		if strings.HasPrefix(k, "_") && !strings.HasPrefix(k, "__") {
			m[k] = true
		}
	}
	for _, k := range runtimeHelpers {
		m[k] = true
	}
	return m
})

// IsReservedName reports whether the translator renames the Python
// identifier name: `load`, or the name of one of its helpers.
func IsReservedName(name string) bool {
	return len(name) > 0 && (name[0] == '_' || name == "load") && helperNames()[name]
}

// Mangle is the Starlark spelling of a Python identifier.
func Mangle(name string) string {
	if IsReservedName(name) {
		return name + "_"
	}
	return name
}

// Unmangle is the Python name of a Starlark identifier Mangle made.
func Unmangle(name string) string {
	n := len(name)
	if n < 2 || name[n-1] != '_' || name[n-2] == '_' {
		return name // most names; dunders end in "__"
	}
	if base := name[:n-1]; IsReservedName(base) {
		return base
	}
	return name
}
