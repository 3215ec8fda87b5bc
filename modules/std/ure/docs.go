package ure

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of re (ure), for help(), __doc__ and `qstar stubs`;
// TestDocsMatchBinders keeps them honest.
func init() {
	docs := map[string]string{
		"compile":   "compile(pattern, flags=0)\nA compiled Pattern: match, search, fullmatch, findall, finditer, sub, subn, split.",
		"escape":    "escape(pattern)\npattern with every regex special character backslash-escaped.",
		"purge":     "purge()\nClear the cache of compiled patterns.",
		"match":     "match(pattern, string, flags=0)\nA Match when pattern matches at the start of string, else None.",
		"search":    "search(pattern, string, flags=0)\nA Match for the first place pattern matches in string, else None.",
		"fullmatch": "fullmatch(pattern, string, flags=0)\nA Match when pattern matches all of string, else None.",
		"findall":   "findall(pattern, string, flags=0)\nEvery non-overlapping match: strings, or tuples of groups when the pattern has several.",
		"finditer":  "finditer(pattern, string, flags=0)\nAn iterator of Match objects for every non-overlapping match.",
		"sub":       "sub(pattern, repl, string, count=0, flags=0)\nstring with matches replaced by repl (a template with \\1, \\g<name>, or a function of the Match).",
		"subn":      "subn(pattern, repl, string, count=0, flags=0)\n(new string, number of replacements), as sub.",
		"split":     "split(pattern, string, maxsplit=0, flags=0)\nstring split where pattern matches (with the groups, when it has any).",
		"error":     "error(msg, pattern=None, pos=None)\nRaised for a pattern that does not compile.",
		"Pattern":   "Pattern\nThe type of compiled patterns (from compile()).",
		"Match":     "Match\nThe type of match results: group(), groups(), groupdict(), start(), end(), span().",
		"NOFLAG":    "NOFLAG\n0: no flags.",
		"DEBUG":     "DEBUG\nAccepted and ignored (CPython prints the compiled pattern).",
	}
	for _, f := range []struct{ long, short, what string }{
		{"ASCII", "A", "\\w, \\d, \\s and \\b match ASCII only"},
		{"IGNORECASE", "I", "match letters regardless of case"},
		{"LOCALE", "L", "locale-dependent matching (bytes patterns; as CPython, treated as ASCII)"},
		{"MULTILINE", "M", "^ and $ match at each line too"},
		{"DOTALL", "S", ". matches a newline too"},
		{"UNICODE", "U", "Unicode matching (the default for str patterns)"},
		{"VERBOSE", "X", "whitespace and # comments in the pattern are ignored"},
	} {
		docs[f.long] = f.long + "\nFlag: " + f.what + "."
		docs[f.short] = f.short + "\nFlag " + f.long + ": " + f.what + "."
	}
	runtime.RegisterDocs("re", docs)
	runtime.RegisterDocs("ure", docs)
}
