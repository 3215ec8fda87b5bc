package pystd

import (
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
)

func init() {
	runtime.Register(runtime.Module{Name: "string", Doc: "character-class constants (ascii_letters, digits, ...) and capwords", New: newString})
}

const (
	lower       = "abcdefghijklmnopqrstuvwxyz"
	upper       = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digits      = "0123456789"
	punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
	whitespace  = " \t\n\r\x0b\x0c"
)

func newString(*runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"ascii_lowercase": starlark.String(lower),
		"ascii_uppercase": starlark.String(upper),
		"ascii_letters":   starlark.String(lower + upper),
		"digits":          starlark.String(digits),
		"hexdigits":       starlark.String(digits + "abcdefABCDEF"),
		"octdigits":       starlark.String("01234567"),
		"punctuation":     starlark.String(punctuation),
		"whitespace":      starlark.String(whitespace),
		"printable":       starlark.String(digits + lower + upper + punctuation + whitespace),
		"capwords":        starlark.NewBuiltin("capwords", capwords),
		"Template":        starlark.NewBuiltin("Template", newTemplate),
	}, nil
}

// capwords(s, sep=None): split, capitalize each word, join.
func capwords(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var s string
	var sep starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs("capwords", args, kwargs, 1, &s, &sep); err != nil {
		return nil, err
	}
	var words []string
	join := " "
	if sepStr, ok := sep.(starlark.String); ok {
		join = string(sepStr)
		words = strings.Split(s, join)
	} else {
		words = strings.Fields(s)
	}
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + strings.ToLower(w[1:])
		}
	}
	return starlark.String(strings.Join(words, join)), nil
}
