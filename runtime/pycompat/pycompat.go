// Package pycompat translates the Python that vendor samples are written
// in into Starlark that go.starlark.net runs, keeping every line on its line.
package pycompat

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Options configure a translation.
type Options struct {
	// FileOptions are the Starlark dialect options to parse with.
	FileOptions *syntax.FileOptions
	// ModuleNames lists a registered module's exported names, for
	// `from x import *`; ok is false for unknown modules.
	ModuleNames func(module string) (names []string, ok bool)
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
}

// Translate turns Python source into Starlark.
// PLACEHOLDER: parses the source as Starlark unchanged; the real front end replaces this.
func Translate(filename string, src []byte, opts *Options) (*Result, error) {
	f, err := opts.FileOptions.Parse(filename, src, 0)
	if err != nil {
		return nil, err
	}
	return &Result{File: f, Starlark: string(src)}, nil
}

// Builtins returns the names translated code relies on (exception classes,
// _try, isinstance, ...). The runtime predeclares them for every script.
func Builtins() starlark.StringDict {
	return starlark.StringDict{}
}
