package fsutil

import (
	"regexp"
	"strings"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func newFnmatch(env *runtime.Env) (starlark.StringDict, error) {
	match := func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var name, pat string
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "name", &name, "pat", &pat); err != nil {
			return nil, err
		}
		return starlark.Bool(patternRegexp(pat).MatchString(name)), nil
	}
	d := pyargs.Builtins(map[string]builtinFn{
		"fnmatch":     match,
		"fnmatchcase": match,
		"filter": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var names starlark.Iterable
			var pat string
			if err := starlark.UnpackArgs("filter", args, kwargs, "names", &names, "pat", &pat); err != nil {
				return nil, err
			}
			re := patternRegexp(pat)
			var out []starlark.Value
			it := names.Iterate()
			defer it.Done()
			var x starlark.Value
			for it.Next(&x) {
				if s, ok := starlark.AsString(x); ok && re.MatchString(s) {
					out = append(out, x)
				}
			}
			return starlark.NewList(out), nil
		},
		"translate": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var pat string
			if err := starlark.UnpackPositionalArgs("translate", args, kwargs, 1, &pat); err != nil {
				return nil, err
			}
			return starlark.String(translate(pat)), nil
		},
	})
	return d, nil
}

var patternCache sync.Map // pattern -> *regexp.Regexp

// patternRegexp compiles a shell pattern, once.
func patternRegexp(pat string) *regexp.Regexp {
	if re, ok := patternCache.Load(pat); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile(translate(pat))
	patternCache.Store(pat, re)
	return re
}

// translate is fnmatch.translate: * any text, ? one character, [seq] and
// [!seq] classes; an unclosed [ is literal.
func translate(pat string) string {
	var sb strings.Builder
	sb.WriteString(`\A(?s:`)
	rs := []rune(pat)
	for i := 0; i < len(rs); i++ {
		switch c := rs[i]; c {
		case '*':
			sb.WriteString(".*")
		case '?':
			sb.WriteString(".")
		case '[':
			j := i + 1
			if j < len(rs) && rs[j] == '!' {
				j++
			}
			if j < len(rs) && rs[j] == ']' {
				j++
			}
			for j < len(rs) && rs[j] != ']' {
				j++
			}
			if j >= len(rs) {
				sb.WriteString(`\[`)
				continue
			}
			body := string(rs[i+1 : j])
			body = strings.ReplaceAll(body, `\`, `\\`)
			if strings.HasPrefix(body, "!") {
				body = "^" + body[1:]
			} else if strings.HasPrefix(body, "^") {
				body = `\` + body
			}
			sb.WriteString("[" + body + "]")
			i = j
		default:
			sb.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	sb.WriteString(`)\z`)
	return sb.String()
}

func hasMagic(s string) bool { return strings.ContainsAny(s, "*?[") }
