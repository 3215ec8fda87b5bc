package configparser

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// config is the state of a ConfigParser: the DEFAULT options, the
// sections in order, and the parser's options.
type config struct {
	defaults           *options
	sections           map[string]*options
	order              []string
	defaultSection     string
	interpolate        bool
	allowNoValue       bool
	strict             bool
	emptyLinesInValues bool
	delimiters         []string
	commentPrefixes    []string
	inlinePrefixes     []string
}

func newConfig() *config {
	return &config{
		defaults: newOptions(), sections: map[string]*options{}, defaultSection: "DEFAULT",
		interpolate: true, strict: true, emptyLinesInValues: true,
		delimiters: []string{"=", ":"}, commentPrefixes: []string{"#", ";"},
	}
}

func (c *config) addSection(name string) *options {
	o := newOptions()
	c.sections[name] = o
	c.order = append(c.order, name)
	return o
}

func (c *config) sectionList() []*options {
	out := make([]*options, len(c.order))
	for i, n := range c.order {
		out[i] = c.sections[n]
	}
	return out
}

func (c *config) removeSection(name string) bool {
	if c.sections[name] == nil {
		return false
	}
	delete(c.sections, name)
	for i, n := range c.order {
		if n == name {
			c.order = append(c.order[:i:i], c.order[i+1:]...)
			break
		}
	}
	return true
}

// merged is a section's options over the defaults (CPython's
// _unify_values), keys in the order items() lists them.
func (c *config) merged(section string, vars map[string]string) ([]string, map[string]*string, error) {
	sect := c.sections[section]
	if sect == nil && section != c.defaultSection {
		return nil, nil, errNoSection(section)
	}
	keys := append([]string(nil), c.defaults.keys...)
	vals := map[string]*string{}
	for _, k := range c.defaults.keys {
		vals[k] = c.defaults.values[k]
	}
	if sect != nil {
		for _, k := range sect.keys {
			if _, ok := vals[k]; !ok {
				keys = append(keys, k)
			}
			vals[k] = sect.values[k]
		}
	}
	for k, v := range vars {
		v := v
		k = strings.ToLower(k)
		if _, ok := vals[k]; !ok {
			keys = append(keys, k)
		}
		vals[k] = &v
	}
	return keys, vals, nil
}

// get is ConfigParser.get without fallback: the value of option,
// interpolated unless raw; nil for an option without a value.
func (c *config) get(section, option string, raw bool, vars map[string]string) (*string, error) {
	_, vals, err := c.merged(section, vars)
	if err != nil {
		return nil, err
	}
	option = strings.ToLower(option)
	v, ok := vals[option]
	if !ok {
		return nil, errNoOption(option, section)
	}
	if raw || v == nil || !c.interpolate {
		return v, nil
	}
	out, err := c.expand(section, option, *v, vals)
	return &out, err
}

func (c *config) hasOption(section, option string) bool {
	option = strings.ToLower(option)
	if section == "" || section == c.defaultSection {
		_, ok := c.defaults.values[option]
		return ok
	}
	sect := c.sections[section]
	if sect == nil {
		return false
	}
	_, inSect := sect.values[option]
	_, inDefaults := c.defaults.values[option]
	return inSect || inDefaults
}

// set stores value (nil: no value) under section, after CPython's checks.
func (c *config) set(section, option string, value *string) error {
	if value != nil && c.interpolate {
		tmp := keyRef().ReplaceAllString(strings.ReplaceAll(*value, "%%", ""), "")
		if i := strings.Index(tmp, "%"); i >= 0 {
			return exc.ValueError("invalid interpolation syntax in %s at position %d", repr(*value), i)
		}
	}
	var sect *options
	if section == "" || section == c.defaultSection {
		sect = c.defaults
	} else if sect = c.sections[section]; sect == nil {
		return errNoSection(section)
	}
	sect.set(strings.ToLower(option), value)
	return nil
}

// write is ConfigParser.write's text.
func (c *config) write(spaced bool) string {
	delim := "="
	if spaced {
		delim = " = "
	}
	var b strings.Builder
	section := func(name string, o *options) {
		fmt.Fprintf(&b, "[%s]\n", name)
		for _, k := range o.keys {
			v := o.values[k]
			if v == nil && c.allowNoValue {
				b.WriteString(k + "\n")
				continue
			}
			text := "None"
			if v != nil {
				text = strings.ReplaceAll(*v, "\n", "\n\t")
			}
			b.WriteString(k + delim + text + "\n")
		}
		b.WriteString("\n")
	}
	if len(c.defaults.keys) > 0 {
		section(c.defaultSection, c.defaults)
	}
	for _, n := range c.order {
		section(n, c.sections[n])
	}
	return b.String()
}

// readDict is read_dict: sections of options from a dict of dicts.
func (c *config) readDict(d starlark.IterableMapping, source string) error {
	added := map[string]bool{}
	for _, kv := range d.Items() {
		name := str(kv[0])
		if name != c.defaultSection && c.sections[name] == nil {
			c.addSection(name)
		} else if c.strict && added[name] {
			return errDuplicateSection(name, source, 0)
		}
		added[name] = true
		opts, ok := kv[1].(starlark.IterableMapping)
		if !ok {
			return exc.New("AttributeError", "'%s' object has no attribute 'items'", kv[1].Type())
		}
		for _, o := range opts.Items() {
			key := strings.ToLower(str(o[0]))
			if c.strict && added[name+"\x00"+key] {
				return errDuplicateOption(name, key, source, 0)
			}
			added[name+"\x00"+key] = true
			var v *string
			if o[1] != starlark.None {
				s := str(o[1])
				v = &s
			}
			if err := c.set(name, key, v); err != nil {
				return err
			}
		}
	}
	return nil
}
