package urllib_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	"github.com/qstar-dev/qstar/runtime"

	_ "github.com/qstar-dev/qstar/modules/std/urllib"
)

const prelude = `parse = _import("urllib.parse")`
const pyPrelude = `import urllib.parse as parse
class S(str):
    def codepoints(self): return list(self)
parse_unquote = parse.unquote
parse.unquote = lambda *a, **k: S(parse_unquote(*a, **k))`

func TestQuoteMatchesCPython(t *testing.T) {
	stdtest.CompareWithPython(t, prelude, pyPrelude, []string{
		`parse.quote('/a b/c?d=e&f#g~_.-')`,
		`parse.quote('/a b/c', safe='')`,
		`parse.quote('a+b=c&d', safe='+=')`,
		`parse.quote('中文 é')`,
		`parse.quote(b'\x00\xff bytes')`,
		`parse.quote('')`,
		`parse.quote("!*'();:@&=+$,/?#[]")`,
		`parse.quote_plus('a b+c/d')`,
		`parse.quote_plus('a b', safe='/')`,
		`parse.quote_plus('nospace/x')`,
		`parse.unquote('%E4%B8%AD%e6%96%87 %zz %4 %')`,
		`parse.unquote('a+b%20c')`,
		`[ord(c) for c in parse.unquote('%ff%e4%b8x%c3%e0%80').codepoints()]`,
		`parse.unquote_plus('a+b%2Bc')`,
		`parse.unquote(parse.quote('round trip ✓ /?&'))`,
	})
}

func TestURLEncodeMatchesCPython(t *testing.T) {
	stdtest.CompareWithPython(t, prelude, pyPrelude, []string{
		`parse.urlencode({'a': 1, 'b': 'x y', 'c': 'é&=', 'd': True, 'e': None, 'f': 2.5})`,
		`parse.urlencode([('k', 'v1'), ('k', 'v2'), ('sp ace', '/')])`,
		`parse.urlencode({'k': ['a', 'b'], 's': 'str', 'n': 3}, doseq=True)`,
		`parse.urlencode({'k': ['a', 'b']})`,
		`parse.urlencode({'p': '/x y'}, safe='/')`,
		`parse.urlencode({'p': 'x y'}, quote_via=parse.quote)`,
		`parse.urlencode({b'bk': b'b v'})`,
		`parse.urlencode({})`,
	})
}

func TestURLParseMatchesCPython(t *testing.T) {
	urls := []string{
		"https://user:pw@Example.COM:8443/p/a;x=1/b;y=2?q=1&r=2#frag",
		"http://[::1]:80/path",
		"mqtt://broker.local",
		"//host/path?x",
		"/relative/path;p?q#f",
		"mailto:someone@example.com",
		"HTTP://Host.Example/",
		"no-scheme.com/x",
		"  \thttp://host\n/p",
		"file:///etc/hosts",
		"a1+.-:rest",
		"1abc:rest",
	}
	var exprs []string
	for _, u := range urls {
		q := "'" + u + "'"
		q = stringsReplace(q)
		exprs = append(exprs,
			"parse.urlparse("+q+")",
			"parse.urlsplit("+q+")",
			"(parse.urlparse("+q+").hostname, parse.urlparse("+q+").port, parse.urlparse("+q+").username, parse.urlparse("+q+").password)",
			"parse.urlunparse(parse.urlparse("+q+"))",
			"parse.urlsplit("+q+").geturl()",
		)
	}
	exprs = append(exprs,
		"parse.urlparse('http://h/p#f', allow_fragments=False)",
		"parse.urlparse('host/p', scheme='https')",
		"parse.urlunsplit(('https', 'h', 'p', '', ''))",
		"parse.urlparse('http://h:8080/').port",
	)
	stdtest.CompareWithPython(t, prelude, pyPrelude, exprs)
}

func stringsReplace(s string) string {
	out := ""
	for _, r := range s {
		switch r {
		case '\t':
			out += `\t`
		case '\n':
			out += `\n`
		default:
			out += string(r)
		}
	}
	return out
}

func TestParseQSMatchesCPython(t *testing.T) {
	stdtest.CompareWithPython(t, prelude, pyPrelude, []string{
		`parse.parse_qs('a=1&b=2&a=3&c=&d&e=x+y%20z')`,
		`parse.parse_qs('a=1&c=&d', keep_blank_values=True)`,
		`parse.parse_qsl('a=1&b=%E4%B8%AD&&c=')`,
		`parse.parse_qsl('a=1;b=2', separator=';')`,
		`parse.parse_qsl(b'x=1')`, `parse.parse_qs(b'x=1&x=2')`,
	})
}

func TestErrorsMatchCPython(t *testing.T) {
	stdtest.CompareErrors(t, prelude, pyPrelude, []string{
		`parse.urlparse('http://h:99999/').port`,
		`parse.urlparse('http://h:abc/').port`,
		`parse.urlparse('http://[::1/')`,
		`parse.parse_qsl('a=1&b', strict_parsing=True)`,
	}, runtime.ErrorLine)
	_, err := stdtest.Run(t, prelude+"\nparse.quote(5)", nil)
	if err == nil || runtime.ErrorLine(err) != "TypeError: quote() argument 'string' must be bytes or str, not int" {
		t.Errorf("quote(5): %v", err)
	}
}
