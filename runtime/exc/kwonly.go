package exc

import "sync"

// go.starlark.net's "function f missing 1 argument (x)" does not say that
// x is keyword-only, and the error no longer holds the function. The
// Python front end notes each def's keyword-only parameters here when it
// translates the def, so the message can read as CPython's ("missing 1
// required keyword-only argument: 'x'"). Keyed by function and parameter
// name: two functions of one name that disagree are worded by the last.
var kwOnly sync.Map // "f\x00x" -> bool

// NoteKeywordOnly records whether parameter param of functions named fn
// is keyword-only.
func NoteKeywordOnly(fn, param string, isKwOnly bool) {
	kwOnly.Store(fn+"\x00"+param, isKwOnly)
}

func isKeywordOnly(fn, param string) bool {
	v, ok := kwOnly.Load(fn + "\x00" + param)
	return ok && v.(bool)
}
