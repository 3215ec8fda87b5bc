package pylib

import (
	"unicode/utf8"

	"go.starlark.net/starlark"
)

// Python's str counts and indexes code points; Starlark's counts bytes.
// len(s) and s[i] follow Python for text that is not ASCII.

func corpusBuiltins(d starlark.StringDict) {
	d["_getslice"] = starlark.NewBuiltin("getslice", getsliceBuiltin) // corpus_slice.go
	d["_method"] = starlark.NewBuiltin("_method", methodValueBuiltin) // corpus_method.go
	d["_fnobj"] = starlark.NewBuiltin("_fnobj", fnObjBuiltin)         // corpus_fnobj.go
	starLen, _ := d["len"].(*starlark.Builtin)                        // pylib's (__len__), else Starlark's
	if starLen == nil {
		starLen = starlark.Universe["len"].(*starlark.Builtin)
	}
	d["len"] = starlark.NewBuiltin("len", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 1 && len(kwargs) == 0 {
			if s, ok := args[0].(starlark.String); ok {
				return starlark.MakeInt(utf8.RuneCountInString(string(s))), nil
			}
		}
		return starLen.CallInternal(t, args, kwargs)
	})
}

// runeIndex is s[k] by code point; ok is false for ASCII text (Starlark's
// own indexing is right there).
func runeIndex(s starlark.String, k starlark.Value) (starlark.Value, bool, error) {
	if sl, ok := k.(*pySlice); ok {
		v, err := applySlice(s, sl)
		return v, true, err
	}
	if isASCII(string(s)) {
		return nil, false, nil
	}
	runes := []rune(string(s))
	i, err := seqIndex(k, len(runes), "string index out of range")
	if err != nil {
		return nil, true, err
	}
	return starlark.String(string(runes[i])), true, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
