package ure

import (
	"fmt"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// Match is a successful match: loc holds RE2 offsets, two per group.
type Match struct {
	p           *Pattern
	prog        *program
	sb          *subject
	loc         []int
	pos, endpos int // Python indexes the search was limited to
}

var (
	_ starlark.HasAttrs = (*Match)(nil)
	_ starlark.Mapping  = (*Match)(nil)
)

func (m *Match) String() string {
	return fmt.Sprintf("<re.Match object; span=(%d, %d), match=%s>", m.sb.index(m.loc[0]), m.sb.index(m.loc[1]), pyrepr.Repr(m.sb.slice(m.loc[0], m.loc[1])))
}
func (m *Match) PyRepr() string        { return m.String() }
func (m *Match) Type() string          { return "re.Match" }
func (m *Match) Freeze()               {}
func (m *Match) Truth() starlark.Bool  { return true }
func (m *Match) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 're.Match'") }

func (m *Match) ngroups() int { return len(m.loc)/2 - 1 }

// groupIndex resolves a group number or name.
func (m *Match) groupIndex(g starlark.Value) (int, error) {
	switch g := g.(type) {
	case starlark.Int:
		n, ok := g.Int64()
		if ok && n >= 0 && int(n) <= m.ngroups() {
			return int(n), nil
		}
	case starlark.String:
		for i, name := range m.prog.names {
			if i > 0 && name == string(g) {
				return i, nil
			}
		}
	case starlark.Bool:
		if !g || m.ngroups() >= 1 {
			return map[starlark.Bool]int{false: 0, true: 1}[g], nil
		}
	}
	return 0, exc.New("IndexError", "no such group")
}

// value is group i's text, or def when the group did not take part.
func (m *Match) value(i int, def starlark.Value) starlark.Value {
	a, b := m.loc[2*i], m.loc[2*i+1]
	if a < 0 {
		return def
	}
	return m.sb.slice(a, b)
}

// Get is m[g].
func (m *Match) Get(k starlark.Value) (starlark.Value, bool, error) {
	i, err := m.groupIndex(k)
	if err != nil {
		return nil, false, err
	}
	return m.value(i, starlark.None), true, nil
}

var matchMethods = []string{"end", "expand", "group", "groupdict", "groups", "span", "start"}

func (m *Match) AttrNames() []string {
	return append([]string{"endpos", "lastgroup", "lastindex", "pos", "re", "string"}, matchMethods...)
}

func (m *Match) Attr(name string) (starlark.Value, error) {
	switch name {
	case "string":
		return m.sb.orig, nil
	case "re":
		return m.p, nil
	case "pos":
		return starlark.MakeInt(m.pos), nil
	case "endpos":
		return starlark.MakeInt(m.endpos), nil
	case "lastindex":
		if i := m.lastIndex(); i > 0 {
			return starlark.MakeInt(i), nil
		}
		return starlark.None, nil
	case "lastgroup":
		if i := m.lastIndex(); i > 0 && m.prog.names[i] != "" {
			return starlark.String(m.prog.names[i]), nil
		}
		return starlark.None, nil
	}
	for _, n := range matchMethods {
		if n == name {
			return starlark.NewBuiltin(name, m.method), nil
		}
	}
	return nil, nil
}

// lastIndex is the group that closed last: the latest end, the outer of two.
func (m *Match) lastIndex() int {
	best, end := 0, -1
	for i := 1; i <= m.ngroups(); i++ {
		if e := m.loc[2*i+1]; m.loc[2*i] >= 0 && e > end {
			best, end = i, e
		}
	}
	return best
}

func (m *Match) method(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	switch b.Name() {
	case "group":
		return m.group(args, kwargs)
	case "groups", "groupdict":
		var def starlark.Value = starlark.None
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "default?", &def); err != nil {
			return nil, err
		}
		if b.Name() == "groups" {
			out := make(starlark.Tuple, m.ngroups())
			for i := range out {
				out[i] = m.value(i+1, def)
			}
			return out, nil
		}
		d := starlark.NewDict(m.ngroups())
		for i, name := range m.prog.names {
			if i > 0 && name != "" {
				_ = d.SetKey(starlark.String(name), m.value(i, def))
			}
		}
		return d, nil
	case "start", "end", "span":
		var g starlark.Value = starlark.MakeInt(0)
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0, &g); err != nil {
			return nil, err
		}
		i, err := m.groupIndex(g)
		if err != nil {
			return nil, err
		}
		s, e := m.sb.index(m.loc[2*i]), m.sb.index(m.loc[2*i+1])
		switch b.Name() {
		case "start":
			return starlark.MakeInt(s), nil
		case "end":
			return starlark.MakeInt(e), nil
		}
		return starlark.Tuple{starlark.MakeInt(s), starlark.MakeInt(e)}, nil
	case "expand":
		var tmpl starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &tmpl); err != nil {
			return nil, err
		}
		text, ok := pyargs.AsText(tmpl)
		if !ok {
			return nil, exc.TypeError("expected str instance, %s found", pyargs.TypeName(tmpl))
		}
		parts, err := parseTemplate(text, m.sb.bytes, m.prog)
		if err != nil {
			return nil, err
		}
		return m.sb.wrap(expandTemplate(parts, m)), nil
	}
	return nil, nil
}

func (m *Match) group(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, exc.TypeError("group() takes no keyword arguments")
	}
	if len(args) == 0 {
		return m.value(0, starlark.None), nil
	}
	out := make(starlark.Tuple, len(args))
	for i, g := range args {
		n, err := m.groupIndex(g)
		if err != nil {
			return nil, err
		}
		out[i] = m.value(n, starlark.None)
	}
	if len(out) == 1 {
		return out[0], nil
	}
	return out, nil
}
