package configparser

import (
	"os"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// parser is a ConfigParser (or RawConfigParser) object.
type parser struct {
	c    *config
	env  *runtime.Env
	kind string
}

var (
	_ starlark.Mapping   = (*parser)(nil)
	_ starlark.HasSetKey = (*parser)(nil)
	_ starlark.Sequence  = (*parser)(nil)
	_ starlark.HasAttrs  = (*parser)(nil)
	_ starlark.Mapping   = (*section)(nil)
	_ starlark.HasSetKey = (*section)(nil)
	_ starlark.Sequence  = (*section)(nil)
	_ starlark.HasAttrs  = (*section)(nil)
)

func (p *parser) String() string        { return "<configparser." + p.kind + " object>" }
func (p *parser) Type() string          { return p.kind }
func (p *parser) Freeze()               {}
func (p *parser) Truth() starlark.Bool  { return true }
func (p *parser) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: '%s'", p.kind) }
func (p *parser) Len() int              { return len(p.c.order) + 1 }

func (p *parser) names() []starlark.Value {
	out := []starlark.Value{starlark.String(p.c.defaultSection)}
	for _, n := range p.c.order {
		out = append(out, starlark.String(n))
	}
	return out
}

func (p *parser) Iterate() starlark.Iterator { return starlark.NewList(p.names()).Iterate() }

// Get is cp[name] (a SectionProxy) and `name in cp`.
func (p *parser) Get(k starlark.Value) (starlark.Value, bool, error) {
	name, ok := k.(starlark.String)
	if !ok || (string(name) != p.c.defaultSection && p.c.sections[string(name)] == nil) {
		return nil, false, nil
	}
	return &section{p: p, name: string(name)}, true, nil
}

// SetKey is cp[name] = {option: value}: the section's options replaced.
func (p *parser) SetKey(k, v starlark.Value) error {
	name := str(k)
	if s, ok := v.(*section); ok && s.p == p && s.name == name {
		return nil
	}
	if name == p.c.defaultSection {
		p.c.defaults.clear()
	} else if o := p.c.sections[name]; o != nil {
		o.clear()
	}
	d := starlark.NewDict(1)
	d.SetKey(starlark.String(name), v)
	return p.c.readDict(d, "<dict>")
}

// str is Python's str(v).
func str(v starlark.Value) string {
	if s, ok := v.(starlark.String); ok {
		return string(s)
	}
	return pyrepr.Str(v)
}

var parserMethods = []string{"add_section", "defaults", "get", "getboolean", "getfloat", "getint", "has_option", "has_section",
	"items", "options", "read", "read_dict", "read_file", "read_string", "remove_option", "remove_section", "sections", "set", "write"}

func (p *parser) AttrNames() []string { return append([]string{"default_section"}, parserMethods...) }

func (p *parser) Attr(name string) (starlark.Value, error) {
	if name == "default_section" {
		return starlark.String(p.c.defaultSection), nil
	}
	fn := parserImpl[name]
	if fn == nil {
		return nil, nil
	}
	return starlark.NewBuiltin(name, func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return fn(p, t, args, kwargs)
	}), nil
}

type method func(p *parser, t *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

var parserImpl map[string]method

func init() {
	parserImpl = map[string]method{
		"read_string": func(p *parser, _ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var text string
			source := "<string>"
			if err := sigs["ConfigParser.read_string"].UnpackArgs(args, kwargs, &text, &source); err != nil {
				return nil, err
			}
			return starlark.None, p.c.read(splitLines(text), source)
		},
		"read": func(p *parser, _ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var names, encoding starlark.Value = nil, starlark.None
			if err := sigs["ConfigParser.read"].UnpackArgs(args, kwargs, &names, &encoding); err != nil {
				return nil, err
			}
			var list []starlark.Value
			if _, ok := names.(starlark.String); ok {
				list = []starlark.Value{names}
			} else if list, _ = pylib.Collect(nil, names); list == nil {
				return nil, exc.TypeError("expected str, bytes or os.PathLike object, not %s", pyargs.TypeName(names))
			}
			var read []starlark.Value
			for _, n := range list {
				name := str(n)
				host, err := p.env.FS().Resolve(name)
				if err != nil {
					continue
				}
				data, err := os.ReadFile(host)
				if err != nil {
					continue // CPython skips files it cannot open
				}
				if err := p.c.read(splitLines(string(data)), name); err != nil {
					return nil, err
				}
				read = append(read, starlark.String(name))
			}
			return starlark.NewList(read), nil
		},
		"read_file": func(p *parser, t *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var f, source starlark.Value = nil, starlark.None
			if err := sigs["ConfigParser.read_file"].UnpackArgs(args, kwargs, &f, &source); err != nil {
				return nil, err
			}
			lines, err := pylib.Collect(t, f)
			if err != nil {
				return nil, err
			}
			src := "<???>"
			if source != starlark.None {
				src = str(source)
			} else if h, ok := f.(starlark.HasAttrs); ok {
				if n, _ := h.Attr("name"); n != nil {
					src = str(n)
				}
			}
			text := make([]string, len(lines))
			for i, l := range lines {
				text[i] = str(l)
			}
			return starlark.None, p.c.read(text, src)
		},
		"read_dict": func(p *parser, _ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var d starlark.Value
			source := "<dict>"
			if err := sigs["ConfigParser.read_dict"].UnpackArgs(args, kwargs, &d, &source); err != nil {
				return nil, err
			}
			m, ok := d.(starlark.IterableMapping)
			if !ok {
				return nil, exc.New("AttributeError", "'%s' object has no attribute 'items'", pyargs.TypeName(d))
			}
			return starlark.None, p.c.readDict(m, source)
		},
		"sections": func(p *parser, _ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := sigs["ConfigParser.sections"].UnpackArgs(args, kwargs); err != nil {
				return nil, err
			}
			return starlark.NewList(p.names()[1:]), nil
		},
		"defaults": func(p *parser, _ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := sigs["ConfigParser.defaults"].UnpackArgs(args, kwargs); err != nil {
				return nil, err
			}
			return optionsDict(p.c.defaults.keys, p.c.defaults.values), nil
		},
		"add_section": func(p *parser, _ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var name starlark.Value
			if err := sigs["ConfigParser.add_section"].UnpackArgs(args, kwargs, &name); err != nil {
				return nil, err
			}
			s, ok := name.(starlark.String)
			switch {
			case !ok:
				return nil, exc.TypeError("section names must be strings")
			case string(s) == p.c.defaultSection:
				return nil, exc.ValueError("Invalid section name: %s", repr(string(s)))
			case p.c.sections[string(s)] != nil:
				return nil, errDuplicateSection(string(s), "", 0)
			}
			p.c.addSection(string(s))
			return starlark.None, nil
		},
		"has_section": func(p *parser, _ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var name string
			if err := sigs["ConfigParser.has_section"].UnpackArgs(args, kwargs, &name); err != nil {
				return nil, err
			}
			return starlark.Bool(p.c.sections[name] != nil), nil
		},
		"has_option": func(p *parser, _ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var sect, opt string
			if err := sigs["ConfigParser.has_option"].UnpackArgs(args, kwargs, &sect, &opt); err != nil {
				return nil, err
			}
			return starlark.Bool(p.c.hasOption(sect, opt)), nil
		},
		"options": func(p *parser, _ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var sect string
			if err := sigs["ConfigParser.options"].UnpackArgs(args, kwargs, &sect); err != nil {
				return nil, err
			}
			return p.options(sect)
		},
		"remove_section": func(p *parser, _ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var sect string
			if err := sigs["ConfigParser.remove_section"].UnpackArgs(args, kwargs, &sect); err != nil {
				return nil, err
			}
			return starlark.Bool(p.c.removeSection(sect)), nil
		},
		"remove_option": func(p *parser, _ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var sect, opt string
			if err := sigs["ConfigParser.remove_option"].UnpackArgs(args, kwargs, &sect, &opt); err != nil {
				return nil, err
			}
			o := p.c.defaults
			if sect != "" && sect != p.c.defaultSection {
				if o = p.c.sections[sect]; o == nil {
					return nil, errNoSection(sect)
				}
			}
			return starlark.Bool(o.remove(strings.ToLower(opt))), nil
		},
		"set": func(p *parser, _ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var sect, opt string
			var value starlark.Value = starlark.None
			if err := sigs["ConfigParser.set"].UnpackArgs(args, kwargs, &sect, &opt, &value); err != nil {
				return nil, err
			}
			return starlark.None, p.setValue(sect, opt, value)
		},
		"get":        getter(""),
		"getint":     getter("int"),
		"getfloat":   getter("float"),
		"getboolean": getter("boolean"),
		"items": func(p *parser, t *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var sect, raw, vars starlark.Value = nil, starlark.False, starlark.None
			if err := sigs["ConfigParser.items"].UnpackArgs(args, kwargs, &sect, &raw, &vars); err != nil {
				return nil, err
			}
			if sect == nil {
				var out []starlark.Value
				for _, n := range p.names() {
					out = append(out, starlark.Tuple{n, &section{p: p, name: string(n.(starlark.String))}})
				}
				return starlark.NewList(out), nil
			}
			return p.items(str(sect), bool(raw.Truth()), vars)
		},
		"write": func(p *parser, t *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var f starlark.Value
			spaced := true
			if err := sigs["ConfigParser.write"].UnpackArgs(args, kwargs, &f, &spaced); err != nil {
				return nil, err
			}
			var write starlark.Value
			if h, ok := f.(starlark.HasAttrs); ok {
				write, _ = h.Attr("write")
			}
			if write == nil {
				return nil, exc.New("AttributeError", "'%s' object has no attribute 'write'", pyargs.TypeName(f))
			}
			_, err := starlark.Call(t, write, starlark.Tuple{starlark.String(p.c.write(spaced))}, nil)
			return starlark.None, err
		},
	}
}

func (p *parser) options(sect string) (starlark.Value, error) {
	o := p.c.sections[sect]
	if o == nil {
		return nil, errNoSection(sect)
	}
	var out []starlark.Value
	seen := map[string]bool{}
	for _, k := range append(append([]string(nil), o.keys...), p.c.defaults.keys...) {
		if !seen[k] {
			seen[k] = true
			out = append(out, starlark.String(k))
		}
	}
	return starlark.NewList(out), nil
}

func (p *parser) setValue(sect, opt string, value starlark.Value) error {
	var v *string
	switch value := value.(type) {
	case starlark.String:
		s := string(value)
		v = &s
	case starlark.NoneType:
		if !p.c.allowNoValue && p.kind == "ConfigParser" {
			return exc.TypeError("option values must be strings")
		}
	default:
		if p.kind == "ConfigParser" {
			return exc.TypeError("option values must be strings")
		}
		s := str(value)
		v = &s
	}
	return p.c.set(sect, opt, v)
}

func optionsDict(keys []string, vals map[string]*string) *starlark.Dict {
	d := starlark.NewDict(len(keys))
	for _, k := range keys {
		d.SetKey(starlark.String(k), optValue(vals[k]))
	}
	return d
}

func optValue(v *string) starlark.Value {
	if v == nil {
		return starlark.None
	}
	return starlark.String(*v)
}

func varsMap(v starlark.Value) (map[string]string, error) {
	if v == nil || v == starlark.None {
		return nil, nil
	}
	m, ok := v.(starlark.IterableMapping)
	if !ok {
		return nil, exc.TypeError("vars must be a mapping")
	}
	out := map[string]string{}
	for _, kv := range m.Items() {
		out[str(kv[0])] = str(kv[1])
	}
	return out, nil
}

func (p *parser) items(sect string, raw bool, vars starlark.Value) (starlark.Value, error) {
	vm, err := varsMap(vars)
	if err != nil {
		return nil, err
	}
	keys, vals, err := p.c.merged(sect, vm)
	if err != nil {
		return nil, err
	}
	var out []starlark.Value
	for _, k := range keys {
		v := vals[k]
		if !raw && v == nil && p.c.interpolate {
			v = new(string) // CPython interpolates a missing value to ''
		}
		if !raw && v != nil && p.c.interpolate {
			s, err := p.c.expand(sect, k, *v, vals)
			if err != nil {
				return nil, err
			}
			v = &s
		}
		out = append(out, starlark.Tuple{starlark.String(k), optValue(v)})
	}
	return starlark.NewList(out), nil
}

var booleans = map[string]bool{"1": true, "yes": true, "true": true, "on": true, "0": false, "no": false, "false": false, "off": false}

// getter is get, getint, getfloat or getboolean(section, option, *, raw, vars, fallback).
func getter(conv string) method {
	return func(p *parser, t *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var sect, opt string
		var raw, vars, fallback starlark.Value = starlark.False, starlark.None, nil
		if err := sigs["ConfigParser.get"+conv].UnpackArgs(args, kwargs, &sect, &opt, &raw, &vars, &fallback); err != nil {
			return nil, err
		}
		return p.get(t, sect, opt, conv, bool(raw.Truth()), vars, fallback)
	}
}

func (p *parser) get(t *starlark.Thread, sect, opt, conv string, raw bool, vars, fallback starlark.Value) (starlark.Value, error) {
	vm, err := varsMap(vars)
	if err != nil {
		return nil, err
	}
	v, err := p.c.get(sect, opt, raw, vm)
	if err != nil {
		if fallback != nil {
			if e, ok := err.(*exc.Error); ok && (e.Type == "NoSectionError" || e.Type == "NoOptionError") {
				return fallback, nil
			}
		}
		return nil, err
	}
	if v == nil || conv == "" {
		return optValue(v), nil
	}
	switch conv {
	case "int":
		return starlark.Call(t, pylib.Builtins()["int"], starlark.Tuple{starlark.String(*v)}, nil)
	case "float":
		return starlark.Call(t, pylib.Builtins()["float"], starlark.Tuple{starlark.String(*v)}, nil)
	}
	b, ok := booleans[strings.ToLower(*v)]
	if !ok {
		return nil, exc.ValueError("Not a boolean: %s", *v)
	}
	return starlark.Bool(b), nil
}

// splitLines splits text after each newline, as iterating a file does.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}
