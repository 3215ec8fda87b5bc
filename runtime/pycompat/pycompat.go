// Package pycompat translates the Python that vendor samples are written
// in into Starlark that go.starlark.net runs, keeping every line on its line.
//
// Pass 1 (pass1.go) rewrites tokens for statements Starlark's parser
// rejects (import, global, try/except, raise, class, is, **, f-strings);
// pass 2 (pass2.go, scope.go, classdef.go) rewrites the parsed tree. The
// helpers the translated code calls live in runtime/pylib.
package pycompat

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"go.starlark.net/syntax"
)

// Options configure a translation.
type Options struct {
	// FileOptions are the Starlark dialect options to parse with.
	FileOptions *syntax.FileOptions
	// ModuleNames lists a registered module's exported names, for
	// `from x import *`; ok is false for unknown modules.
	ModuleNames func(module string) (names []string, ok bool)
	// DynamicGlobals is for REPL chunks: a module-level name that a
	// function reads is looked up when the function runs, as Python does
	// (a later chunk may define or rebind it), instead of when the chunk
	// is compiled. IsPredeclared names builtins to leave alone.
	DynamicGlobals bool
	IsPredeclared  func(name string) bool
	// Port, for `qstar port`, makes the Starlark text a file to keep
	// (port.go); the File is then for printing only.
	Port *PortTo
}

// Change is one rewrite the translator made, for `qstar port`.
type Change struct {
	Line int
	What string
}

// Result is a translated file.
type Result struct {
	File     *syntax.File // ready for starlark.FileProgram; positions are the original lines
	Starlark string       // the Starlark text, for `qstar port`
	Changes  []Change
	// Warnings are likely bugs that Python only reports when the code
	// runs, such as a function reading a name defined nowhere.
	Warnings []string
}

// defaultFileOptions match the runtime's dialect.
var defaultFileOptions = &syntax.FileOptions{Set: true, While: true, TopLevelControl: true, GlobalReassign: true, Recursion: true}

// Translate turns Python source into Starlark.
func Translate(filename string, src []byte, opts *Options) (res *Result, err error) {
	defer func() {
		// a translator bug must not take the whole runtime down
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%s: internal translator error: %v", filename, r)
		}
	}()
	return translate(filename, src, opts)
}

func translate(filename string, src []byte, opts *Options) (*Result, error) {
	if opts == nil {
		opts = &Options{}
	}
	fo := opts.FileOptions
	if fo == nil {
		fo = defaultFileOptions
	}
	text, err := DecodeSource(filename, src) // PEP 263 coding line, UTF-8 check
	if err != nil {
		return nil, err
	}
	// Windows editors: CRLF line ends
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text, changes, err := rewritePass1(filename, text, opts)
	if err != nil {
		return nil, err
	}
	f, err := fo.Parse(filename, text, syntax.RetainComments)
	if err != nil {
		return nil, explainParseError(err)
	}
	p := newPass2(filename)
	p.hasWalrus = strings.Contains(text, mkWalrus)
	p.dynamic = opts.DynamicGlobals
	p.isPredeclared = opts.IsPredeclared
	p.port = opts.Port != nil
	f.Stmts = p.hoistYieldLambdas(f.Stmts) // yieldlambda.go
	if f.Stmts, err = p.stmts(f.Stmts, nil); err != nil {
		return nil, err
	}
	f.Stmts = p.withPatterns(f.Stmts)        // match.go
	if err := p.checkYields(f); err != nil { // generator.go
		return nil, err
	}
	p.resolveFile(f)
	if err := checkMarkers(filename, f); err != nil {
		return nil, err
	}
	if err := checkCallForms(filename, f); err != nil {
		return nil, err
	}
	changes = append(changes, p.changes...)
	sort.SliceStable(changes, func(i, j int) bool { return changes[i].Line < changes[j].Line })
	changes = dedupe(changes)
	var load string
	if opts.Port != nil {
		load = portHelpers(f, opts.Port)
	}
	return &Result{File: f, Starlark: load + printFile(f, p.removedLines()), Changes: changes, Warnings: p.warnings}, nil
}

func dedupe(cs []Change) []Change {
	seen := map[Change]bool{}
	out := cs[:0]
	for _, c := range cs {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

var gotRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`got '?([^\s,']+)'?, want`) })

// missingCommaRe: an operand where a bracketed list wanted its comma or
// closing bracket, which CPython explains as a missing comma.
var missingCommaRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`got (int literal|float literal|string literal|bytes literal|identifier|\(|\[|\{), want (',' or '\)'|',' or '\]'|',' or '\}'|','|'\)'|'\]'|'\}')$`)
})

var reservedHints = map[string]string{
	"as":     "'as' is only supported in import and except clauses",
	"yield":  "build and return a list",
	"async":  "use _thread and blocking calls",
	"await":  "use _thread and blocking calls",
	"is":     "compare with == / !=",
	"*":      "star-unpacking works in a flat target list (a, *rest = xs); index the sequence instead",
	"class":  "define classes at statement level",
	"def":    "define functions at statement level",
	"lambda": "lambda bodies are one expression",
}

// explainParseError turns Starlark's "got import, want primary expression"
// into a message naming the Python construct.
func explainParseError(err error) error {
	msg := err.Error()
	if m := missingCommaRe().FindStringSubmatchIndex(msg); m != nil {
		// two operands side by side inside brackets: `[1, 2 3]`, `f(a b)`
		return fmt.Errorf("%sinvalid syntax. Perhaps you forgot a comma?", msg[:m[0]])
	}
	if m := gotRe().FindStringSubmatch(msg); m != nil {
		if hint, ok := reservedHints[m[1]]; ok {
			prefix := msg
			if se, ok := err.(syntax.Error); ok {
				prefix = se.Pos.String()
			} else if i := strings.Index(msg, ": got"); i >= 0 {
				prefix = msg[:i]
			}
			return fmt.Errorf("%s: '%s' here is not supported by qstar; hint: %s", prefix, m[1], hint)
		}
		return fmt.Errorf("%s (invalid syntax)", msg)
	}
	return err
}

var markers = map[string]string{mkTry: "try", mkExcept: "except", mkTryElse: "else", mkFinally: "finally", mkGlobal: "global", mkClass: "class", mkDecorator: "decorator", mkWith: "with", mkLoopElse: "else", mkNonlocal: "nonlocal", mkWalrus: ":=", mkStarred: "starred target"}

func checkMarkers(file string, f *syntax.File) error {
	var bad *syntax.Ident
	for _, s := range f.Stmts {
		syntax.Walk(s, func(n syntax.Node) bool {
			if id, ok := n.(*syntax.Ident); ok && bad == nil {
				if _, ok := markers[id.Name]; ok {
					bad = id
				}
			}
			return bad == nil
		})
	}
	if bad != nil {
		msg := "invalid syntax: misplaced '" + markers[bad.Name] + "'"
		if bad.Name == mkWalrus {
			msg = "':=' here is not supported by qstar; hint: assign on a separate line (a walrus works in a statement's expression and in comprehensions, not inside a lambda)"
		}
		return &syntaxError{file, int(bad.NamePos.Line), int(bad.NamePos.Col), msg}
	}
	return nil
}

// checkCallForms rejects `*x`, `**x` and `k=v` that a rewrite moved out of
// a call's argument list or a def's parameters (as `except* E:` or
// `except E=0:` would be): Starlark's compiler panics on such a node
// instead of reporting it.
func checkCallForms(file string, f *syntax.File) error {
	var bad syntax.Node
	var what string
	allowed := map[syntax.Expr]bool{}
	for _, s := range f.Stmts {
		syntax.Walk(s, func(n syntax.Node) bool {
			switch n := n.(type) {
			case *syntax.CallExpr:
				for _, a := range n.Args {
					allowed[a] = true
				}
			case *syntax.DefStmt:
				for _, p := range n.Params {
					allowed[p] = true
				}
			case *syntax.LambdaExpr:
				for _, p := range n.Params {
					allowed[p] = true
				}
			case *syntax.UnaryExpr:
				if (n.Op == syntax.STAR || n.Op == syntax.STARSTAR) && !allowed[n] && bad == nil {
					bad, what = n, "'"+n.Op.String()+"'"
				}
			case *syntax.BinaryExpr:
				if n.Op == syntax.EQ && !allowed[n] && bad == nil {
					bad, what = n, "'=' (a keyword argument)"
				}
			}
			return bad == nil
		})
	}
	if bad != nil {
		pos, _ := bad.Span()
		return &syntaxError{file, int(pos.Line), int(pos.Col), "invalid syntax: " + what + " is only allowed in a call's arguments or a def's parameters (except* and star-unpacking are not supported by qstar)"}
	}
	return nil
}
