package urllib

import (
	"strconv"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/ntuple"
	"github.com/qstar-dev/qstar/runtime/exc"
)

const schemeChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-."

var usesParams = set("", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp", "rtsp", "rtspu", "sip", "sips", "mms", "sftp", "tel")

var usesNetloc = set("", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file", "mms", "https", "shttp",
	"snews", "prospero", "rtsp", "rtspu", "rsync", "svn", "svn+ssh", "sftp", "nfs", "git", "git+ssh", "ws", "wss")

func set(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

// Split is urlsplit: scheme, netloc, path, query, fragment.
func Split(url, scheme string, allowFragments bool) ([5]string, error) {
	url = strings.TrimLeft(url, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	url = strings.NewReplacer("\t", "", "\r", "", "\n", "").Replace(url)
	var netloc, query, fragment string
	if i := strings.IndexByte(url, ':'); i > 0 && isAlpha(url[0]) && strings.Trim(url[:i], schemeChars) == "" {
		scheme, url = strings.ToLower(url[:i]), url[i+1:]
	}
	if strings.HasPrefix(url, "//") {
		end := len(url)
		if i := strings.IndexAny(url[2:], "/?#"); i >= 0 {
			end = i + 2
		}
		netloc, url = url[2:end], url[end:]
		if strings.Contains(netloc, "[") != strings.Contains(netloc, "]") {
			return [5]string{}, exc.ValueError("Invalid IPv6 URL")
		}
	}
	if allowFragments {
		url, fragment, _ = strings.Cut(url, "#")
	}
	url, query, _ = strings.Cut(url, "?")
	return [5]string{scheme, netloc, url, query, fragment}, nil
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// Parse is urlparse: urlsplit plus ;params on the last path segment.
func Parse(url, scheme string, allowFragments bool) ([6]string, error) {
	s, err := Split(url, scheme, allowFragments)
	if err != nil {
		return [6]string{}, err
	}
	path, params := s[2], ""
	if usesParams[s[0]] && strings.Contains(path, ";") {
		from := 0
		if i := strings.LastIndexByte(path, '/'); i >= 0 {
			from = i
		}
		if i := strings.IndexByte(path[from:], ';'); i >= 0 {
			path, params = path[:from+i], path[from+i+1:]
		}
	}
	return [6]string{s[0], s[1], path, params, s[3], s[4]}, nil
}

// Unsplit is urlunsplit.
func Unsplit(scheme, netloc, url, query, fragment string) string {
	if netloc != "" || (scheme != "" && usesNetloc[scheme] && !strings.HasPrefix(url, "//")) {
		if url != "" && url[0] != '/' {
			url = "/" + url
		}
		url = "//" + netloc + url
	}
	if scheme != "" {
		url = scheme + ":" + url
	}
	if query != "" {
		url += "?" + query
	}
	if fragment != "" {
		url += "#" + fragment
	}
	return url
}

// Unparse is urlunparse.
func Unparse(p [6]string) string {
	url := p[2]
	if p[3] != "" {
		url += ";" + p[3]
	}
	return Unsplit(p[0], p[1], url, p[4], p[5])
}

var (
	parseFields = []string{"scheme", "netloc", "path", "params", "query", "fragment"}
	splitFields = []string{"scheme", "netloc", "path", "query", "fragment"}
)

// result builds ParseResult / SplitResult with CPython's derived attributes.
func result(typeName string, fields, parts []string) *ntuple.Tuple {
	items := make([]starlark.Value, len(parts))
	for i, p := range parts {
		items[i] = starlark.String(p)
	}
	t := ntuple.New(typeName, fields, items...)
	netloc := parts[1]
	userinfo, hostinfo, hasAt := cutLast(netloc, "@")
	if !hasAt {
		userinfo, hostinfo = "", netloc
	}
	user, pass, hasPass := strings.Cut(userinfo, ":")
	var host, port string
	if _, bracketed, ok := strings.Cut(hostinfo, "["); ok {
		var rest string
		host, rest, _ = strings.Cut(bracketed, "]")
		_, port, _ = strings.Cut(rest, ":")
	} else {
		host, port, _ = strings.Cut(hostinfo, ":")
	}
	optional := func(s string, present bool) starlark.Value {
		if !present {
			return starlark.None
		}
		return starlark.String(s)
	}
	t.Extra = starlark.StringDict{
		"username": optional(user, hasAt),
		"password": optional(pass, hasAt && hasPass),
		"hostname": optional(strings.ToLower(host), host != ""),
	}
	t.Lazy = map[string]func() (starlark.Value, error){
		"port": func() (starlark.Value, error) {
			if port == "" {
				return starlark.None, nil
			}
			if strings.Trim(port, "0123456789") != "" {
				return nil, exc.ValueError("Port could not be cast to integer value as %s", quoteRepr(port))
			}
			n, err := strconv.Atoi(port)
			if err != nil || n > 65535 {
				return nil, exc.ValueError("Port out of range 0-65535")
			}
			return starlark.MakeInt(n), nil
		},
		"geturl": func() (starlark.Value, error) {
			return starlark.NewBuiltin("geturl", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
				if len(parts) == 6 {
					return starlark.String(Unparse([6]string(parts))), nil
				}
				return starlark.String(Unsplit(parts[0], parts[1], parts[2], parts[3], parts[4])), nil
			}), nil
		},
	}
	return t
}

func quoteRepr(s string) string { return "'" + strings.ReplaceAll(s, "'", `\'`) + "'" }

func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// ParseQSL is parse_qsl.
func ParseQSL(qs string, keepBlank, strict bool, sep string) ([][2]string, error) {
	var out [][2]string
	for _, nv := range strings.Split(qs, sep) {
		if nv == "" && !strict {
			continue
		}
		name, value, ok := strings.Cut(nv, "=")
		if !ok {
			if strict {
				return nil, exc.ValueError("bad query field: %s", quoteRepr(nv))
			}
			if !keepBlank {
				continue
			}
		}
		if value != "" || keepBlank {
			out = append(out, [2]string{
				Unquote(strings.ReplaceAll(name, "+", " ")),
				Unquote(strings.ReplaceAll(value, "+", " ")),
			})
		}
	}
	return out, nil
}
