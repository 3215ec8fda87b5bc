package exc

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// starlarkTypes maps Starlark type names in messages to Python's.
var starlarkTypes = map[string]string{"string": "str", "builtin_function_or_method": "builtin_function_or_method"}

func pyType(t string) string {
	if p, ok := starlarkTypes[t]; ok {
		return p
	}
	return t
}

// pyQuote renders a Starlark-quoted string ("k") as Python's repr ('k').
func pyQuote(s string) string {
	u, err := strconv.Unquote(s)
	if err != nil {
		return s
	}
	if strings.Contains(u, "'") && !strings.Contains(u, `"`) {
		return `"` + u + `"`
	}
	return "'" + strings.ReplaceAll(strings.ReplaceAll(u, `\`, `\\`), "'", `\'`) + "'"
}

// lazyRegexp compiles pattern on first use: Classify runs only when a
// script fails, so start-up should not pay for it.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}

var (
	reKey       = lazyRegexp(`^key (.+) not in [A-Za-z_][\w.]*$`) // dict, or a Go module's mapping (SectionProxy)
	reIndex     = lazyRegexp(`^(list|tuple|string|bytes) index -?\d+ out of range`)
	reIntLit    = lazyRegexp(`^int: invalid literal with base (\d+): (.*)$`)
	reFloatLit  = lazyRegexp(`^(?:float: )?invalid float literal: (.*)$`)
	reNoAttr    = lazyRegexp(`^(\w+) has no \.(\w+) field or method`)
	reModAttr   = lazyRegexp(`^(module '[\w.]+' has no attribute '(\w+)')`)
	reSpellHint = lazyRegexp(`\(did you mean \.(\w+)\?\)$`)
	reBinOp     = lazyRegexp(`^unknown binary op: (\w+) (\S+) (\w+)`)
	reUnbound   = lazyRegexp(`^local variable (\w+) referenced before assignment`)
	reGlobal    = lazyRegexp(`^global variable (\w+) referenced before assignment`)
	reNotCall   = lazyRegexp(`^invalid call of non-function \((\w+)\)`)
	reNoLen     = lazyRegexp(`value of type (\w+) has no len`)
	reUnhash    = lazyRegexp(`unhashable type: (\w+)`)
	reNotIter   = lazyRegexp(`got (\w+), want iterable`)
	rePyTypeErr = lazyRegexp(`^(?:[a-z_][\w.]*: )?(\w+(?:Error|Exception)): (.*)$`) // "set: TypeError: ...": a builtin wrapped it
	reCompare   = lazyRegexp(`^(\w+) (<|>|<=|>=) (\w+) not implemented`)
	reUnary     = lazyRegexp(`^unknown unary op: (\S+) (\w+)`)
	reToInt     = lazyRegexp(`^int: cannot convert (\w+) to int`)
	reOrd       = lazyRegexp(`^ord: string encodes (\d+) Unicode code points, want 1`)
	reUnpack    = lazyRegexp(`^too (many|few) values to unpack \(got (\d+), want (\d+)\)`)
	reItemSet   = lazyRegexp(`^(\w+) value does not support item assignment`)
	reDictSeq   = lazyRegexp(`^dict: dictionary update sequence element #(\d+) is not iterable`)
	reFieldSet  = lazyRegexp(`^can't assign to \.(\w+) field of (\w+)`)
)

// Classify maps a Starlark runtime error message to the Python exception a
// CPython user would expect (KeyError for a missing key, ...), with
// CPython's message where one exists, or nil.
func Classify(msg string) *Error {
	if m := rePyTypeErr().FindStringSubmatch(msg); m != nil && Known(m[1]) {
		return &Error{Type: m[1], Msg: m[2]}
	}
	if e := CallError(msg, CallSignature{Required: -1}); e != nil {
		return e
	}
	switch {
	case strings.Contains(msg, "floored division by zero"):
		return &Error{Type: "ZeroDivisionError", Msg: "integer division or modulo by zero"}
	case strings.Contains(msg, "integer modulo by zero"):
		return &Error{Type: "ZeroDivisionError", Msg: "integer modulo by zero"}
	case strings.Contains(msg, "float modulo by zero"):
		return &Error{Type: "ZeroDivisionError", Msg: "float modulo"}
	case strings.Contains(msg, "division by zero") || strings.Contains(msg, "modulo by zero"):
		return &Error{Type: "ZeroDivisionError", Msg: "division by zero"}
	case strings.Contains(msg, "Starlark stack overflow"):
		return &Error{Type: "RecursionError", Msg: "maximum recursion depth exceeded"}
	}
	if e := classifyMore(msg); e != nil {
		return e
	}
	if m := reKey().FindStringSubmatch(msg); m != nil {
		k := m[1]
		if strings.HasPrefix(k, `"`) {
			k = pyQuote(k)
		}
		return &Error{Type: "KeyError", Msg: k}
	}
	if strings.HasSuffix(msg, "pop: missing key") || strings.HasPrefix(msg, "key ") {
		return &Error{Type: "KeyError", Msg: msg}
	}
	if m := reIndex().FindStringSubmatch(msg); m != nil {
		if m[1] == "bytes" {
			return &Error{Type: "IndexError", Msg: "index out of range"}
		}
		return &Error{Type: "IndexError", Msg: m[1] + " index out of range"}
	}
	if strings.Contains(msg, "out of range") {
		return &Error{Type: "IndexError", Msg: msg}
	}
	if m := reIntLit().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "ValueError", Msg: "invalid literal for int() with base " + m[1] + ": " + pyQuote(strconv.Quote(m[2]))}
	}
	if m := reFloatLit().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "ValueError", Msg: "could not convert string to float: " + pyQuote(strconv.Quote(m[1]))}
	}
	if m := reNoAttr().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "AttributeError", Msg: "'" + pyType(m[1]) + "' object has no attribute '" + m[2] + "'", Suggest: spellHint(m[2], msg)}
	}
	if m := reModAttr().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "AttributeError", Msg: m[1], Suggest: spellHint(m[2], msg)}
	}
	if strings.Contains(msg, "no such attribute") || strings.Contains(msg, "has no .") {
		return &Error{Type: "AttributeError", Msg: msg}
	}
	if m := reBinOp().FindStringSubmatch(msg); m != nil {
		x, op, y := pyType(m[1]), m[2], pyType(m[3])
		if op == "+" && x == "bytes" {
			return &Error{Type: "TypeError", Msg: "can't concat " + y + " to bytes"}
		}
		if op == "+" && (x == "str" || x == "list" || x == "tuple" || x == "bytes") {
			return &Error{Type: "TypeError", Msg: `can only concatenate ` + x + ` (not "` + y + `") to ` + x}
		}
		if op == "*" && (isSequence(x) || isSequence(y)) {
			other := x
			if isSequence(x) {
				other = y
			}
			return &Error{Type: "TypeError", Msg: "can't multiply sequence by non-int of type '" + other + "'"}
		}
		return &Error{Type: "TypeError", Msg: "unsupported operand type(s) for " + op + ": '" + x + "' and '" + y + "'"}
	}
	if m := reUnbound().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "UnboundLocalError", Msg: "cannot access local variable '" + m[1] + "' where it is not associated with a value"}
	}
	if m := reGlobal().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "NameError", Msg: "name '" + m[1] + "' is not defined"}
	}
	if m := reNotCall().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "TypeError", Msg: "'" + pyType(m[1]) + "' object is not callable"}
	}
	if m := reNoLen().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "TypeError", Msg: "object of type '" + pyType(m[1]) + "' has no len()"}
	}
	if m := reUnhash().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "TypeError", Msg: "unhashable type: '" + pyType(m[1]) + "'"}
	}
	if m := reNotIter().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "TypeError", Msg: "'" + pyType(m[1]) + "' object is not iterable"}
	}
	switch {
	case strings.Contains(msg, "remove: element not found"):
		return &Error{Type: "ValueError", Msg: "list.remove(x): x not in list"}
	case strings.Contains(msg, "substring not found"):
		return &Error{Type: "ValueError", Msg: "substring not found"}
	case strings.Contains(msg, "value not in list"):
		return &Error{Type: "ValueError", Msg: msg}
	case strings.Contains(msg, "unsupported") || strings.Contains(msg, "got ") && strings.Contains(msg, "want") ||
		strings.Contains(msg, "missing 1 argument") || strings.Contains(msg, "missing argument") ||
		strings.Contains(msg, "positional argument") || strings.Contains(msg, "unexpected keyword"):
		return &Error{Type: "TypeError", Msg: msg}
	case strings.Contains(msg, "invalid literal") || strings.Contains(msg, "invalid syntax"):
		return &Error{Type: "ValueError", Msg: msg}
	case strings.Contains(msg, "referenced before assignment") || strings.Contains(msg, "undefined"):
		return &Error{Type: "NameError", Msg: msg}
	}
	return nil
}

func isSequence(t string) bool {
	return t == "str" || t == "list" || t == "tuple" || t == "bytes"
}

// classifyMore maps comparison, unary, conversion and pop messages.
func classifyMore(msg string) *Error {
	if m := reCompare().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "TypeError", Msg: "'" + m[2] + "' not supported between instances of '" + pyType(m[1]) + "' and '" + pyType(m[3]) + "'"}
	}
	if m := reUnary().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "TypeError", Msg: "bad operand type for unary " + m[1] + ": '" + pyType(m[2]) + "'"}
	}
	if m := reToInt().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "TypeError", Msg: "int() argument must be a string, a bytes-like object or a real number, not '" + pyType(m[1]) + "'"}
	}
	if m := reOrd().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "TypeError", Msg: "ord() expected a character, but string of length " + m[1] + " found"}
	}
	if m := reUnpack().FindStringSubmatch(msg); m != nil {
		if m[1] == "many" {
			return &Error{Type: "ValueError", Msg: "too many values to unpack (expected " + m[3] + ")"}
		}
		return &Error{Type: "ValueError", Msg: "not enough values to unpack (expected " + m[3] + ", got " + m[2] + ")"}
	}
	if m := reItemSet().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "TypeError", Msg: "'" + pyType(m[1]) + "' object does not support item assignment"}
	}
	if m := reFieldSet().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "AttributeError", Msg: "'" + pyType(m[2]) + "' object has no attribute '" + m[1] + "'"}
	}
	switch {
	case strings.HasPrefix(msg, "pop: index") && strings.HasSuffix(msg, "empty list"):
		return &Error{Type: "IndexError", Msg: "pop from empty list"}
	case strings.HasPrefix(msg, "pop: index"):
		return &Error{Type: "IndexError", Msg: "pop index out of range"}
	case strings.HasPrefix(msg, "chr: Unicode code point"):
		return &Error{Type: "ValueError", Msg: "chr() arg not in range(0x110000)"}
	case strings.HasPrefix(msg, "remove: missing key"), strings.HasPrefix(msg, "pop: missing key"):
		return &Error{Type: "KeyError", Msg: msg}
	case strings.HasPrefix(msg, "int: base must be an integer"):
		return &Error{Type: "ValueError", Msg: "int() base must be >= 2 and <= 36, or 0"}
	case strings.HasPrefix(msg, "bytes: at index") && strings.Contains(msg, "out of range"):
		return &Error{Type: "ValueError", Msg: "bytes must be in range(0, 256)"}
	}
	if m := reDictSeq().FindStringSubmatch(msg); m != nil {
		return &Error{Type: "TypeError", Msg: "cannot convert dictionary update sequence element #" + m[1] + " to a sequence"}
	}
	return nil
}

// spellHint is the "Did you mean" (suggest.go) of an AttributeError for
// name from starlark's spelling hint "(did you mean .x?)" in msg, kept
// only when CPython's rule would offer it too.
func spellHint(name, msg string) func() string {
	m := reSpellHint().FindStringSubmatch(msg)
	if m == nil {
		return nil
	}
	return func() string { return Suggest(name, m[1:2]) }
}
