package urllib

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of urllib.parse, for help(), __doc__ and `qstar
// stubs`; TestDocsMatchBinders keeps them honest.
func init() {
	qs := "(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8', errors='replace', max_num_fields=None, separator='&')"
	runtime.RegisterDocs("urllib.parse", map[string]string{
		"quote":        "quote(string, safe='/', encoding=None, errors=None)\nstring with every character outside letters, digits, '_.-~' and safe %-escaped (UTF-8).",
		"quote_plus":   "quote_plus(string, safe='', encoding=None, errors=None)\nAs quote, with spaces as '+' (for form values).",
		"unquote":      "unquote(string, encoding='utf-8', errors='replace')\nstring with %xx escapes decoded.",
		"unquote_plus": "unquote_plus(string, encoding='utf-8', errors='replace')\nAs unquote, with '+' as a space.",
		"urlencode":    "urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus)\nA dict or list of pairs as 'k=v&k2=v2' (each value of a sequence its own pair when doseq).",
		"urlparse":     "urlparse(url, scheme='', allow_fragments=True)\nParseResult (scheme, netloc, path, params, query, fragment) with hostname, port, username, password.",
		"urlsplit":     "urlsplit(url, scheme='', allow_fragments=True)\nSplitResult (scheme, netloc, path, query, fragment), as urlparse without params.",
		"urlunparse":   "urlunparse(components, /)\nThe URL of a 6-item urlparse() tuple.",
		"urlunsplit":   "urlunsplit(components, /)\nThe URL of a 5-item urlsplit() tuple.",
		"parse_qs":     "parse_qs" + qs + "\nA query string as a dict of name -> list of values.",
		"parse_qsl":    "parse_qsl" + qs + "\nA query string as a list of (name, value) pairs.",
	})
}
