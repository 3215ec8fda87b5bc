package pylib

import (
	"math"
	"strings"
	"unicode"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Methods of str, set and dict that ordinary Python programs use and
// Starlark's types lack (or have with other semantics, like dict.popitem).
// The translator turns x.m(...) into _m(x, ...) for these names.
var corpusMethods = []string{
	"swapcase", "casefold", "expandtabs", "isnumeric", "isdecimal", "isascii",
	"isdisjoint", "difference_update", "intersection_update",
	"symmetric_difference_update", "popitem", "splitlines", "translate", "maketrans", "is_integer", "rsplit",
	"format_map",
}

func init() {
	for _, n := range corpusMethods {
		MethodShims[n] = true
	}
}

// shimCorpus handles the methods above (and join over a str/bytes
// argument); handled is false when recv should use its own method.
func shimCorpus(thread *starlark.Thread, name string, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, bool, error) {
	switch r := recv.(type) {
	case starlark.String:
		if name == "format_map" {
			v, err := formatMap(thread, string(r), args, kwargs)
			return v, true, err
		}
		if v, ok, err := strCaseMethod(name, string(r), args, kwargs); ok { // unicase.go
			return v, ok, err
		}
		if v, ok, err := strTextMethod(name, string(r), args, kwargs); ok { // corpus_text.go
			return v, ok, err
		}
		return strCorpusMethod(name, string(r), args, kwargs)
	case *starlark.Set:
		return setCorpusMethod(name, r, args, kwargs)
	case starlark.Float:
		if name == "is_integer" {
			f := float64(r)
			return starlark.Bool(f == math.Trunc(f) && !math.IsInf(f, 0)), true, noArgs(name, args, kwargs)
		}
	case *starlark.Dict:
		switch name {
		case "popitem":
			return dictPopLast(r, args, kwargs)
		case "keys", "values", "items": // corpus_views.go
			return &dictView{d: r, kind: name}, true, noArgs(name, args, kwargs)
		}
	}
	return nil, false, nil
}

func strCorpusMethod(name, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, bool, error) {
	switch name {
	case "join":
		if len(args) == 1 && len(kwargs) == 0 {
			if seq, ok := args[0].(starlark.String); ok { // "-".join("abc")
				parts := strings.Split(string(seq), "")
				return starlark.String(strings.Join(parts, s)), true, nil
			}
			if seq, ok := args[0].(starlark.Indexable); ok {
				// CPython's words for a non-str item: ", ".join([1, 2])
				for i := 0; i < seq.Len(); i++ {
					if _, isStr := seq.Index(i).(starlark.String); !isStr {
						return nil, true, exc.TypeError("sequence item %d: expected str instance, %s found", i, pyTypeName(seq.Index(i)))
					}
				}
			}
		}
		return nil, false, nil
	case "split", "rsplit": // split(sep, maxsplit=1): Starlark's take them positionally
		if len(kwargs) == 0 {
			return nil, false, nil
		}
		var sep, maxsplit starlark.Value = starlark.None, starlark.MakeInt(-1)
		if err := starlark.UnpackArgs(name, args, kwargs, "sep?", &sep, "maxsplit?", &maxsplit); err != nil {
			return nil, true, err
		}
		m, _ := starlark.String(s).Attr(name)
		v, err := starlark.Call(&starlark.Thread{Name: name}, m, starlark.Tuple{sep, maxsplit}, nil)
		return v, true, err
	case "expandtabs":
		size := 8
		if err := starlark.UnpackArgs(name, args, kwargs, "tabsize?", &size); err != nil {
			return nil, true, err
		}
		return starlark.String(ExpandTabs(s, size)), true, nil
	case "isnumeric", "isdecimal", "isascii":
		return starlark.Bool(classify(name, s)), true, noArgs(name, args, kwargs)
	}
	return nil, false, nil
}

// ExpandTabs is str.expandtabs(size): each tab to the next multiple of size
// columns, counting from each line's start.
func ExpandTabs(s string, size int) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			if size > 0 {
				n := size - col%size
				b.WriteString(strings.Repeat(" ", n))
				col += n
			}
		case '\n', '\r':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}

func classify(name, s string) bool {
	if name == "isascii" {
		for _, r := range s {
			if r > 127 {
				return false
			}
		}
		return true
	}
	if s == "" {
		return false
	}
	for _, r := range s {
		if name == "isdecimal" && !unicode.Is(unicode.Nd, r) || !unicode.IsNumber(r) {
			return false
		}
	}
	return true
}

func setCorpusMethod(name string, s *starlark.Set, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, bool, error) {
	switch name {
	case "isdisjoint":
		var other starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &other); err != nil {
			return nil, true, err
		}
		vals, err := collectPy(other)
		if err != nil {
			return nil, true, err
		}
		for _, v := range vals {
			if ok, _ := s.Has(v); ok {
				return starlark.False, true, nil
			}
		}
		return starlark.True, true, nil
	case "difference_update", "intersection_update", "symmetric_difference_update":
		if len(kwargs) > 0 {
			return nil, true, exc.TypeError("%s() takes no keyword arguments", name)
		}
		return starlark.None, true, updateSet(name, s, args)
	}
	return nil, false, nil
}

// updateSet applies one of the in-place set operations to s.
func updateSet(name string, s *starlark.Set, others starlark.Tuple) error {
	for _, o := range others {
		vals, err := collectPy(o)
		if err != nil {
			return err
		}
		other := starlark.NewSet(len(vals))
		for _, v := range vals {
			if err := other.Insert(v); err != nil {
				return err
			}
		}
		cur, _ := collect(s)
		for _, v := range cur {
			in, _ := other.Has(v)
			if name == "difference_update" && in || name == "intersection_update" && !in {
				if _, err := s.Delete(v); err != nil {
					return err
				}
			}
		}
		if name == "symmetric_difference_update" {
			for _, v := range vals {
				if in, _ := s.Has(v); in {
					s.Delete(v)
				} else if err := s.Insert(v); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// dictPopLast is Python's popitem: the last item inserted, not the first.
func dictPopLast(d *starlark.Dict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, bool, error) {
	if err := noArgs("popitem", args, kwargs); err != nil {
		return nil, true, err
	}
	items := d.Items()
	if len(items) == 0 {
		return nil, true, exc.New("KeyError", "'popitem(): dictionary is empty'")
	}
	last := items[len(items)-1]
	if _, _, err := d.Delete(last[0]); err != nil {
		return nil, true, err
	}
	return last, true, nil
}

// formatMap is str.format_map(mapping): format with the mapping's items as
// the keyword fields.
func formatMap(thread *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var m starlark.Value
	if err := starlark.UnpackPositionalArgs("format_map", args, kwargs, 1, &m); err != nil {
		return nil, err
	}
	im, ok := m.(starlark.IterableMapping)
	if !ok {
		return nil, exc.TypeError("format_map() argument must be a mapping, not %s", typeName(m))
	}
	var kw []starlark.Tuple
	for _, item := range im.Items() {
		if _, isStr := item[0].(starlark.String); isStr {
			kw = append(kw, item)
		}
	}
	r, err := pyFormat(thread, s, nil, kw)
	if err != nil {
		return nil, err
	}
	return starlark.String(r), nil
}
