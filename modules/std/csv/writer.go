package csv

import (
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// writer is csv.writer: rows joined by the dialect, passed to write().
type writer struct {
	d     *dialect
	write starlark.Value
}

func newWriter(f starlark.Value, d *dialect) (*writer, error) {
	var write starlark.Value
	if h, ok := f.(starlark.HasAttrs); ok {
		write, _ = h.Attr("write")
	}
	if write == nil {
		return nil, exc.TypeError(`argument 1 must have a "write" method`)
	}
	return &writer{d: d, write: write}, nil
}

func (w *writer) String() string        { return "<_csv.writer object>" }
func (w *writer) Type() string          { return "_csv.writer" }
func (w *writer) Freeze()               {}
func (w *writer) Truth() starlark.Bool  { return true }
func (w *writer) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: '_csv.writer'") }
func (w *writer) AttrNames() []string   { return []string{"dialect", "writerow", "writerows"} }

func (w *writer) Attr(name string) (starlark.Value, error) {
	switch name {
	case "dialect":
		return w.d, nil
	case "writerow":
		return starlark.NewBuiltin("writerow", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var row starlark.Value
			if err := starlark.UnpackPositionalArgs("writerow", args, kwargs, 1, &row); err != nil {
				return nil, err
			}
			return w.writeRow(t, row)
		}), nil
	case "writerows":
		return starlark.NewBuiltin("writerows", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var rows starlark.Value
			if err := starlark.UnpackPositionalArgs("writerows", args, kwargs, 1, &rows); err != nil {
				return nil, err
			}
			next, err := pylib.Iter(t, rows)
			if err != nil {
				return nil, err
			}
			for {
				row, ok, err := next(t)
				if err != nil || !ok {
					return starlark.None, err
				}
				if _, err := w.writeRow(t, row); err != nil {
					return nil, err
				}
			}
		}), nil
	}
	return nil, nil
}

// writeRow formats one row and returns what write() returned.
func (w *writer) writeRow(t *starlark.Thread, row starlark.Value) (starlark.Value, error) {
	fields, err := pylib.Collect(t, row)
	if err != nil {
		return nil, errorClass().Raise("iterable expected, not " + row.Type())
	}
	line, err := w.d.join(t, fields)
	if err != nil {
		return nil, err
	}
	return starlark.Call(t, w.write, starlark.Tuple{starlark.String(line)}, nil)
}

// join is CPython's join_append for each field, then the line ending.
func (d *dialect) join(t *starlark.Thread, fields []starlark.Value) (string, error) {
	if len(fields) == 1 && (fields[0] == starlark.None || fields[0] == starlark.String("")) {
		if d.quoting == quoteNone {
			return "", errorClass().Raise("single empty field record must be quoted")
		}
		q := string(d.quotechar)
		return q + q + d.lineterminator, nil
	}
	var out strings.Builder
	for i, f := range fields {
		if i > 0 {
			out.WriteRune(d.delimiter)
		}
		quoted := d.quoting == quoteAll
		if d.quoting == quoteNonNumeric {
			quoted = !isNumber(f)
		}
		var text string
		switch f := f.(type) {
		case starlark.NoneType:
		case starlark.String:
			text = string(f)
		default:
			s, err := starlark.Call(t, pylib.Builtins()["str"], starlark.Tuple{f}, nil)
			if err != nil {
				return "", err
			}
			text, _ = starlark.AsString(s)
		}
		body, q, err := d.escape(text)
		if err != nil {
			return "", err
		}
		if quoted || q {
			out.WriteRune(d.quotechar)
			out.WriteString(body)
			out.WriteRune(d.quotechar)
		} else {
			out.WriteString(body)
		}
	}
	out.WriteString(d.lineterminator)
	return out.String(), nil
}

// escape doubles or escapes the special characters of a field and says
// whether QUOTE_MINIMAL must quote it.
func (d *dialect) escape(s string) (string, bool, error) {
	var b strings.Builder
	quoted := false
	for _, c := range s {
		special := c == d.delimiter || c == d.escapechar || c == d.quotechar || isNewline(c) || strings.ContainsRune(d.lineterminator, c)
		if special {
			escape := d.quoting == quoteNone
			if !escape {
				switch {
				case c == d.quotechar && d.doublequote:
					b.WriteRune(c)
				case c == d.quotechar || c == d.escapechar:
					escape = true
				}
				if !escape {
					quoted = true
				}
			}
			if escape {
				if d.escapechar == noChar {
					return "", false, errorClass().Raise("need to escape, but no escapechar set")
				}
				b.WriteRune(d.escapechar)
			}
		}
		b.WriteRune(c)
	}
	return b.String(), quoted, nil
}

func isNumber(v starlark.Value) bool {
	switch v.(type) {
	case starlark.Int, starlark.Float, starlark.Bool:
		return true
	}
	return false
}
