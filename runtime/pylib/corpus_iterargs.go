package pylib

import "go.starlark.net/starlark"

// textIterArgs lets the iterable-draining builtins (list, sorted, sum,
// map, ...) take a str (its characters) or bytes (its ints), as Python's
// do: Starlark's own reject them.
func textIterArgs(name string, args starlark.Tuple) starlark.Tuple {
	first, last := 0, 1
	switch name {
	case "map", "filter":
		first, last = 1, len(args)
	case "join", "_join": // _join(sep, iterable): the separator stays a str
		if len(args) == 0 {
			return args
		}
		if _, isSep := args[0].(starlark.String); !isSep {
			return args // x.join(...) of another receiver: os.path.join
		}
		first, last = 1, 2
	case "min", "max":
		if len(args) != 1 {
			return args
		}
	case "dict":
		return args
	}
	var out starlark.Tuple
	for i := first; i < last && i < len(args); i++ {
		switch args[i].(type) {
		case starlark.String, starlark.Bytes, *ByteArray:
			if out == nil {
				out = append(starlark.Tuple(nil), args...)
			}
			it, _ := toIterator(nil, args[i])
			out[i] = it
		}
	}
	if out == nil {
		return args
	}
	return out
}

// dropNoneKey removes key=None, which Python's sorted/min/max/sort take
// as "no key" and Starlark's reject.
func dropNoneKey(kwargs []starlark.Tuple) []starlark.Tuple {
	for i, kv := range kwargs {
		if k, _ := starlark.AsString(kv[0]); k == "key" && kv[1] == starlark.None {
			return append(append([]starlark.Tuple(nil), kwargs[:i]...), kwargs[i+1:]...)
		}
	}
	return kwargs
}
