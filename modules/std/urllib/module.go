package urllib

import (
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

func init() {
	runtime.Register(runtime.Module{Name: "urllib.parse", Doc: "quote, urlencode, urlparse, parse_qs", New: newParse})
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newParse(env *runtime.Env) (starlark.StringDict, error) {
	return pyargs.Builtins(map[string]builtinFn{
		"quote":        quoteFn("quote", "/", Quote),
		"quote_plus":   quoteFn("quote_plus", "", QuotePlus),
		"unquote":      unquoteFn("unquote", false),
		"unquote_plus": unquoteFn("unquote_plus", true),
		"urlencode":    urlencode,
		"urlparse":     urlparse,
		"urlsplit":     urlsplit,
		"urlunparse":   urlunparse,
		"urlunsplit":   urlunsplit,
		"parse_qs":     parseQS(false),
		"parse_qsl":    parseQS(true),
	}), nil
}

func quoteFn(name, defSafe string, q func(s, safe string) string) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var s starlark.Value
		var safe starlark.Value = starlark.String(defSafe)
		var encoding, errors starlark.Value
		if err := starlark.UnpackArgs(name, args, kwargs, "string", &s, "safe?", &safe, "encoding?", &encoding, "errors?", &errors); err != nil {
			return nil, err
		}
		text, err := pyargs.Text(name, "string", s)
		if err != nil {
			return nil, err
		}
		sf, err := pyargs.Text(name, "safe", safe)
		if err != nil {
			return nil, err
		}
		return starlark.String(q(text, sf)), nil
	}
}

func unquoteFn(name string, plus bool) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var s starlark.Value
		var encoding, errors starlark.Value
		if err := starlark.UnpackArgs(name, args, kwargs, "string", &s, "encoding?", &encoding, "errors?", &errors); err != nil {
			return nil, err
		}
		text, err := pyargs.Text(name, "string", s)
		if err != nil {
			return nil, err
		}
		if plus {
			text = strings.ReplaceAll(text, "+", " ")
		}
		return starlark.String(Unquote(text)), nil
	}
}

// urlencode(query, doseq=False, safe=”, quote_via=quote_plus).
func urlencode(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var query starlark.Value
	doseq := false
	var safeV starlark.Value = starlark.String("")
	var encoding, errors, quoteVia starlark.Value
	if err := starlark.UnpackArgs("urlencode", args, kwargs, "query", &query, "doseq?", &doseq, "safe?", &safeV,
		"encoding?", &encoding, "errors?", &errors, "quote_via?", &quoteVia); err != nil {
		return nil, err
	}
	safe, err := pyargs.Text("urlencode", "safe", safeV)
	if err != nil {
		return nil, err
	}
	quote := func(v starlark.Value) (string, error) {
		var s string
		switch v := v.(type) {
		case starlark.Bytes:
			s = string(v)
		default:
			s = pyrepr.Str(v)
		}
		if quoteVia == nil || quoteVia == starlark.None {
			return QuotePlus(s, safe), nil
		}
		r, err := starlark.Call(t, quoteVia, starlark.Tuple{starlark.String(s), starlark.String(safe)}, nil)
		if err != nil {
			return "", err
		}
		return pyrepr.Str(r), nil
	}
	pairs, err := queryPairs(query)
	if err != nil {
		return nil, err
	}
	var parts []string
	for _, kv := range pairs {
		k, err := quote(kv[0])
		if err != nil {
			return nil, err
		}
		vals := []starlark.Value{kv[1]}
		if doseq {
			switch v := kv[1].(type) {
			case starlark.String, starlark.Bytes:
			case starlark.Iterable:
				vals = nil
				it := v.Iterate()
				var x starlark.Value
				for it.Next(&x) {
					vals = append(vals, x)
				}
				it.Done()
			}
		}
		for _, v := range vals {
			qv, err := quote(v)
			if err != nil {
				return nil, err
			}
			parts = append(parts, k+"="+qv)
		}
	}
	return starlark.String(strings.Join(parts, "&")), nil
}

// queryPairs reads a dict or a sequence of two-item pairs.
func queryPairs(q starlark.Value) ([][2]starlark.Value, error) {
	var out [][2]starlark.Value
	if d, ok := q.(*starlark.Dict); ok {
		for _, kv := range d.Items() {
			out = append(out, [2]starlark.Value{kv[0], kv[1]})
		}
		return out, nil
	}
	seq, ok := q.(starlark.Iterable)
	if !ok || q.Type() == "string" || q.Type() == "bytes" {
		return nil, exc.TypeError("not a valid non-string sequence or mapping object")
	}
	it := seq.Iterate()
	defer it.Done()
	var x starlark.Value
	for it.Next(&x) {
		p, ok := x.(starlark.Indexable)
		if !ok || p.Len() != 2 {
			return nil, exc.TypeError("not a valid non-string sequence or mapping object")
		}
		out = append(out, [2]starlark.Value{p.Index(0), p.Index(1)})
	}
	return out, nil
}

func urlArgs(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (string, string, bool, error) {
	var url, scheme starlark.Value = nil, starlark.String("")
	allow := true
	if err := starlark.UnpackArgs(fn, args, kwargs, "url", &url, "scheme?", &scheme, "allow_fragments?", &allow); err != nil {
		return "", "", false, err
	}
	u, err := pyargs.Text(fn, "url", url)
	if err != nil {
		return "", "", false, err
	}
	s, err := pyargs.Text(fn, "scheme", scheme)
	return u, s, allow, err
}

func urlparse(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	u, s, allow, err := urlArgs("urlparse", args, kwargs)
	if err != nil {
		return nil, err
	}
	p, err := Parse(u, s, allow)
	if err != nil {
		return nil, err
	}
	return result("ParseResult", parseFields, p[:]), nil
}

func urlsplit(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	u, s, allow, err := urlArgs("urlsplit", args, kwargs)
	if err != nil {
		return nil, err
	}
	p, err := Split(u, s, allow)
	if err != nil {
		return nil, err
	}
	return result("SplitResult", splitFields, p[:]), nil
}

func components(fn string, args starlark.Tuple, kwargs []starlark.Tuple, n int) ([]string, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	seq, ok := v.(starlark.Indexable)
	if !ok || seq.Len() != n {
		return nil, exc.ValueError("%s() needs a sequence of %d components", fn, n)
	}
	out := make([]string, n)
	for i := range out {
		s, err := pyargs.Text(fn, "components", seq.Index(i))
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

func urlunparse(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	c, err := components("urlunparse", args, kwargs, 6)
	if err != nil {
		return nil, err
	}
	return starlark.String(Unparse([6]string(c))), nil
}

func urlunsplit(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	c, err := components("urlunsplit", args, kwargs, 5)
	if err != nil {
		return nil, err
	}
	return starlark.String(Unsplit(c[0], c[1], c[2], c[3], c[4])), nil
}

// parse_qs → {name: [values]}; parse_qsl → [(name, value)].
func parseQS(list bool) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var qs starlark.Value
		keep, strict := false, false
		sep := "&"
		var encoding, errors, maxFields starlark.Value
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "qs", &qs, "keep_blank_values?", &keep, "strict_parsing?", &strict,
			"encoding?", &encoding, "errors?", &errors, "max_num_fields?", &maxFields, "separator?", &sep); err != nil {
			return nil, err
		}
		s, err := pyargs.Text(b.Name(), "qs", qs)
		if err != nil {
			return nil, err
		}
		if sep == "" {
			return nil, exc.ValueError("Separator must be of type string or bytes.")
		}
		pairs, err := ParseQSL(s, keep, strict, sep)
		if err != nil {
			return nil, err
		}
		// bytes in, bytes out, as in CPython
		_, isBytes := qs.(starlark.Bytes)
		text := func(s string) starlark.Value {
			if isBytes {
				return starlark.Bytes(s)
			}
			return starlark.String(s)
		}
		if list {
			out := make([]starlark.Value, len(pairs))
			for i, p := range pairs {
				out[i] = starlark.Tuple{text(p[0]), text(p[1])}
			}
			return starlark.NewList(out), nil
		}
		d := starlark.NewDict(len(pairs))
		for _, p := range pairs {
			k := text(p[0])
			v, found, _ := d.Get(k)
			if !found {
				v = starlark.NewList(nil)
				d.SetKey(k, v)
			}
			v.(*starlark.List).Append(text(p[1]))
		}
		return d, nil
	}
}
