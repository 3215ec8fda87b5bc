package pystd

import (
	"sort"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// pprint: pformat and pprint as CPython's PrettyPrinter lays out dicts,
// lists, tuples and sets (indent 1): the repr when it fits the width,
// else one item a line; dict keys sorted unless sort_dicts=False. Long
// strings are not split across lines.

func init() {
	runtime.Register(runtime.Module{Name: "pprint", Doc: "pprint and pformat of dicts, lists, tuples and sets", New: newPprint})
	runtime.RegisterDocs("pprint", map[string]string{
		"pformat": "pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True)\nThe pretty-printed text of object: its repr if it fits in width, else one item a line.",
		"pprint":  "pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True)\nPrint pformat(object) to stream (sys.stdout).",
	})
}

type printer struct {
	width int
	sort  bool
}

func newPprint(env *runtime.Env) (starlark.StringDict, error) {
	parse := func(name string, args starlark.Tuple, kwargs []starlark.Tuple, withStream bool) (starlark.Value, starlark.Value, printer, error) {
		var obj, stream, depth starlark.Value = nil, starlark.None, starlark.None
		indent, width := 1, 80
		compact, sortDicts := false, true
		var err error
		if withStream {
			err = starlark.UnpackArgs(name, args, kwargs, "object", &obj, "stream?", &stream, "indent?", &indent, "width?", &width, "depth?", &depth, "compact?", &compact, "sort_dicts?", &sortDicts)
		} else {
			err = starlark.UnpackArgs(name, args, kwargs, "object", &obj, "indent?", &indent, "width?", &width, "depth?", &depth, "compact?", &compact, "sort_dicts?", &sortDicts)
		}
		if err == nil && indent != 1 {
			err = exc.ValueError("pprint: only indent=1 is supported")
		}
		return obj, stream, printer{width: width, sort: sortDicts}, err
	}
	return starlark.StringDict{
		"pformat": starlark.NewBuiltin("pformat", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			obj, _, p, err := parse("pformat", args, kwargs, false)
			if err != nil {
				return nil, err
			}
			var sb strings.Builder
			err = p.format(&sb, obj, 0, 0)
			return starlark.String(sb.String()), err
		}),
		"pprint": starlark.NewBuiltin("pprint", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			obj, stream, p, err := parse("pprint", args, kwargs, true)
			if err != nil {
				return nil, err
			}
			var sb strings.Builder
			if err := p.format(&sb, obj, 0, 0); err != nil {
				return nil, err
			}
			sb.WriteByte('\n')
			if stream == starlark.None {
				_, err = env.Write([]byte(sb.String()))
				return starlark.None, err
			}
			_, err = starlark.Call(t, mustAttr(stream, "write"), starlark.Tuple{starlark.String(sb.String())}, nil)
			return starlark.None, err
		}),
	}, nil
}

func mustAttr(v starlark.Value, name string) starlark.Value {
	if ha, ok := v.(starlark.HasAttrs); ok {
		if a, err := ha.Attr(name); err == nil && a != nil {
			return a
		}
	}
	return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return nil, exc.New("AttributeError", "'%s' object has no attribute '%s'", v.Type(), name)
	})
}

// repr is the one-line form: a repr with dict keys sorted.
func (p printer) repr(v starlark.Value) (string, error) {
	switch x := v.(type) {
	case *starlark.Dict:
		var parts []string
		for _, kv := range p.items(x) {
			k, err := p.repr(kv[0])
			if err != nil {
				return "", err
			}
			e, err := p.repr(kv[1])
			if err != nil {
				return "", err
			}
			parts = append(parts, k+": "+e)
		}
		return "{" + strings.Join(parts, ", ") + "}", nil
	case *starlark.List, starlark.Tuple:
		seq := x.(starlark.Indexable)
		parts := make([]string, seq.Len())
		for i := range parts {
			s, err := p.repr(seq.Index(i))
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		if _, isList := x.(*starlark.List); isList {
			return "[" + strings.Join(parts, ", ") + "]", nil
		}
		if len(parts) == 1 {
			return "(" + parts[0] + ",)", nil
		}
		return "(" + strings.Join(parts, ", ") + ")", nil
	}
	return pyrepr.ReprErr(v)
}

// items is d's items, sorted by key when the printer sorts (keys that do
// not compare keep their order).
func (p printer) items(d *starlark.Dict) []starlark.Tuple {
	items := d.Items()
	if p.sort {
		sort.SliceStable(items, func(i, j int) bool {
			lt, err := starlark.Compare(syntax.LT, items[i][0], items[j][0])
			return err == nil && lt
		})
	}
	return items
}

// format writes v at column indent, leaving allowance columns at the end.
func (p printer) format(sb *strings.Builder, v starlark.Value, indent, allowance int) error {
	rep, err := p.repr(v)
	if err != nil {
		return err
	}
	if len([]rune(rep)) <= p.width-indent-allowance {
		sb.WriteString(rep)
		return nil
	}
	switch x := v.(type) {
	case *starlark.Dict:
		sb.WriteByte('{')
		items := p.items(x)
		in := indent + 1
		for i, kv := range items {
			last := i == len(items)-1
			k, err := p.repr(kv[0])
			if err != nil {
				return err
			}
			sb.WriteString(k + ": ")
			a := 1
			if last {
				a = allowance + 1
			}
			if err := p.format(sb, kv[1], in+len([]rune(k))+2, a); err != nil {
				return err
			}
			if !last {
				sb.WriteString(",\n" + strings.Repeat(" ", in))
			}
		}
		sb.WriteByte('}')
		return nil
	case *starlark.List:
		sb.WriteByte('[')
		if err := p.items1(sb, x, indent, allowance+1); err != nil {
			return err
		}
		sb.WriteByte(']')
		return nil
	case starlark.Tuple:
		end := ")"
		if len(x) == 1 {
			end = ",)"
		}
		sb.WriteByte('(')
		if err := p.items1(sb, x, indent, allowance+len(end)); err != nil {
			return err
		}
		sb.WriteString(end)
		return nil
	}
	sb.WriteString(rep)
	return nil
}

// items1 writes a sequence's items one a line after the opening bracket.
func (p printer) items1(sb *strings.Builder, seq starlark.Indexable, indent, allowance int) error {
	in := indent + 1
	for i := 0; i < seq.Len(); i++ {
		last := i == seq.Len()-1
		if i > 0 {
			sb.WriteString(",\n" + strings.Repeat(" ", in))
		}
		a := 1
		if last {
			a = allowance
		}
		if err := p.format(sb, seq.Index(i), in, a); err != nil {
			return err
		}
	}
	return nil
}
