package configparser

import (
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// section is a SectionProxy: cp["name"], a mapping of its options.
type section struct {
	p    *parser
	name string
}

func (s *section) String() string        { return "<Section: " + s.name + ">" }
func (s *section) Type() string          { return "SectionProxy" }
func (s *section) Freeze()               {}
func (s *section) Truth() starlark.Bool  { return true }
func (s *section) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'SectionProxy'") }

func (s *section) keys() []starlark.Value {
	if s.name == s.p.c.defaultSection {
		var out []starlark.Value
		for _, k := range s.p.c.defaults.keys {
			out = append(out, starlark.String(k))
		}
		return out
	}
	l, err := s.p.options(s.name)
	if err != nil {
		return nil
	}
	var out []starlark.Value
	for i := 0; i < l.(*starlark.List).Len(); i++ {
		out = append(out, l.(*starlark.List).Index(i))
	}
	return out
}

func (s *section) Len() int                   { return len(s.keys()) }
func (s *section) Iterate() starlark.Iterator { return starlark.NewList(s.keys()).Iterate() }

// Get is s[option] (KeyError when missing) and `option in s`.
func (s *section) Get(k starlark.Value) (starlark.Value, bool, error) {
	key, ok := k.(starlark.String)
	if !ok || !s.p.c.hasOption(s.name, string(key)) {
		return nil, false, nil
	}
	v, err := s.p.get(nil, s.name, string(key), "", false, nil, nil)
	return v, err == nil, err
}

func (s *section) SetKey(k, v starlark.Value) error {
	key, ok := k.(starlark.String)
	if !ok {
		return exc.TypeError("option keys must be strings")
	}
	return s.p.setValue(s.name, string(key), v)
}

var sectionMethods = []string{"get", "getboolean", "getfloat", "getint", "items", "keys", "name", "parser", "values"}

func (s *section) AttrNames() []string { return sectionMethods }

func (s *section) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String(s.name), nil
	case "parser":
		return s.p, nil
	case "keys", "values", "items":
		return starlark.NewBuiltin(name, func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs(name, args, kwargs); err != nil {
				return nil, err
			}
			var out []starlark.Value
			for _, k := range s.keys() {
				v, _, err := s.Get(k)
				if err != nil {
					return nil, err
				}
				switch name {
				case "keys":
					out = append(out, k)
				case "values":
					out = append(out, v)
				default:
					out = append(out, starlark.Tuple{k, v})
				}
			}
			return starlark.NewList(out), nil
		}), nil
	}
	if !strings.HasPrefix(name, "get") || sigs["SectionProxy."+name] == nil {
		return nil, nil
	}
	conv := strings.TrimPrefix(name, "get")
	return starlark.NewBuiltin(name, func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var opt string
		var fallback, raw, vars starlark.Value = starlark.None, starlark.False, starlark.None
		if err := sigs["SectionProxy."+name].UnpackArgs(args, kwargs, &opt, &fallback, &raw, &vars); err != nil {
			return nil, err
		}
		return s.p.get(t, s.name, opt, conv, bool(raw.Truth()), vars, fallback)
	}), nil
}

// Items makes dict(section) work (Starlark's dict reads a mapping's items).
func (s *section) Items() []starlark.Tuple {
	var out []starlark.Tuple
	for _, k := range s.keys() {
		if v, _, err := s.Get(k); err == nil {
			out = append(out, starlark.Tuple{k, v})
		}
	}
	return out
}
