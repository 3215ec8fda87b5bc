package ure

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"sync/atomic"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

const errName = "re.error"

func reError(msg string) error { return exc.New(errName, "%s", msg) }

// Python's flag values.
const (
	flagI = 2
	flagL = 4
	flagM = 8
	flagS = 16
	flagU = 32
	flagX = 64
	flagA = 256
)

var flagNames = []struct {
	bit  int
	name string
}{{flagI, "IGNORECASE"}, {flagL, "LOCALE"}, {flagM, "MULTILINE"}, {flagS, "DOTALL"}, {flagU, "UNICODE"}, {flagX, "VERBOSE"}, {flagA, "ASCII"}}

// Pattern is a compiled regular expression. It matches str and bytes
// subjects alike (as MicroPython's ure does); each kind gets its own
// RE2 program, built on first use.
type Pattern struct {
	src   starlark.Value // the pattern as given, str or bytes
	text  string
	flags int
	progs [2]*program // [text, bytes]
	err   [2]error
	once  [2]sync.Once
	// the backtracking form of an RE2 pattern using ^ or \b, for searches
	// from pos > 0, where RE2 would not see the text before pos
	ctx     [2]*program
	ctxErr  [2]error
	ctxOnce [2]sync.Once
}

// program is one translation: search, match-at-start and whole-string
// forms, on RE2 or (for what RE2 refuses) the backtracking engine.
type program struct {
	search, anchored, full matcher
	re2                    *regexp.Regexp // the RE2 search form; nil when backtracking
	context                bool
	dollar                 bool     // RE2's $ without MULTILINE: also try before a final newline
	names                  []string // group names by index ("" if unnamed), [0] unused
}

var (
	_ starlark.HasAttrs   = (*Pattern)(nil)
	_ starlark.Comparable = (*Pattern)(nil)
)

var (
	cache     sync.Map // cacheKey -> *Pattern
	cacheSize atomic.Int32
)

// maxCache bounds the cache, as CPython's, for scripts that build patterns.
const maxCache = 512

type cacheKey struct {
	text  string
	bytes bool
	flags int
}

func compilePattern(v starlark.Value, flags int) (*Pattern, error) {
	if p, ok := v.(*Pattern); ok {
		if flags != 0 {
			return nil, exc.ValueError("cannot process flags argument with a compiled pattern")
		}
		return p, nil
	}
	text, ok := pyargs.AsText(v)
	if !ok {
		return nil, exc.TypeError("first argument must be string or compiled pattern")
	}
	_, isBytes := v.(starlark.Bytes)
	if !isBytes {
		flags |= flagU
	}
	key := cacheKey{text, isBytes, flags}
	if p, ok := cache.Load(key); ok {
		return p.(*Pattern), nil
	}
	p := &Pattern{src: v, text: text, flags: flags}
	// report syntax errors at compile time, for the pattern's own kind
	if _, err := p.program(isBytes); err != nil {
		return nil, err
	}
	if cacheSize.Add(1) > maxCache {
		purge()
	}
	cache.Store(key, p)
	return p, nil
}

// program returns the RE2 form for text (bytes false) or bytes subjects.
func (p *Pattern) program(bytes bool) (*program, error) {
	k := 0
	if bytes {
		k = 1
	}
	p.once[k].Do(func() { p.progs[k], p.err[k] = p.build(bytes, false) })
	return p.progs[k], p.err[k]
}

// contextual is the backtracking form of the program, built on first use.
func (p *Pattern) contextual(bytes bool) (*program, error) {
	k := 0
	if bytes {
		k = 1
	}
	p.ctxOnce[k].Do(func() { p.ctx[k], p.ctxErr[k] = p.build(bytes, true) })
	return p.ctx[k], p.ctxErr[k]
}

func (p *Pattern) build(bytes, forceBacktrack bool) (*program, error) {
	text := p.text
	if bytes {
		text = latin1(text) // each byte one character, so \xff means the byte 0xff
	}
	verbose, ascii := p.flags&flagX != 0, p.flags&flagA != 0
	tr, err := convert(text, verbose, bytes, ascii, forceBacktrack)
	var u *unsupported
	backtrack := forceBacktrack || errors.As(err, &u)
	if backtrack && !forceBacktrack {
		tr, err = convert(text, verbose, bytes, ascii, true)
	}
	if err != nil {
		return nil, err
	}
	prefix := ""
	for _, f := range []struct {
		bit int
		s   string
	}{{flagI, "i"}, {flagM, "m"}, {flagS, "s"}} {
		if p.flags&f.bit != 0 {
			prefix += f.s
		}
	}
	if prefix != "" {
		prefix = "(?" + prefix + ")"
	}
	if backtrack {
		return buildBacktracking(prefix, tr.expr)
	}
	prog := &program{context: tr.context, dollar: tr.dollar && p.flags&flagM == 0}
	forms := []string{prefix + tr.expr, prefix + `\A(?:` + tr.expr + `)`, prefix + `\A(?:` + tr.expr + `)\z`}
	res := make([]*regexp.Regexp, len(forms))
	for i, expr := range forms {
		if res[i], err = regexp.Compile(expr); err != nil {
			return nil, goError(err)
		}
	}
	prog.re2, prog.names = res[0], res[0].SubexpNames()
	prog.search, prog.anchored, prog.full = re2Matcher{res[0]}, re2Matcher{res[1]}, re2Matcher{res[2]}
	return prog, nil
}

// buildBacktracking compiles for regexp2; \G anchors where the search
// starts, as Python's match(s, pos) does.
func buildBacktracking(prefix, expr string) (*program, error) {
	forms := []string{prefix + expr, prefix + `\G(?:` + expr + `)`, prefix + `\G(?:` + expr + `)\z`}
	bs := make([]backtracker, len(forms))
	for i, f := range forms {
		var err error
		if bs[i], err = compileBacktracking(f); err != nil {
			return nil, err
		}
	}
	return &program{search: bs[0], anchored: bs[1], full: bs[2], names: bs[0].names()}, nil
}

// goError words an RE2 complaint the converter did not catch.
func goError(err error) error {
	if se, ok := err.(*syntax.Error); ok {
		switch se.Code {
		case syntax.ErrInvalidCharRange:
			return reError("bad character range " + strings.Trim(se.Expr, "[]"))
		case syntax.ErrInvalidRepeatSize:
			return reError("the repeat count is too large for RE2 (at most 1000): " + se.Expr)
		case syntax.ErrInvalidNamedCapture:
			return reError("bad character in group name " + se.Expr)
		case syntax.ErrLarge, syntax.ErrNestingDepth:
			return reError("pattern too large for RE2")
		}
		return reError(se.Code.String() + ": " + se.Expr)
	}
	return reError(err.Error())
}

func (p *Pattern) isBytes() bool { _, ok := p.src.(starlark.Bytes); return ok }

func (p *Pattern) String() string {
	var names []string
	for _, f := range flagNames {
		if p.flags&f.bit != 0 && !(f.bit == flagU && !p.isBytes()) {
			names = append(names, "re."+f.name)
		}
	}
	if len(names) == 0 {
		return "re.compile(" + pyrepr.Repr(p.src) + ")"
	}
	return "re.compile(" + pyrepr.Repr(p.src) + ", " + strings.Join(names, "|") + ")"
}
func (p *Pattern) PyRepr() string        { return p.String() }
func (p *Pattern) Type() string          { return "re.Pattern" }
func (p *Pattern) Freeze()               {}
func (p *Pattern) Truth() starlark.Bool  { return true }
func (p *Pattern) Hash() (uint32, error) { return starlark.String(fmt.Sprint(p.text, p.flags)).Hash() }

func (p *Pattern) CompareSameType(op syntax2, y starlark.Value, depth int) (bool, error) {
	q, ok := y.(*Pattern)
	same := ok && p.text == q.text && p.flags == q.flags && p.isBytes() == q.isBytes()
	switch op {
	case eql:
		return same, nil
	case neq:
		return !same, nil
	}
	return false, exc.TypeError("'%s' not supported between instances of 're.Pattern' and 're.Pattern'", op)
}

// groupCount and groupIndex describe the pattern's own kind.
func (p *Pattern) own() *program {
	prog, _ := p.program(p.isBytes())
	return prog
}
