package csv

import (
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// dictReader is csv.DictReader: rows as dicts keyed by the first row
// (or the fieldnames given).
type dictReader struct {
	p                 *parser
	fieldnames        starlark.Value // None until read
	restkey, restval  starlark.Value
	started, haveHead bool
}

// names reads the header row the first time fieldnames is asked for.
func (r *dictReader) names(t *starlark.Thread) (starlark.Value, error) {
	if !r.haveHead {
		r.haveHead = true
		row, ok, err := r.p.next(t)
		if err != nil {
			return nil, err
		}
		if ok {
			r.fieldnames = row
		}
	}
	return r.fieldnames, nil
}

func (r *dictReader) next(t *starlark.Thread) (starlark.Value, bool, error) {
	names, err := r.names(t)
	if err != nil {
		return nil, false, err
	}
	var row *starlark.List
	for row == nil || row.Len() == 0 {
		v, ok, err := r.p.next(t)
		if !ok || err != nil {
			return nil, false, err
		}
		row = v.(*starlark.List)
	}
	keys, err := pylib.Collect(t, names)
	if err != nil {
		return nil, false, err
	}
	d := starlark.NewDict(len(keys))
	for i, k := range keys {
		v := r.restval
		if i < row.Len() {
			v = row.Index(i)
		}
		if err := d.SetKey(k, v); err != nil {
			return nil, false, err
		}
	}
	if row.Len() > len(keys) {
		var rest []starlark.Value
		for i := len(keys); i < row.Len(); i++ {
			rest = append(rest, row.Index(i))
		}
		if err := d.SetKey(r.restkey, starlark.NewList(rest)); err != nil {
			return nil, false, err
		}
	}
	return d, true, nil
}

func newDictReader(t *starlark.Thread, p *parser, fieldnames, restkey, restval starlark.Value) starlark.Value {
	r := &dictReader{p: p, fieldnames: fieldnames, restkey: restkey, restval: restval, haveHead: fieldnames != starlark.None}
	return pylib.NewIteratorWith(t, "DictReader", r.next, func(name string) (starlark.Value, error) {
		switch name {
		case "fieldnames":
			return r.names(t)
		case "line_num":
			return starlark.MakeInt(p.lineNum), nil
		case "dialect":
			return p.d, nil
		case "restkey":
			return r.restkey, nil
		case "restval":
			return r.restval, nil
		}
		return nil, nil
	}, []string{"dialect", "fieldnames", "line_num", "restkey", "restval"})
}

// dictWriter is csv.DictWriter: dicts written in fieldnames order.
type dictWriter struct {
	w            *writer
	fieldnames   []starlark.Value
	restval      starlark.Value
	raiseExtras  bool
	fieldnameVal starlark.Value
}

func (w *dictWriter) String() string        { return "<csv.DictWriter object>" }
func (w *dictWriter) Type() string          { return "DictWriter" }
func (w *dictWriter) Freeze()               {}
func (w *dictWriter) Truth() starlark.Bool  { return true }
func (w *dictWriter) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'DictWriter'") }
func (w *dictWriter) AttrNames() []string {
	return []string{"fieldnames", "restval", "writeheader", "writerow", "writerows", "writer"}
}

func (w *dictWriter) Attr(name string) (starlark.Value, error) {
	method := func(fn func(t *starlark.Thread, arg starlark.Value) (starlark.Value, error)) starlark.Value {
		return starlark.NewBuiltin(name, func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var arg starlark.Value
			n := 1
			if name == "writeheader" {
				n = 0
			}
			if err := starlark.UnpackPositionalArgs(name, args, kwargs, n, &arg); err != nil {
				return nil, err
			}
			return fn(t, arg)
		})
	}
	switch name {
	case "fieldnames":
		return w.fieldnameVal, nil
	case "restval":
		return w.restval, nil
	case "writer":
		return w.w, nil
	case "writeheader":
		return method(func(t *starlark.Thread, _ starlark.Value) (starlark.Value, error) {
			return w.w.writeRow(t, starlark.NewList(w.fieldnames))
		}), nil
	case "writerow":
		return method(w.writeRow), nil
	case "writerows":
		return method(func(t *starlark.Thread, rows starlark.Value) (starlark.Value, error) {
			all, err := pylib.Collect(t, rows)
			if err != nil {
				return nil, err
			}
			for _, r := range all {
				if _, err := w.writeRow(t, r); err != nil {
					return nil, err
				}
			}
			return starlark.None, nil
		}), nil
	}
	return nil, nil
}

func (w *dictWriter) writeRow(t *starlark.Thread, v starlark.Value) (starlark.Value, error) {
	m, ok := v.(starlark.IterableMapping)
	if !ok {
		return nil, exc.New("AttributeError", "'%s' object has no attribute 'keys'", v.Type())
	}
	if w.raiseExtras {
		var wrong []string
		for _, kv := range m.Items() {
			k := kv[0]
			if !contains(w.fieldnames, k) {
				wrong = append(wrong, pyrepr.Repr(k))
			}
		}
		if len(wrong) > 0 {
			return nil, exc.ValueError("dict contains fields not in fieldnames: %s", strings.Join(wrong, ", "))
		}
	}
	row := make([]starlark.Value, len(w.fieldnames))
	for i, k := range w.fieldnames {
		val, found, err := m.Get(k)
		if err != nil {
			return nil, err
		}
		if !found {
			val = w.restval
		}
		row[i] = val
	}
	return w.w.writeRow(t, starlark.NewList(row))
}

func contains(list []starlark.Value, k starlark.Value) bool {
	for _, x := range list {
		if eq, err := starlark.Equal(x, k); err == nil && eq {
			return true
		}
	}
	return false
}
