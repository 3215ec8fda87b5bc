package configparser

import (
	"fmt"
	"sync"

	"github.com/qstar-dev/qstar/runtime/pylib"
	"github.com/qstar-dev/qstar/runtime/pyrepr"

	"go.starlark.net/starlark"
)

// errorTree is CPython's exception tree, shared by every interpreter as
// built-in exception classes are; built on first use (not at start-up).
type errorTree struct {
	base, noSection, duplicateSection, duplicateOption, noOption *pylib.Class
	interpolation, interpolationMissing, interpolationSyntax     *pylib.Class
	interpolationDepth, parsing, missingSectionHeader            *pylib.Class
	byName                                                       map[string]*pylib.Class
}

var errs = sync.OnceValue(func() *errorTree {
	e := &errorTree{base: pylib.NewExceptionClass("Error", "Exception")}
	e.noSection = e.base.Subclass("NoSectionError")
	e.duplicateSection = e.base.Subclass("DuplicateSectionError")
	e.duplicateOption = e.base.Subclass("DuplicateOptionError")
	e.noOption = e.base.Subclass("NoOptionError")
	e.interpolation = e.base.Subclass("InterpolationError")
	e.interpolationMissing = e.interpolation.Subclass("InterpolationMissingOptionError")
	e.interpolationSyntax = e.interpolation.Subclass("InterpolationSyntaxError")
	e.interpolationDepth = e.interpolation.Subclass("InterpolationDepthError")
	e.parsing = e.base.Subclass("ParsingError")
	e.missingSectionHeader = e.parsing.Subclass("MissingSectionHeaderError")
	e.byName = map[string]*pylib.Class{
		"Error": e.base, "NoSectionError": e.noSection, "DuplicateSectionError": e.duplicateSection,
		"DuplicateOptionError": e.duplicateOption, "NoOptionError": e.noOption,
		"InterpolationError": e.interpolation, "InterpolationMissingOptionError": e.interpolationMissing,
		"InterpolationSyntaxError": e.interpolationSyntax, "InterpolationDepthError": e.interpolationDepth,
		"ParsingError": e.parsing, "MissingSectionHeaderError": e.missingSectionHeader,
	}
	return e
})

func repr(s string) string { return pyrepr.Repr(starlark.String(s)) }

func errNoSection(s string) error { return errs().noSection.Raise("No section: " + repr(s)) }

func errNoOption(opt, s string) error {
	return errs().noOption.Raise(fmt.Sprintf("No option %s in section: %s", repr(opt), repr(s)))
}

// where is CPython's "While reading from 'src' [line  n]: " prefix.
func where(source string, line int) string {
	if source == "" {
		return ""
	}
	return fmt.Sprintf("While reading from %s [line %2d]: ", repr(source), line)
}

func errDuplicateSection(s, source string, line int) error {
	if source == "" {
		return errs().duplicateSection.Raise("Section " + repr(s) + " already exists")
	}
	return errs().duplicateSection.Raise(where(source, line) + "section " + repr(s) + " already exists")
}

func errDuplicateOption(s, opt, source string, line int) error {
	if source == "" {
		return errs().duplicateOption.Raise(fmt.Sprintf("Option %s in section %s already exists", repr(opt), repr(s)))
	}
	return errs().duplicateOption.Raise(fmt.Sprintf("%soption %s in section %s already exists", where(source, line), repr(opt), repr(s)))
}
