package pylib

import (
	"sync"

	"go.starlark.net/starlark"
)

// pythonMethods are the public methods of the built-in types in CPython,
// so hasattr('5', 'zfill') holds where qstar shims the method. Built on
// first use (not at package init, which every run pays).
var pythonMethods = sync.OnceValue(func() map[string]map[string]bool {
	return map[string]map[string]bool{
		"str":       nameSet("capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find", "format", "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill"),
		"bytes":     nameSet("capitalize", "center", "count", "decode", "endswith", "expandtabs", "find", "fromhex", "hex", "index", "isalnum", "isalpha", "isascii", "isdigit", "islower", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill"),
		"bytearray": nameSet("append", "capitalize", "center", "clear", "copy", "count", "decode", "endswith", "expandtabs", "extend", "find", "fromhex", "hex", "index", "insert", "isalnum", "isalpha", "isascii", "isdigit", "islower", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition", "pop", "remove", "removeprefix", "removesuffix", "replace", "reverse", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill"),
		"list":      nameSet("append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"),
		"dict":      nameSet("clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"),
		"tuple":     nameSet("count", "index"),
		"int":       numberMethods["int"],
		"float":     numberMethods["float"],
		"set":       nameSet("add", "clear", "copy", "difference", "difference_update", "discard", "intersection", "intersection_update", "isdisjoint", "issubset", "issuperset", "pop", "remove", "symmetric_difference", "symmetric_difference_update", "union", "update"),
	}
})

func nameSet(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// hasShim reports whether x's Python type has method name, which the
// translator's shims (or Starlark) provide.
func hasShim(x starlark.Value, name string) bool {
	return pythonMethods()[typeName(x)][name]
}
