package pystd

import (
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

func init() {
	runtime.RegisterDocs("string", map[string]string{
		"Template": "Template(template)\nA $name / ${name} template: substitute(mapping={}, /, **kws) raises KeyError for a missing name, safe_substitute leaves it.",
	})
}

// template is string.Template: $name, ${name} and $$ substitution.
type template struct{ text string }

var _ starlark.HasAttrs = template{}

func (t template) String() string        { return "<string.Template object>" }
func (t template) Type() string          { return "Template" }
func (t template) Freeze()               {}
func (t template) Truth() starlark.Bool  { return true }
func (t template) Hash() (uint32, error) { return starlark.String(t.text).Hash() }
func (t template) AttrNames() []string   { return []string{"safe_substitute", "substitute", "template"} }

func (t template) Attr(name string) (starlark.Value, error) {
	switch name {
	case "template":
		return starlark.String(t.text), nil
	case "substitute", "safe_substitute":
		safe := name == "safe_substitute"
		return starlark.NewBuiltin(name, func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) > 1 {
				return nil, exc.TypeError("%s() takes from 1 to 2 positional arguments but %d were given", name, len(args)+1)
			}
			lookup := func(key string) (starlark.Value, bool, error) {
				for _, kv := range kwargs {
					if string(kv[0].(starlark.String)) == key {
						return kv[1], true, nil
					}
				}
				if len(args) == 1 {
					m, ok := args[0].(starlark.Mapping)
					if !ok {
						return nil, false, exc.TypeError("'%s' object is not subscriptable", args[0].Type())
					}
					v, found, err := m.Get(starlark.String(key))
					return v, found, err
				}
				return nil, false, nil
			}
			return t.substitute(lookup, safe)
		}), nil
	}
	return nil, nil
}

func identStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func identPart(c byte) bool  { return identStart(c) || c >= '0' && c <= '9' }

func (t template) substitute(lookup func(string) (starlark.Value, bool, error), safe bool) (starlark.Value, error) {
	s := t.text
	var out strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '$' {
			out.WriteByte(s[i])
			continue
		}
		start, name, end := i, "", i+1
		switch {
		case end < len(s) && s[end] == '$':
			out.WriteByte('$')
			i = end
			continue
		case end < len(s) && identStart(s[end]):
			for end < len(s) && identPart(s[end]) {
				end++
			}
			name = s[i+1 : end]
		case end < len(s) && s[end] == '{':
			close := strings.IndexByte(s[end:], '}')
			if close > 1 && validIdent(s[end+1:end+close]) {
				name, end = s[end+1:end+close], end+close+1
			}
		}
		if name == "" {
			if safe {
				out.WriteByte('$')
				continue
			}
			line := strings.Count(s[:start], "\n") + 1
			col := start - strings.LastIndexByte(s[:start], '\n')
			return nil, exc.ValueError("Invalid placeholder in string: line %d, col %d", line, col)
		}
		v, ok, err := lookup(name)
		if err != nil {
			return nil, err
		}
		if !ok {
			if !safe {
				return nil, exc.New("KeyError", "'%s'", name)
			}
			out.WriteString(s[start:end])
		} else if str, isStr := v.(starlark.String); isStr {
			out.WriteString(string(str))
		} else {
			out.WriteString(v.String())
		}
		i = end - 1
	}
	return starlark.String(out.String()), nil
}

func validIdent(s string) bool {
	if s == "" || !identStart(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !identPart(s[i]) {
			return false
		}
	}
	return true
}

func newTemplate(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var text string
	if err := starlark.UnpackArgs("Template", args, kwargs, "template", &text); err != nil {
		return nil, err
	}
	return template{text}, nil
}
