// Package csv is CPython's csv for scripts: reader, writer, DictReader
// and DictWriter over files, io.StringIO or any iterable of lines, with
// the excel, excel-tab and unix dialects and the QUOTE_* rules.
package csv

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Quoting rules, numbered as CPython numbers them.
const (
	quoteMinimal = iota
	quoteAll
	quoteNonNumeric
	quoteNone
)

// noChar marks an unset quotechar or escapechar.
const noChar = rune(-1)

// dialect is csv.Dialect: how fields are separated, quoted and ended.
type dialect struct {
	delimiter, quotechar, escapechar rune
	doublequote, skipSpace, strict   bool
	lineterminator                   string
	quoting                          int
}

var excel = dialect{delimiter: ',', quotechar: '"', escapechar: noChar, doublequote: true, lineterminator: "\r\n"}

func (d *dialect) String() string        { return fmt.Sprintf("<_csv.Dialect object at %p>", d) }
func (d *dialect) Type() string          { return "_csv.Dialect" }
func (d *dialect) Freeze()               {}
func (d *dialect) Truth() starlark.Bool  { return true }
func (d *dialect) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: '_csv.Dialect'") }

var dialectAttrs = []string{"delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"}

func (d *dialect) AttrNames() []string { return dialectAttrs }

func (d *dialect) Attr(name string) (starlark.Value, error) {
	switch name {
	case "delimiter":
		return charValue(d.delimiter), nil
	case "quotechar":
		return charValue(d.quotechar), nil
	case "escapechar":
		return charValue(d.escapechar), nil
	case "doublequote":
		return starlark.Bool(d.doublequote), nil
	case "skipinitialspace":
		return starlark.Bool(d.skipSpace), nil
	case "strict":
		return starlark.Bool(d.strict), nil
	case "lineterminator":
		return starlark.String(d.lineterminator), nil
	case "quoting":
		return starlark.MakeInt(d.quoting), nil
	}
	return nil, nil
}

func charValue(c rune) starlark.Value {
	if c == noChar {
		return starlark.None
	}
	return starlark.String(string(c))
}

// registry holds one interpreter's named dialects (register_dialect),
// in the order they were named.
type registry struct {
	byName map[string]*dialect
	order  []string
}

func newRegistry() *registry {
	tab, unix := excel, excel
	tab.delimiter = '\t'
	unix.lineterminator, unix.quoting = "\n", quoteAll
	r := &registry{byName: map[string]*dialect{}}
	r.add("excel", &excel)
	r.add("excel-tab", &tab)
	r.add("unix", &unix)
	return r
}

func (r *registry) add(name string, d *dialect) {
	if _, ok := r.byName[name]; !ok {
		r.order = append(r.order, name)
	}
	r.byName[name] = d
}

func (r *registry) remove(name string) bool {
	if _, ok := r.byName[name]; !ok {
		return false
	}
	delete(r.byName, name)
	r.order = slices.DeleteFunc(r.order, func(n string) bool { return n == name })
	return true
}

// resolve is the dialect a reader or writer uses: dialect (a name or a
// Dialect) with the fmtparams keywords applied over it.
func (r *registry) resolve(base starlark.Value, kwargs []starlark.Tuple) (*dialect, error) {
	d := excel
	switch b := base.(type) {
	case nil:
	case starlark.String:
		named, ok := r.byName[string(b)]
		if !ok {
			return nil, errorClass().Raise("unknown dialect")
		}
		d = *named
	case *dialect:
		d = *b
	default:
		if b != starlark.None {
			return nil, exc.TypeError("dialect must be a name or a csv.Dialect, not '%s'", b.Type())
		}
	}
	for _, kv := range kwargs {
		k, _ := starlark.AsString(kv[0])
		if err := d.set(k, kv[1]); err != nil {
			return nil, err
		}
	}
	if d.quotechar == noChar && d.quoting != quoteNone {
		return nil, exc.TypeError("quotechar must be set if quoting enabled")
	}
	return &d, nil
}

func (d *dialect) set(key string, v starlark.Value) error {
	switch key {
	case "delimiter":
		c, err := oneChar(key, v, false)
		d.delimiter = c
		return err
	case "quotechar":
		c, err := oneChar(key, v, true)
		d.quotechar = c
		return err
	case "escapechar":
		c, err := oneChar(key, v, true)
		d.escapechar = c
		return err
	case "doublequote":
		d.doublequote = bool(v.Truth())
	case "skipinitialspace":
		d.skipSpace = bool(v.Truth())
	case "strict":
		d.strict = bool(v.Truth())
	case "lineterminator":
		s, ok := v.(starlark.String)
		if !ok {
			return exc.TypeError(`"lineterminator" must be a string`)
		}
		d.lineterminator = string(s)
	case "quoting":
		n, err := starlark.AsInt32(v)
		if err != nil || n < quoteMinimal || n > quoteNone {
			return exc.TypeError(`bad "quoting" value`)
		}
		d.quoting = n
	default:
		return exc.TypeError("'%s' is an invalid keyword argument for this function", key)
	}
	return nil
}

func oneChar(key string, v starlark.Value, noneOK bool) (rune, error) {
	if v == starlark.None && noneOK {
		return noChar, nil
	}
	s, ok := v.(starlark.String)
	if !ok || utf8.RuneCountInString(string(s)) != 1 {
		if noneOK && !ok {
			return 0, exc.TypeError(`"%s" must be string or None, not %s`, key, v.Type())
		}
		return 0, exc.TypeError(`"%s" must be a 1-character string`, key)
	}
	r, _ := utf8.DecodeRuneInString(string(s))
	return r, nil
}
