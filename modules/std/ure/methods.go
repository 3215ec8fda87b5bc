package ure

import (
	"math"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

var patternMethods = []string{"findall", "finditer", "fullmatch", "match", "search", "split", "sub", "subn"}

func (p *Pattern) AttrNames() []string {
	return append([]string{"flags", "groupindex", "groups", "pattern"}, patternMethods...)
}

func (p *Pattern) Attr(name string) (starlark.Value, error) {
	switch name {
	case "pattern":
		return p.src, nil
	case "flags":
		return starlark.MakeInt(p.flags), nil
	case "groups":
		return starlark.MakeInt(len(p.own().names) - 1), nil
	case "groupindex":
		d := starlark.NewDict(0)
		for i, n := range p.own().names {
			if i > 0 && n != "" {
				_ = d.SetKey(starlark.String(n), starlark.MakeInt(i))
			}
		}
		return d, nil
	}
	for _, m := range patternMethods {
		if m == name {
			return starlark.NewBuiltin(name, func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				return p.call(t, name, args, kwargs)
			}), nil
		}
	}
	return nil, nil
}

// call runs a Pattern method with its CPython arguments.
func (p *Pattern) call(t *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	switch name {
	case "sub", "subn":
		var repl, s, count starlark.Value
		if err := pyargs.Unpack(name, args, kwargs, []string{"repl", "string", "count?"}, &repl, &s, &count); err != nil {
			return nil, err
		}
		return p.sub(t, name == "subn", repl, s, count)
	case "split":
		var s, maxsplit, microMax starlark.Value
		// max_split is MicroPython's spelling
		if err := pyargs.Unpack(name, args, kwargs, []string{"string", "maxsplit?", "max_split?"}, &s, &maxsplit, &microMax); err != nil {
			return nil, err
		}
		if maxsplit == nil {
			maxsplit = microMax
		}
		return p.split(s, maxsplit)
	}
	var s, pos, endpos starlark.Value
	if err := pyargs.Unpack(name, args, kwargs, []string{"string", "pos?", "endpos?"}, &s, &pos, &endpos); err != nil {
		return nil, err
	}
	return p.find(name, s, pos, endpos)
}

// prepare reads a subject and its pos/endpos bounds as RE2 offsets.
func (p *Pattern) prepare(s, pos, endpos starlark.Value) (*program, *subject, [2]int, [2]int, error) {
	var none [2]int
	sb, err := newSubject(s)
	if err != nil {
		return nil, nil, none, none, err
	}
	prog, err := p.program(sb.bytes)
	if err != nil {
		return nil, nil, none, none, err
	}
	n := sb.length()
	lo, hi := 0, n
	if !pyargs.IsNone(pos) {
		v, err := pyargs.Int("match", "pos", pos)
		if err != nil {
			return nil, nil, none, none, err
		}
		lo = int(max(min(v, int64(n)), 0))
	}
	if !pyargs.IsNone(endpos) {
		v, err := pyargs.Int("match", "endpos", endpos)
		if err != nil {
			return nil, nil, none, none, err
		}
		hi = int(max(min(v, int64(n)), 0))
	}
	hi = max(hi, lo)
	// RE2's \b is ASCII-only and its ^ and \b cannot see before pos: the
	// backtracking form gives Python's answer in those cases
	if prog.re2 != nil && prog.context && (lo > 0 || !sb.ascii && !sb.bytes) {
		if prog, err = p.contextual(sb.bytes); err != nil {
			return nil, nil, none, none, err
		}
	}
	return prog, sb, [2]int{lo, hi}, [2]int{sb.offset(lo), sb.offset(hi)}, nil
}

func (p *Pattern) find(name string, s, pos, endpos starlark.Value) (starlark.Value, error) {
	prog, sb, idx, off, err := p.prepare(s, pos, endpos)
	if err != nil {
		return nil, err
	}
	mk := func(loc []int) *Match { return &Match{p: p, prog: prog, sb: sb, loc: loc, pos: idx[0], endpos: idx[1]} }
	if name == "findall" || name == "finditer" {
		locs, err := prog.all(sb, off[0], off[1], -1)
		if err != nil {
			return nil, err
		}
		out := make([]starlark.Value, len(locs))
		for i, l := range locs {
			if name == "findall" {
				out[i] = findallItem(mk(l))
			} else {
				out[i] = mk(l)
			}
		}
		return starlark.NewList(out), nil
	}
	m := map[string]matcher{"search": prog.search, "match": prog.anchored, "fullmatch": prog.full}[name]
	loc, err := m.find(sb, off[0], off[1])
	if err != nil {
		return nil, err
	}
	if loc == nil && name != "fullmatch" && prog.dollar && off[1] > off[0] && sb.s[off[1]-1] == '\n' {
		// Python's $ also matches just before a final newline; RE2's only at the end
		if loc, err = m.find(sb, off[0], off[1]-1); err != nil {
			return nil, err
		}
	}
	if loc == nil {
		return starlark.None, nil
	}
	return mk(loc), nil
}

// findallItem is what findall lists for one match: the whole match, the
// one group, or a tuple of all groups ("" for those not taking part).
func findallItem(m *Match) starlark.Value {
	empty := m.sb.wrap("")
	switch n := m.ngroups(); n {
	case 0:
		return m.value(0, empty)
	case 1:
		return m.value(1, empty)
	default:
		t := make(starlark.Tuple, n)
		for i := range t {
			t[i] = m.value(i+1, empty)
		}
		return t
	}
}

func (p *Pattern) sub(t *starlark.Thread, subn bool, repl, s, countv starlark.Value) (starlark.Value, error) {
	prog, sb, _, off, err := p.prepare(s, nil, nil)
	if err != nil {
		return nil, err
	}
	count := -1
	if !pyargs.IsNone(countv) {
		c, err := pyargs.Int("sub", "count", countv)
		if err != nil {
			return nil, err
		}
		if c > 0 {
			count = int(c)
		}
	}
	var parts []part
	fn, isFn := repl.(starlark.Callable)
	if !isFn {
		text, ok := pyargs.AsText(repl)
		if !ok {
			return nil, exc.TypeError("expected str instance, %s found", pyargs.TypeName(repl))
		}
		if parts, err = parseTemplate(text, sb.bytes, prog); err != nil {
			return nil, err
		}
	}
	var b strings.Builder
	last, n := 0, 0
	locs, err := prog.all(sb, off[0], off[1], count)
	if err != nil {
		return nil, err
	}
	for _, loc := range locs {
		b.WriteString(sb.s[last:loc[0]])
		m := &Match{p: p, prog: prog, sb: sb, loc: loc, endpos: sb.length()}
		if isFn {
			r, err := starlark.Call(t, fn, starlark.Tuple{m}, nil)
			if err != nil {
				return nil, err
			}
			text, ok := pyargs.AsText(r)
			if !ok {
				return nil, exc.TypeError("expected str instance, %s found", pyargs.TypeName(r))
			}
			if sb.bytes {
				text = latin1(text)
			}
			b.WriteString(text)
		} else {
			b.WriteString(expandTemplate(parts, m))
		}
		last = loc[1]
		n++
	}
	b.WriteString(sb.s[last:])
	out := sb.wrap(b.String())
	if subn {
		return starlark.Tuple{out, starlark.MakeInt(n)}, nil
	}
	return out, nil
}

func (p *Pattern) split(s, maxsplitv starlark.Value) (starlark.Value, error) {
	prog, sb, _, off, err := p.prepare(s, nil, nil)
	if err != nil {
		return nil, err
	}
	limit := -1
	if !pyargs.IsNone(maxsplitv) {
		c, err := pyargs.Int("split", "maxsplit", maxsplitv)
		if err != nil {
			return nil, err
		}
		if c < 0 {
			return starlark.NewList([]starlark.Value{sb.orig}), nil
		}
		if c > 0 && c < math.MaxInt32 {
			limit = int(c)
		}
	}
	var out []starlark.Value
	last := 0
	locs, err := prog.all(sb, off[0], off[1], limit)
	if err != nil {
		return nil, err
	}
	for _, loc := range locs {
		out = append(out, sb.slice(last, loc[0]))
		m := &Match{p: p, prog: prog, sb: sb, loc: loc}
		for i := 1; i <= m.ngroups(); i++ {
			out = append(out, m.value(i, starlark.None))
		}
		last = loc[1]
	}
	out = append(out, sb.slice(last, len(sb.s)))
	return starlark.NewList(out), nil
}
