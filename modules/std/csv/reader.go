package csv

import (
	"strconv"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// Parser states, as CPython's _csv names them.
const (
	startRecord = iota
	startField
	escapedChar
	inField
	inQuotedField
	escapeInQuotedField
	quoteInQuotedField
	eatCRNL
	afterEscapedCRNL
)

// eol is the end of one input line (not a character of it).
const eol = rune(-2)

// parser splits lines into rows; a quoted field may span lines.
type parser struct {
	d        *dialect
	lines    pylib.NextFunc
	lineNum  int
	state    int
	field    strings.Builder
	fields   []starlark.Value
	numeric  bool // QUOTE_NONNUMERIC: the field was not quoted
	hasField bool // the field has characters (an empty quoted one counts)
}

// next reads lines until a row is complete; ok is false at the end.
func (p *parser) next(t *starlark.Thread) (starlark.Value, bool, error) {
	p.fields, p.state = nil, startRecord
	p.resetField()
	for {
		line, ok, err := p.lines(t)
		if err != nil {
			return nil, false, err
		}
		if !ok {
			if p.hasField || p.state == inQuotedField {
				if p.d.strict {
					return nil, false, errorClass().Raise("unexpected end of data")
				}
				if err := p.saveField(); err != nil {
					return nil, false, err
				}
				return starlark.NewList(p.fields), true, nil
			}
			return nil, false, nil
		}
		s, isStr := line.(starlark.String)
		if !isStr {
			return nil, false, errorClass().Raise("iterator should return strings, not " + line.Type() + " (the file should be opened in text mode)")
		}
		p.lineNum++
		for _, c := range string(s) {
			if c == 0 {
				return nil, false, errorClass().Raise("line contains NUL")
			}
			if err := p.char(c); err != nil {
				return nil, false, err
			}
		}
		if err := p.char(eol); err != nil {
			return nil, false, err
		}
		if p.state == startRecord {
			return starlark.NewList(p.fields), true, nil
		}
	}
}

func (p *parser) resetField() {
	p.field.Reset()
	p.hasField, p.numeric = false, false
}

func (p *parser) add(c rune) {
	p.field.WriteRune(c)
	p.hasField = true
}

func (p *parser) saveField() error {
	var v starlark.Value = starlark.String(p.field.String())
	if p.numeric {
		f, err := strconv.ParseFloat(strings.TrimSpace(p.field.String()), 64)
		if err != nil {
			return exc.ValueError("could not convert string to float: '%s'", p.field.String())
		}
		v = starlark.Float(f)
	}
	p.fields = append(p.fields, v)
	p.resetField()
	return nil
}

func isNewline(c rune) bool { return c == '\n' || c == '\r' }

// endField saves the field at a line end: the record ends at eol, or
// after the rest of a \r\n pair.
func (p *parser) endField(c rune) error {
	if err := p.saveField(); err != nil {
		return err
	}
	if c == eol {
		p.state = startRecord
	} else {
		p.state = eatCRNL
	}
	return nil
}

// char is one step of CPython's parse_process_char.
func (p *parser) char(c rune) error {
	d := p.d
	switch p.state {
	case startRecord:
		if c == eol {
			return nil // an empty line is an empty row
		}
		if isNewline(c) {
			p.state = eatCRNL
			return nil
		}
		p.state = startField
		return p.char(c)
	case startField:
		switch {
		case isNewline(c) || c == eol:
			return p.endField(c)
		case c == d.quotechar && d.quoting != quoteNone:
			p.state = inQuotedField
		case c == d.escapechar:
			p.state = escapedChar
		case c == ' ' && d.skipSpace:
		case c == d.delimiter:
			return p.saveField()
		default:
			p.numeric = d.quoting == quoteNonNumeric
			p.add(c)
			p.state = inField
		}
	case escapedChar:
		if isNewline(c) {
			p.add(c)
			p.state = afterEscapedCRNL
			return nil
		}
		if c == eol {
			c = '\n'
		}
		p.add(c)
		p.state = inField
	case afterEscapedCRNL:
		if c == eol {
			return nil
		}
		p.state = inField
		return p.char(c)
	case inField:
		switch {
		case isNewline(c) || c == eol:
			return p.endField(c)
		case c == d.escapechar:
			p.state = escapedChar
		case c == d.delimiter:
			p.state = startField
			return p.saveField()
		default:
			p.add(c)
		}
	case inQuotedField:
		switch {
		case c == eol:
		case c == d.escapechar:
			p.state = escapeInQuotedField
		case c == d.quotechar && d.quoting != quoteNone:
			if d.doublequote {
				p.state = quoteInQuotedField
			} else {
				p.state = inField
			}
		default:
			p.add(c)
		}
	case escapeInQuotedField:
		if c == eol {
			c = '\n'
		}
		p.add(c)
		p.state = inQuotedField
	case quoteInQuotedField:
		switch {
		case d.quoting != quoteNone && c == d.quotechar:
			p.add(c)
			p.state = inQuotedField
		case c == d.delimiter:
			p.state = startField
			return p.saveField()
		case isNewline(c) || c == eol:
			return p.endField(c)
		case !d.strict:
			p.add(c)
			p.state = inField
		default:
			return errorClass().Raise("'" + string(d.delimiter) + "' expected after '" + string(d.quotechar) + "'")
		}
	case eatCRNL:
		switch {
		case isNewline(c):
		case c == eol:
			p.state = startRecord
		default:
			return errorClass().Raise("new-line character seen in unquoted field - do you need to open the file with newline=''?")
		}
	}
	return nil
}

// newReader is csv.reader(csvfile, dialect, **fmtparams).
func newReader(t *starlark.Thread, src starlark.Value, d *dialect) (*parser, starlark.Value, error) {
	lines, err := pylib.Iter(t, src)
	if err != nil {
		return nil, nil, exc.TypeError("argument 1 must be an iterator")
	}
	p := &parser{d: d, lines: lines}
	it := pylib.NewIteratorWith(t, "_csv.reader", p.next, func(name string) (starlark.Value, error) {
		switch name {
		case "line_num":
			return starlark.MakeInt(p.lineNum), nil
		case "dialect":
			return d, nil
		}
		return nil, nil
	}, []string{"dialect", "line_num"})
	return p, it, nil
}
