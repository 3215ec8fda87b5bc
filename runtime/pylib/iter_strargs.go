package pylib

import "go.starlark.net/starlark"

// Python iterates str (by character) and bytes/bytearray (by int) wherever
// it takes an iterable; Starlark's builtins refuse them. strArgsAsLists
// turns such arguments into lists at the positions where name takes its
// iterables, so sorted('cba'), any('a'), set('ab'), sum(b'ab'),
// map(f, 'ab') behave as in CPython.
func strArgsAsLists(name string, args starlark.Tuple) (starlark.Tuple, error) {
	from, to := iterablePositions(name, len(args))
	var out starlark.Tuple
	for i := from; i < to; i++ {
		switch args[i].(type) {
		case starlark.String, starlark.Bytes, *ByteArray:
		default:
			continue
		}
		vals, err := collectPy(args[i])
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = append(starlark.Tuple(nil), args...)
		}
		out[i] = starlark.NewList(vals)
	}
	if out == nil {
		return args, nil
	}
	return out, nil
}

// iterablePositions is the range of argument indexes that are iterables.
func iterablePositions(name string, n int) (from, to int) {
	switch name {
	case "map", "filter":
		return 1, n
	case "join", "_join": // _join(sep, iterable): the separator stays a str
		return 1, min(n, 2)
	case "min", "max":
		if n != 1 {
			return 0, 0
		}
	case "str", "bytes", "int", "float":
		return 0, 0
	}
	if n == 0 {
		return 0, 0
	}
	return 0, 1
}
