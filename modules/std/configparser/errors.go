package configparser

import (
	"fmt"

	"github.com/qstar-dev/qstar/runtime/pylib"
	"github.com/qstar-dev/qstar/runtime/pyrepr"

	"go.starlark.net/starlark"
)

// CPython's exception tree, shared by every interpreter as built-in
// exception classes are.
var (
	errorClass              = pylib.NewExceptionClass("Error", "Exception")
	noSectionError          = errorClass.Subclass("NoSectionError")
	duplicateSectionError   = errorClass.Subclass("DuplicateSectionError")
	duplicateOptionError    = errorClass.Subclass("DuplicateOptionError")
	noOptionError           = errorClass.Subclass("NoOptionError")
	interpolationError      = errorClass.Subclass("InterpolationError")
	interpolationMissing    = interpolationError.Subclass("InterpolationMissingOptionError")
	interpolationSyntax     = interpolationError.Subclass("InterpolationSyntaxError")
	interpolationDepth      = interpolationError.Subclass("InterpolationDepthError")
	parsingError            = errorClass.Subclass("ParsingError")
	missingSectionHeaderErr = parsingError.Subclass("MissingSectionHeaderError")
)

var errorClasses = map[string]*pylib.Class{
	"Error": errorClass, "NoSectionError": noSectionError, "DuplicateSectionError": duplicateSectionError,
	"DuplicateOptionError": duplicateOptionError, "NoOptionError": noOptionError,
	"InterpolationError": interpolationError, "InterpolationMissingOptionError": interpolationMissing,
	"InterpolationSyntaxError": interpolationSyntax, "InterpolationDepthError": interpolationDepth,
	"ParsingError": parsingError, "MissingSectionHeaderError": missingSectionHeaderErr,
}

func repr(s string) string { return pyrepr.Repr(starlark.String(s)) }

func errNoSection(s string) error { return noSectionError.Raise("No section: " + repr(s)) }

func errNoOption(opt, s string) error {
	return noOptionError.Raise(fmt.Sprintf("No option %s in section: %s", repr(opt), repr(s)))
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
		return duplicateSectionError.Raise("Section " + repr(s) + " already exists")
	}
	return duplicateSectionError.Raise(where(source, line) + "section " + repr(s) + " already exists")
}

func errDuplicateOption(s, opt, source string, line int) error {
	if source == "" {
		return duplicateOptionError.Raise(fmt.Sprintf("Option %s in section %s already exists", repr(opt), repr(s)))
	}
	return duplicateOptionError.Raise(fmt.Sprintf("%soption %s in section %s already exists", where(source, line), repr(opt), repr(s)))
}
