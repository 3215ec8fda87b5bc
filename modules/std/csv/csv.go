package csv

import (
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// errorClass() is csv.Error, shared by every interpreter (as a built-in
// exception class is).
var errorClass = sync.OnceValue(func() *pylib.Class { return pylib.NewExceptionClass("Error", "Exception") })

const fmtDoc = " Format keywords: delimiter, quotechar, escapechar, doublequote, skipinitialspace, lineterminator, quoting, strict."

func init() {
	runtime.Register(runtime.Module{Name: "csv", Doc: "CSV files: reader, writer, DictReader, DictWriter", New: newModule})
	runtime.RegisterDocs("csv", map[string]string{
		"reader":             "reader(csvfile, dialect='excel', **fmtparams)\nAn iterator of rows (lists of str) from an iterable of lines (a file, io.StringIO, a list)." + fmtDoc,
		"writer":             "writer(csvfile, dialect='excel', **fmtparams)\nA writer whose writerow(row)/writerows(rows) write delimited lines to csvfile.write." + fmtDoc,
		"DictReader":         "DictReader(f, fieldnames=None, restkey=None, restval=None, dialect='excel', **fmtparams)\nRows as dicts keyed by fieldnames (by default the first row); extra values under restkey, missing ones restval.",
		"DictWriter":         "DictWriter(f, fieldnames, restval='', extrasaction='raise', dialect='excel', **fmtparams)\nWrites dicts in fieldnames order: writeheader(), writerow(d), writerows(ds); extrasaction='ignore' drops unknown keys.",
		"register_dialect":   "register_dialect(name, dialect=None, **fmtparams)\nName a dialect for later readers and writers.",
		"unregister_dialect": "unregister_dialect(name)\nForget a named dialect.",
		"get_dialect":        "get_dialect(name)\nThe named dialect.",
		"list_dialects":      "list_dialects()\nThe dialect names.",
		"Error":              "Error\nRaised for malformed CSV data and unwritable rows.",
		"QUOTE_MINIMAL":      "QUOTE_MINIMAL\nQuote only fields with a delimiter, quotechar or line break (0).",
		"QUOTE_ALL":          "QUOTE_ALL\nQuote every field (1).",
		"QUOTE_NONNUMERIC":   "QUOTE_NONNUMERIC\nQuote every non-number; readers turn unquoted fields into floats (2).",
		"QUOTE_NONE":         "QUOTE_NONE\nNever quote; special characters need escapechar (3).",
	})
}

func newModule(*runtime.Env) (starlark.StringDict, error) {
	dialects := newRegistry()
	// resolve splits (file, dialect=, **fmtparams) calls.
	resolve := func(name string, args starlark.Tuple, kwargs []starlark.Tuple, names ...string) ([]starlark.Value, *dialect, error) {
		vals := make([]starlark.Value, len(names))
		var fmtKw []starlark.Tuple
		var base starlark.Value
		for i, a := range args {
			switch {
			case i < len(names):
				vals[i] = a
			case i == len(names):
				base = a
			default:
				return nil, nil, exc.TypeError("%s() takes at most %d positional arguments (%d given)", name, len(names)+1, len(args))
			}
		}
	kw:
		for _, kv := range kwargs {
			k, _ := starlark.AsString(kv[0])
			if k == "dialect" {
				base = kv[1]
				continue
			}
			for i, n := range names {
				if n == k {
					vals[i] = kv[1]
					continue kw
				}
			}
			fmtKw = append(fmtKw, kv)
		}
		d, err := dialects.resolve(base, fmtKw)
		return vals, d, err
	}
	required := func(name string, vals []starlark.Value, names []string, n int) error {
		for i := 0; i < n; i++ {
			if vals[i] == nil {
				return exc.TypeError("%s() missing required argument '%s'", name, names[i])
			}
		}
		return nil
	}
	orNone := func(v starlark.Value, dflt starlark.Value) starlark.Value {
		if v == nil {
			return dflt
		}
		return v
	}
	builtins := map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
		"reader": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			names := []string{"csvfile"}
			vals, d, err := resolve("reader", args, kwargs, names...)
			if err == nil {
				err = required("reader", vals, names, 1)
			}
			if err != nil {
				return nil, err
			}
			_, it, err := newReader(t, vals[0], d)
			return it, err
		},
		"writer": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			names := []string{"csvfile"}
			vals, d, err := resolve("writer", args, kwargs, names...)
			if err == nil {
				err = required("writer", vals, names, 1)
			}
			if err != nil {
				return nil, err
			}
			return newWriter(vals[0], d)
		},
		"DictReader": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			names := []string{"f", "fieldnames", "restkey", "restval"}
			vals, d, err := resolve("DictReader", args, kwargs, names...)
			if err == nil {
				err = required("DictReader", vals, names, 1)
			}
			if err != nil {
				return nil, err
			}
			p, _, err := newReader(t, vals[0], d)
			if err != nil {
				return nil, err
			}
			fieldnames := orNone(vals[1], starlark.None)
			if fieldnames != starlark.None {
				l, err := pylib.Collect(t, fieldnames)
				if err != nil {
					return nil, err
				}
				fieldnames = starlark.NewList(l)
			}
			return newDictReader(t, p, fieldnames, orNone(vals[2], starlark.None), orNone(vals[3], starlark.None)), nil
		},
		"DictWriter": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			names := []string{"f", "fieldnames", "restval", "extrasaction"}
			vals, d, err := resolve("DictWriter", args, kwargs, names...)
			if err == nil {
				err = required("DictWriter", vals, names, 2)
			}
			if err != nil {
				return nil, err
			}
			action := "raise"
			if vals[3] != nil {
				action, _ = starlark.AsString(vals[3])
				if action != "raise" && action != "ignore" {
					return nil, exc.ValueError("extrasaction (%s) must be 'raise' or 'ignore'", action)
				}
			}
			w, err := newWriter(vals[0], d)
			if err != nil {
				return nil, err
			}
			fields, err := pylib.Collect(t, vals[1])
			if err != nil {
				return nil, err
			}
			return &dictWriter{w: w, fieldnames: fields, fieldnameVal: vals[1], restval: orNone(vals[2], starlark.String("")), raiseExtras: action == "raise"}, nil
		},
		"register_dialect": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			names := []string{"name"}
			vals, d, err := resolve("register_dialect", args, kwargs, names...)
			if err == nil {
				err = required("register_dialect", vals, names, 1)
			}
			if err != nil {
				return nil, err
			}
			name, ok := vals[0].(starlark.String)
			if !ok {
				return nil, exc.TypeError("dialect name must be a string")
			}
			dialects.add(string(name), d)
			return starlark.None, nil
		},
		"unregister_dialect": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var name string
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "name", &name); err != nil {
				return nil, err
			}
			if !dialects.remove(name) {
				return nil, errorClass().Raise("unknown dialect")
			}
			return starlark.None, nil
		},
		"get_dialect": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var name string
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "name", &name); err != nil {
				return nil, err
			}
			d, ok := dialects.byName[name]
			if !ok {
				return nil, errorClass().Raise("unknown dialect")
			}
			return d, nil
		},
		"list_dialects": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
				return nil, err
			}
			var l []starlark.Value
			for _, n := range dialects.order {
				l = append(l, starlark.String(n))
			}
			return starlark.NewList(l), nil
		},
	}
	m := pyargs.Builtins(builtins)
	m["Error"] = errorClass()
	m["QUOTE_MINIMAL"] = starlark.MakeInt(quoteMinimal)
	m["QUOTE_ALL"] = starlark.MakeInt(quoteAll)
	m["QUOTE_NONNUMERIC"] = starlark.MakeInt(quoteNonNumeric)
	m["QUOTE_NONE"] = starlark.MakeInt(quoteNone)
	return m, nil
}
