package pylib

import "go.starlark.net/starlark"

// stmtHelpers are the run-time halves of the statement translations in
// runtime/pycompat: with, slice assignment and deletion, starred targets,
// unpacking in displays and calls, del of attributes.
func stmtHelpers() starlark.StringDict {
	return starlark.StringDict{
		"_with":         starlark.NewBuiltin("_with", withBuiltin),
		"_setslice":     starlark.NewBuiltin("setslice", setsliceBuiltin),
		"_delslice":     starlark.NewBuiltin("del", delsliceBuiltin),
		"_unpack":       starlark.NewBuiltin("unpack", unpackBuiltin),
		"_unpack_each":  starlark.NewBuiltin("unpack", unpackEachBuiltin),
		"_seq":          starlark.NewBuiltin("unpack", seqBuiltin),
		"_spread_list":  starlark.NewBuiltin("list", spreadListBuiltin),
		"_spread_tuple": starlark.NewBuiltin("tuple", spreadTupleBuiltin),
		"_spread_set":   starlark.NewBuiltin("set", spreadSetBuiltin),
		"_spread_dict":  starlark.NewBuiltin("dict", spreadDictBuiltin),
		"_delattr":      starlark.NewBuiltin("delattr", delattrBuiltin),
	}
}
