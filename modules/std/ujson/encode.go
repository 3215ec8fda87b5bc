package ujson

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// encoder writes JSON the way CPython's json.dumps does, including its
// default separators (", " and ": ") and ensure_ascii escaping.
type encoder struct {
	thread      *starlark.Thread
	ensureASCII bool
	allowNaN    bool
	sortKeys    bool
	skipKeys    bool
	indent      *string // nil: one line
	itemSep     string
	keySep      string
	def         starlark.Callable // default=, for values JSON cannot hold
	seen        map[starlark.Value]bool
	b           strings.Builder
}

const maxDepth = 1000

func (e *encoder) encode(v starlark.Value, depth int) error {
	if depth > maxDepth {
		return exc.New("RecursionError", "maximum recursion depth exceeded while encoding a JSON object")
	}
	switch v := v.(type) {
	case starlark.NoneType:
		e.b.WriteString("null")
	case starlark.Bool:
		if v {
			e.b.WriteString("true")
		} else {
			e.b.WriteString("false")
		}
	case starlark.Int:
		e.b.WriteString(v.String())
	case starlark.Float:
		s, err := e.float(float64(v))
		if err != nil {
			return err
		}
		e.b.WriteString(s)
	case starlark.String:
		e.str(string(v))
	case *starlark.Dict:
		return e.dict(v, depth)
	case interface{ Unwrap() *starlark.Dict }: // OrderedDict, defaultdict, Counter
		return e.dict(v.Unwrap(), depth)
	case starlark.Bytes:
		return e.fallback(v, depth)
	case starlark.Indexable: // list, tuple, named tuples
		return e.list(v, depth)
	default:
		return e.fallback(v, depth)
	}
	return nil
}

func (e *encoder) float(f float64) (string, error) {
	switch {
	case math.IsNaN(f), math.IsInf(f, 0):
		if !e.allowNaN {
			return "", exc.ValueError("Out of range float values are not JSON compliant")
		}
		if math.IsNaN(f) {
			return "NaN", nil
		}
		if f > 0 {
			return "Infinity", nil
		}
		return "-Infinity", nil
	}
	return pyrepr.Float(f), nil
}

// fallback calls default=, as CPython does, for a value JSON cannot hold.
func (e *encoder) fallback(v starlark.Value, depth int) error {
	if e.def == nil {
		return exc.TypeError("Object of type %s is not JSON serializable", pyargs.TypeName(v))
	}
	r, err := starlark.Call(e.thread, e.def, starlark.Tuple{v}, nil)
	if err != nil {
		return err
	}
	return e.encode(r, depth+1)
}

func (e *encoder) enter(v starlark.Value) error {
	if e.seen[v] {
		return exc.ValueError("Circular reference detected")
	}
	e.seen[v] = true
	return nil
}

func (e *encoder) newline(depth int) {
	if e.indent == nil {
		return
	}
	e.b.WriteByte('\n')
	for i := 0; i < depth; i++ {
		e.b.WriteString(*e.indent)
	}
}

func (e *encoder) list(v starlark.Indexable, depth int) error {
	if v.Len() == 0 {
		e.b.WriteString("[]")
		return nil
	}
	if l, ok := v.(*starlark.List); ok {
		if err := e.enter(l); err != nil {
			return err
		}
		defer delete(e.seen, l)
	}
	e.b.WriteByte('[')
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			e.b.WriteString(e.itemSep)
		}
		e.newline(depth + 1)
		if err := e.encode(v.Index(i), depth+1); err != nil {
			return err
		}
	}
	e.newline(depth)
	e.b.WriteByte(']')
	return nil
}

func (e *encoder) dict(d *starlark.Dict, depth int) error {
	if d.Len() == 0 {
		e.b.WriteString("{}")
		return nil
	}
	if err := e.enter(d); err != nil {
		return err
	}
	defer delete(e.seen, d)
	items := d.Items()
	if e.sortKeys {
		var sortErr error
		sort.SliceStable(items, func(i, j int) bool {
			lt, err := starlark.Compare(syntax.LT, items[i][0], items[j][0])
			if err != nil && sortErr == nil {
				sortErr = exc.TypeError("sort_keys: '<' not supported between instances of '%s' and '%s'",
					pyargs.TypeName(items[i][0]), pyargs.TypeName(items[j][0]))
			}
			return lt
		})
		if sortErr != nil {
			return sortErr
		}
	}
	e.b.WriteByte('{')
	first := true
	for _, kv := range items {
		key, ok, err := e.key(kv[0])
		if err != nil {
			return err
		}
		if !ok {
			continue // skipkeys=True
		}
		if !first {
			e.b.WriteString(e.itemSep)
		}
		first = false
		e.newline(depth + 1)
		e.str(key)
		e.b.WriteString(e.keySep)
		if err := e.encode(kv[1], depth+1); err != nil {
			return err
		}
	}
	e.newline(depth)
	e.b.WriteByte('}')
	return nil
}

// key converts a dict key as CPython does: str, int, float, bool and None.
func (e *encoder) key(k starlark.Value) (string, bool, error) {
	switch k := k.(type) {
	case starlark.String:
		return string(k), true, nil
	case starlark.Int:
		return k.String(), true, nil
	case starlark.Float:
		s, err := e.float(float64(k))
		return s, true, err
	case starlark.Bool:
		if k {
			return "true", true, nil
		}
		return "false", true, nil
	case starlark.NoneType:
		return "null", true, nil
	}
	if e.skipKeys {
		return "", false, nil
	}
	return "", false, exc.TypeError("keys must be str, int, float, bool or None, not %s", pyargs.TypeName(k))
}

func (e *encoder) str(s string) {
	b := &e.b
	b.WriteByte('"')
	for _, r := range s { // invalid UTF-8 reads as U+FFFD
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			switch {
			case r < 0x20 || (e.ensureASCII && r >= 0x7f && r < 0x10000):
				fmt.Fprintf(b, `\u%04x`, r)
			case e.ensureASCII && r >= 0x10000:
				r -= 0x10000
				fmt.Fprintf(b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// options reads dumps' keyword arguments.
func newEncoder(t *starlark.Thread, fn string, kwargs []starlark.Tuple) (*encoder, error) {
	e := &encoder{thread: t, ensureASCII: true, allowNaN: true, seen: map[starlark.Value]bool{}}
	var separators starlark.Value = starlark.None
	var indent starlark.Value = starlark.None
	for _, kv := range kwargs {
		name := string(kv[0].(starlark.String))
		v := kv[1]
		switch name {
		case "ensure_ascii":
			e.ensureASCII = bool(v.Truth())
		case "allow_nan":
			e.allowNaN = bool(v.Truth())
		case "sort_keys":
			e.sortKeys = bool(v.Truth())
		case "skipkeys":
			e.skipKeys = bool(v.Truth())
		case "check_circular", "cls":
			// circular references are always checked; cls is not supported but harmless when None
			if name == "cls" && v != starlark.None {
				return nil, exc.TypeError("%s() does not support cls=", fn)
			}
		case "separators":
			separators = v
		case "indent":
			indent = v
		case "default":
			if v != starlark.None {
				c, ok := v.(starlark.Callable)
				if !ok {
					return nil, exc.TypeError("%s() argument 'default' must be callable, not %s", fn, pyargs.TypeName(v))
				}
				e.def = c
			}
		default:
			return nil, exc.TypeError("%s() got an unexpected keyword argument '%s'", fn, name)
		}
	}
	e.itemSep, e.keySep = ", ", ": "
	switch v := indent.(type) {
	case starlark.NoneType:
	case starlark.Int:
		n, _ := v.Int64()
		s := strings.Repeat(" ", int(max(n, 0)))
		e.indent = &s
	case starlark.String:
		s := string(v)
		e.indent = &s
	default:
		return nil, exc.TypeError("%s() argument 'indent' must be int, str or None, not %s", fn, pyargs.TypeName(v))
	}
	if e.indent != nil {
		e.itemSep = "," // CPython drops the trailing space when indenting
	}
	if separators != starlark.None {
		seq, ok := separators.(starlark.Indexable)
		if !ok || seq.Len() != 2 {
			return nil, exc.TypeError("%s() argument 'separators' must be an (item_separator, key_separator) tuple", fn)
		}
		is, ok1 := seq.Index(0).(starlark.String)
		ks, ok2 := seq.Index(1).(starlark.String)
		if !ok1 || !ok2 {
			return nil, exc.TypeError("%s() separators must be strings", fn)
		}
		e.itemSep, e.keySep = string(is), string(ks)
	}
	return e, nil
}
