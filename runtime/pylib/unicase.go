package pylib

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"go.starlark.net/starlark"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// str's case methods with Unicode's full case mappings, as CPython has
// them: "ß".upper() is "SS", "ΟΔΟΣ".lower() ends in a final sigma,
// "ﬁ".title() is "Fi" (Go's strings.ToUpper maps one rune to one rune).

func init() {
	for _, n := range []string{"title", "capitalize", "rfind", "rindex"} {
		MethodShims[n] = true
	}
}

var (
	upperCaser = cases.Upper(language.Und)
	lowerCaser = cases.Lower(language.Und)
	titleCaser = cases.Title(language.Und, cases.NoLower)
	folder     = cases.Fold()
)

// strCaseMethod handles upper, lower, casefold, swapcase, title,
// capitalize and the code-point find family; ok is false for other names.
func strCaseMethod(name, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, bool, error) {
	var out string
	switch name {
	case "upper", "lower", "casefold", "swapcase", "title", "capitalize":
		if err := noArgs(name, args, kwargs); err != nil {
			return nil, true, err
		}
	case "find", "rfind", "index", "rindex":
		if isASCII(s) {
			return nil, false, nil // Starlark's byte offsets are code points here
		}
		v, err := runeFind(name, s, args, kwargs)
		return v, true, err
	default:
		return nil, false, nil
	}
	switch name {
	case "upper":
		out = upperCaser.String(s)
	case "lower":
		out = lowerCaser.String(s)
	case "casefold":
		out = folder.String(s)
	case "swapcase":
		out = swapcase(s)
	case "title":
		out = pyTitle(s)
	case "capitalize":
		out = capitalize(s)
	}
	return starlark.String(out), true, nil
}

// mapRune is one character's full mapping by caser.
func mapRune(c cases.Caser, r rune) string { return c.String(string(r)) }

// Unicode's Uppercase and Lowercase properties (Lu/Ll and the Other_
// ones: Roman numerals, modifier letters), as CPython's isupper uses.
func isUpper(r rune) bool { return unicode.IsUpper(r) || unicode.Is(unicode.Other_Uppercase, r) }
func isLower(r rune) bool { return unicode.IsLower(r) || unicode.Is(unicode.Other_Lowercase, r) }

// isCased is Unicode's Cased property, which str.title() steps on.
func isCased(r rune) bool { return isUpper(r) || isLower(r) || unicode.IsTitle(r) }

// caseIgnorable approximates Unicode's Case_Ignorable (marks, format
// characters, modifiers and the apostrophes), for the final sigma rule.
func caseIgnorable(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk) || strings.ContainsRune("'.:^`\u00b7\u2019", r)
}

// lowerAt is runes[i] lower-cased, Σ as ς at the end of a word
// (CPython's Final_Sigma: a cased letter before, none after).
func lowerAt(runes []rune, i int) string {
	if runes[i] != 'Σ' {
		return mapRune(lowerCaser, runes[i])
	}
	before, after := false, false
	for j := i - 1; j >= 0; j-- {
		if !caseIgnorable(runes[j]) {
			before = isCased(runes[j])
			break
		}
	}
	for j := i + 1; j < len(runes); j++ {
		if !caseIgnorable(runes[j]) {
			after = isCased(runes[j])
			break
		}
	}
	if before && !after {
		return "ς"
	}
	return "σ"
}

func swapcase(s string) string {
	var b strings.Builder
	runes := []rune(s)
	for i, r := range runes {
		switch {
		case isUpper(r):
			b.WriteString(lowerAt(runes, i))
		case isLower(r):
			b.WriteString(mapRune(upperCaser, r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pyTitle is str.title(): a cased character after an uncased one is
// title-cased, one after a cased one lower-cased ("they're" -> "They'Re").
func pyTitle(s string) string {
	var b strings.Builder
	prevCased := false
	runes := []rune(s)
	for i, r := range runes {
		if prevCased {
			b.WriteString(lowerAt(runes, i))
		} else {
			b.WriteString(mapRune(titleCaser, r))
		}
		prevCased = isCased(r)
	}
	return b.String()
}

// capitalize title-cases the first character and lower-cases the rest.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return mapRune(titleCaser, r) + lowerCaser.String(s[n:])
}

// runeFind is find/rfind/index/rindex(sub, start, end) in code points.
func runeFind(name, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var sub string
	var start, end starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &sub, &start, &end); err != nil {
		return nil, err
	}
	runes := []rune(s)
	lo, hi, err := sliceBounds(len(runes), start, end)
	if err != nil {
		return nil, err
	}
	i := -1
	if lo <= hi {
		part := string(runes[lo:hi])
		var at int
		if name == "find" || name == "index" {
			at = strings.Index(part, sub)
		} else {
			at = strings.LastIndex(part, sub)
		}
		if at >= 0 {
			i = lo + utf8.RuneCountInString(part[:at])
		}
	}
	if i < 0 && (name == "index" || name == "rindex") {
		return nil, exc.ValueError("substring not found")
	}
	return starlark.MakeInt(i), nil
}

// sliceBounds clamps Python's optional start and end to [0, n].
func sliceBounds(n int, start, end starlark.Value) (int, int, error) {
	clamp := func(v starlark.Value, dflt int) (int, error) {
		if v == starlark.None {
			return dflt, nil
		}
		i, err := starlark.AsInt32(v)
		if err != nil {
			return 0, err
		}
		if i < 0 {
			i += n
		}
		return min(max(i, 0), n), nil
	}
	lo, err := clamp(start, 0)
	if err != nil {
		return 0, 0, err
	}
	hi, err := clamp(end, n)
	return lo, hi, err
}
