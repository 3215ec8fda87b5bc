package pylib

import (
	"github.com/qstar-dev/qstar/runtime/exc"
	"go.starlark.net/starlark"
)

// The run-time half of `match` (runtime/pycompat/match.go): the translator
// builds each case's pattern from these helpers and _match(subject,
// pattern) returns the names it binds as a dict (True when none), or None.

type patKind int

const (
	patWild  patKind = iota
	patCap           // a capture name
	patVal           // a literal or dotted value, compared with ==
	patOr            // alternatives
	patAs            // sub-pattern as name
	patSeq           // [a, *rest, b]
	patStar          // *name inside a sequence (name "" for *_)
	patMap           // {key: P, **rest}
	patClass         // Cls(P, k=P)
)

type pattern struct {
	kind  patKind
	name  string // patCap, patAs, patStar, patMap's **rest
	val   starlark.Value
	subs  []*pattern // patOr, patAs (one), patSeq, patClass positional, patMap values
	keys  []starlark.Value
	kws   []string // patClass keyword names, parallel to kwPats
	kwPat []*pattern
}

var _ starlark.Value = (*pattern)(nil)

func (p *pattern) String() string        { return "<pattern>" }
func (p *pattern) Type() string          { return "pattern" }
func (p *pattern) Freeze()               {}
func (p *pattern) Truth() starlark.Bool  { return true }
func (p *pattern) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'pattern'") }

// helperArgs checks a translator helper's arguments: exactly n positional ones
// (any number when n < 0), no keywords.
func helperArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple, n int) error {
	if len(kwargs) > 0 {
		return exc.TypeError("%s() got an unexpected keyword argument '%s'", name, kwargs[0][0])
	}
	if n >= 0 && len(args) != n {
		return exc.TypeError("%s() takes %d arguments (%d given)", name, n, len(args))
	}
	return nil
}

func matchHelpers() starlark.StringDict {
	b := func(name string, n int, fn func(args starlark.Tuple) (*pattern, error)) *starlark.Builtin {
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := helperArgs(name, args, kwargs, n); err != nil {
				return nil, err
			}
			return fn(args)
		})
	}
	return starlark.StringDict{
		"_pw":    b("_pw", 0, func(starlark.Tuple) (*pattern, error) { return &pattern{kind: patWild}, nil }),
		"_pcap":  b("_pcap", 1, func(a starlark.Tuple) (*pattern, error) { return named(patCap, a[0], false) }),
		"_pval":  b("_pval", 1, func(a starlark.Tuple) (*pattern, error) { return &pattern{kind: patVal, val: a[0]}, nil }),
		"_pstar": b("_pstar", 1, func(a starlark.Tuple) (*pattern, error) { return named(patStar, a[0], true) }),
		"_por": b("_por", -1, func(a starlark.Tuple) (*pattern, error) {
			subs, err := patterns(a)
			return &pattern{kind: patOr, subs: subs}, err
		}),
		"_pas": b("_pas", 2, func(a starlark.Tuple) (*pattern, error) {
			p, err := named(patAs, a[1], false)
			if err == nil {
				p.subs, err = patterns(a[:1])
			}
			return p, err
		}),
		"_pseq": b("_pseq", 1, func(a starlark.Tuple) (*pattern, error) {
			items, err := listItems(a[0])
			if err != nil {
				return nil, err
			}
			subs, err := patterns(items)
			return &pattern{kind: patSeq, subs: subs}, err
		}),
		"_pmap": b("_pmap", 2, func(a starlark.Tuple) (*pattern, error) {
			p, err := named(patMap, a[1], true)
			if err != nil {
				return nil, err
			}
			p.keys, p.subs, err = pairs(a[0])
			return p, err
		}),
		"_pcls": b("_pcls", 3, func(a starlark.Tuple) (*pattern, error) {
			items, err := listItems(a[1])
			if err != nil {
				return nil, err
			}
			p := &pattern{kind: patClass, val: a[0]}
			if p.subs, err = patterns(items); err != nil {
				return nil, err
			}
			keys, subs, err := pairs(a[2])
			for _, k := range keys {
				s, ok := starlark.AsString(k)
				if !ok {
					return nil, exc.TypeError("_pcls: keyword names must be strings")
				}
				p.kws = append(p.kws, s)
			}
			p.kwPat = subs
			return p, err
		}),
		"_match": starlark.NewBuiltin("_match", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := helperArgs("_match", args, kwargs, 2); err != nil {
				return nil, err
			}
			p, err := asPattern(args[1])
			if err != nil {
				return nil, err
			}
			var binds bindings
			ok, err := p.match(args[0], &binds)
			if err != nil || !ok {
				return starlark.None, err
			}
			if binds.d == nil {
				return starlark.True, nil // matched, binding nothing
			}
			return binds.d, nil
		}),
	}
}

// named makes a pattern of kind binding the name v (None allowed when
// optional: *_ and a mapping without **rest).
func named(kind patKind, v starlark.Value, optional bool) (*pattern, error) {
	if v == starlark.None && optional {
		return &pattern{kind: kind}, nil
	}
	s, ok := starlark.AsString(v)
	if !ok {
		return nil, exc.TypeError("pattern name must be a string, not %s", typeName(v))
	}
	return &pattern{kind: kind, name: s}, nil
}

// pairs reads a list of (key, pattern) tuples.
func pairs(v starlark.Value) ([]starlark.Value, []*pattern, error) {
	items, err := listItems(v)
	if err != nil {
		return nil, nil, err
	}
	var keys []starlark.Value
	var subs []*pattern
	for _, kv := range items {
		pair, ok := kv.(starlark.Tuple)
		if !ok || len(pair) != 2 {
			return nil, nil, exc.TypeError("want (key, pattern) pairs")
		}
		sub, err := asPattern(pair[1])
		if err != nil {
			return nil, nil, err
		}
		keys, subs = append(keys, pair[0]), append(subs, sub)
	}
	return keys, subs, nil
}

// bindings are the names a match binds, made on the first one.
type bindings struct{ d *starlark.Dict }

func (b *bindings) set(name starlark.String, v starlark.Value) error {
	if b.d == nil {
		b.d = starlark.NewDict(2)
	}
	return b.d.SetKey(name, v)
}

func listItems(v starlark.Value) (starlark.Tuple, error) {
	l, ok := v.(*starlark.List)
	if !ok {
		return nil, exc.TypeError("want a list of patterns, not %s", typeName(v))
	}
	out := make(starlark.Tuple, l.Len())
	for i := range out {
		out[i] = l.Index(i)
	}
	return out, nil
}

func asPattern(v starlark.Value) (*pattern, error) {
	if p, ok := v.(*pattern); ok {
		return p, nil
	}
	return nil, exc.TypeError("%s is not a pattern", typeName(v))
}

func patterns(vs starlark.Tuple) ([]*pattern, error) {
	out := make([]*pattern, len(vs))
	for i, v := range vs {
		p, err := asPattern(v)
		if err != nil {
			return nil, err
		}
		out[i] = p
	}
	return out, nil
}

func (p *pattern) match(x starlark.Value, binds *bindings) (bool, error) {
	switch p.kind {
	case patWild:
		return true, nil
	case patCap:
		return true, binds.set(starlark.String(p.name), x)
	case patVal:
		if isSingleton(p.val) {
			return p.val.Type() == x.Type() && p.val.Truth() == x.Truth(), nil
		}
		if b, ok := x.(starlark.Bool); ok { // False == 0 in Python
			x = starlark.MakeInt(map[starlark.Bool]int{false: 0, true: 1}[b])
		}
		return starlark.Equal(x, p.val)
	case patOr:
		for _, s := range p.subs {
			if ok, err := s.match(x, binds); ok || err != nil {
				return ok, err
			}
		}
		return false, nil
	case patAs:
		ok, err := p.subs[0].match(x, binds)
		if ok && err == nil {
			err = binds.set(starlark.String(p.name), x)
		}
		return ok, err
	case patSeq:
		return p.matchSeq(x, binds)
	case patMap:
		return p.matchMap(x, binds)
	case patClass:
		return p.matchClass(x, binds)
	}
	return false, nil
}

// isSingleton: None, True and False match by identity (case 1 does not
// match True).
func isSingleton(v starlark.Value) bool {
	switch v.(type) {
	case starlark.NoneType, starlark.Bool:
		return true
	}
	return false
}

// sequenceOf is the subject as a sequence pattern sees it: lists,
// tuples, ranges (not str, bytes or bytearray).
func sequenceOf(x starlark.Value) (starlark.Indexable, bool) {
	x = innerOf(x)
	switch x.(type) {
	case starlark.String, starlark.Bytes, *ByteArray:
		return nil, false
	}
	ix, ok := x.(starlark.Indexable)
	if !ok {
		return nil, false
	}
	_, ok = x.(starlark.Sequence)
	return ix, ok
}

func (p *pattern) matchSeq(x starlark.Value, binds *bindings) (bool, error) {
	items, ok := sequenceOf(x)
	if !ok {
		return false, nil
	}
	n := items.Len()
	star := -1
	for i, s := range p.subs {
		if s.kind == patStar {
			star = i
		}
	}
	if star < 0 {
		if n != len(p.subs) {
			return false, nil
		}
		return matchAll(p.subs, items, 0, binds)
	}
	after := len(p.subs) - star - 1
	if n < len(p.subs)-1 {
		return false, nil
	}
	if ok, err := matchAll(p.subs[:star], items, 0, binds); !ok || err != nil {
		return ok, err
	}
	if ok, err := matchAll(p.subs[star+1:], items, n-after, binds); !ok || err != nil {
		return ok, err
	}
	if name := p.subs[star].name; name != "" {
		mid := make([]starlark.Value, 0, n-after-star)
		for i := star; i < n-after; i++ {
			mid = append(mid, items.Index(i))
		}
		return true, binds.set(starlark.String(name), starlark.NewList(mid))
	}
	return true, nil
}

// matchAll matches ps against the items from index at.
func matchAll(ps []*pattern, items starlark.Indexable, at int, binds *bindings) (bool, error) {
	for i, s := range ps {
		if ok, err := s.match(items.Index(at+i), binds); !ok || err != nil {
			return ok, err
		}
	}
	return true, nil
}

func (p *pattern) matchMap(x starlark.Value, binds *bindings) (bool, error) {
	m, ok := innerOf(x).(starlark.IterableMapping)
	if !ok {
		return false, nil
	}
	for i, k := range p.keys {
		v, found, err := m.Get(k)
		if err != nil || !found {
			return false, err
		}
		if ok, err := p.subs[i].match(v, binds); !ok || err != nil {
			return ok, err
		}
	}
	if p.name != "" {
		rest := starlark.NewDict(0)
		for _, kv := range m.Items() {
			used := false
			for _, k := range p.keys {
				if eq, _ := starlark.Equal(kv[0], k); eq {
					used = true
				}
			}
			if !used {
				if err := rest.SetKey(kv[0], kv[1]); err != nil {
					return false, err
				}
			}
		}
		return true, binds.set(starlark.String(p.name), rest)
	}
	return true, nil
}

// selfMatching are the builtin classes whose one positional sub-pattern
// matches the subject itself (case int(n):).
var selfMatching = map[string]bool{
	"bool": true, "bytearray": true, "bytes": true, "dict": true, "float": true, "frozenset": true,
	"int": true, "list": true, "set": true, "str": true, "tuple": true,
}

func (p *pattern) matchClass(x starlark.Value, binds *bindings) (bool, error) {
	if ok, err := isinstanceOf(x, p.val); !ok || err != nil {
		if err != nil {
			err = exc.TypeError("called match pattern must be a class")
		}
		return false, err
	}
	if len(p.subs) > 0 {
		var names []string
		if b, ok := p.val.(interface{ Name() string }); ok && selfMatching[b.Name()] && !isUserClass(p.val) {
			if len(p.subs) > 1 {
				return false, exc.TypeError("%s() accepts 1 positional sub-pattern (%d given)", b.Name(), len(p.subs))
			}
			return p.subs[0].match(x, binds)
		}
		ma, err := getAttr(p.val, "__match_args__")
		if err == nil {
			it := starlark.Iterate(ma)
			if it != nil {
				var v starlark.Value
				for it.Next(&v) {
					s, _ := starlark.AsString(v)
					names = append(names, s)
				}
				it.Done()
			}
		}
		if len(p.subs) > len(names) {
			return false, exc.TypeError("%s() accepts %d positional sub-patterns (%d given)", className(p.val), len(names), len(p.subs))
		}
		for i, s := range p.subs {
			if ok, err := matchAttr(x, names[i], s, binds); !ok || err != nil {
				return ok, err
			}
		}
	}
	for i, name := range p.kws {
		if ok, err := matchAttr(x, name, p.kwPat[i], binds); !ok || err != nil {
			return ok, err
		}
	}
	return true, nil
}

func matchAttr(x starlark.Value, name string, s *pattern, binds *bindings) (bool, error) {
	v, err := getAttr(x, name)
	if err != nil {
		if isAttributeError(err) {
			return false, nil
		}
		return false, err
	}
	return s.match(v, binds)
}

func isUserClass(v starlark.Value) bool { _, ok := v.(*Class); return ok }

func className(v starlark.Value) string {
	if n, ok := v.(interface{ Name() string }); ok {
		return n.Name()
	}
	return v.String()
}
