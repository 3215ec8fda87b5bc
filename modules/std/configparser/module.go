// Package configparser is CPython's configparser for scripts: INI files
// with sections, DEFAULT values, %(name)s interpolation, typed getters,
// mapping access and write().
package configparser

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/pytype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

const getKw = ", *, raw=False, vars=None, fallback=None)"

var sigs = map[string]*pyargs.Sig{
	"ConfigParser.read_string":    pyargs.NewSig("read_string(string, source='<string>')", "Read sections and options from INI text."),
	"ConfigParser.read":           pyargs.NewSig("read(filenames, encoding=None)", "Read each file that opens (a name or a list); the list of names read."),
	"ConfigParser.read_file":      pyargs.NewSig("read_file(f, source=None)", "Read the lines of an open file (or any iterable of lines)."),
	"ConfigParser.read_dict":      pyargs.NewSig("read_dict(dictionary, source='<dict>')", "Read sections from a dict of dicts."),
	"ConfigParser.sections":       pyargs.NewSig("sections()", "The section names, without DEFAULT."),
	"ConfigParser.defaults":       pyargs.NewSig("defaults()", "The DEFAULT section's options as a dict."),
	"ConfigParser.add_section":    pyargs.NewSig("add_section(section)", "Add an empty section (DuplicateSectionError if it exists)."),
	"ConfigParser.has_section":    pyargs.NewSig("has_section(section)", "Whether the section exists (DEFAULT does not count)."),
	"ConfigParser.has_option":     pyargs.NewSig("has_option(section, option)", "Whether the section (or DEFAULT) has the option."),
	"ConfigParser.options":        pyargs.NewSig("options(section)", "The section's option names, then DEFAULT's."),
	"ConfigParser.remove_section": pyargs.NewSig("remove_section(section)", "Remove a section; whether it existed."),
	"ConfigParser.remove_option":  pyargs.NewSig("remove_option(section, option)", "Remove an option; whether it existed."),
	"ConfigParser.set":            pyargs.NewSig("set(section, option, value=None)", "Set an option (values must be strings)."),
	"ConfigParser.get":            pyargs.NewSig("get(section, option"+getKw, "The option's value with %(name)s references expanded (raw=True: as written); fallback when missing."),
	"ConfigParser.getint":         pyargs.NewSig("getint(section, option"+getKw, "get() as an int."),
	"ConfigParser.getfloat":       pyargs.NewSig("getfloat(section, option"+getKw, "get() as a float."),
	"ConfigParser.getboolean":     pyargs.NewSig("getboolean(section, option"+getKw, "get() as a bool: 1/yes/true/on or 0/no/false/off."),
	"ConfigParser.items":          pyargs.NewSig("items(section=None, raw=False, vars=None)", "The (name, value) pairs of a section with DEFAULT's; without a section, (name, SectionProxy) pairs."),
	"ConfigParser.write":          pyargs.NewSig("write(fileobject, space_around_delimiters=True)", "Write the configuration in INI form to fileobject.write."),
	"SectionProxy.get":            pyargs.NewSig("get(option, fallback=None, *, raw=False, vars=None)", "The option's value, or fallback."),
	"SectionProxy.getint":         pyargs.NewSig("getint(option, fallback=None, *, raw=False, vars=None)", "get() as an int."),
	"SectionProxy.getfloat":       pyargs.NewSig("getfloat(option, fallback=None, *, raw=False, vars=None)", "get() as a float."),
	"SectionProxy.getboolean":     pyargs.NewSig("getboolean(option, fallback=None, *, raw=False, vars=None)", "get() as a bool."),
}

const ctorSig = "(defaults=None, dict_type=dict, allow_no_value=False, delimiters=('=', ':'), comment_prefixes=('#', ';'), " +
	"inline_comment_prefixes=None, strict=True, empty_lines_in_values=True, default_section='DEFAULT', interpolation=BasicInterpolation(), converters=None)"

var ctorParams = []string{"defaults?", "dict_type?", "allow_no_value?", "delimiters?", "comment_prefixes?", "inline_comment_prefixes?",
	"strict?", "empty_lines_in_values?", "default_section?", "interpolation?", "converters?"}

func init() {
	runtime.Register(runtime.Module{Name: "configparser", Doc: "INI configuration files: ConfigParser, sections, typed getters, write", New: newModule})
	runtime.RegisterSigs("configparser", sigs)
	docs := map[string]string{
		"ConfigParser":       "ConfigParser" + ctorSig + "\nAn INI configuration: read_string/read/read_file/read_dict, sections, get/getint/getfloat/getboolean, items, set, write; cp['section']['option'].",
		"RawConfigParser":    "RawConfigParser" + ctorSig + "\nConfigParser without interpolation, accepting non-str values in set().",
		"BasicInterpolation": "BasicInterpolation()\n%(name)s references to options of the same section or DEFAULT (ConfigParser's default).",
		"SectionProxy":       "SectionProxy\nThe type of cp['section']: a mapping of the section's options.",
	}
	for name := range errs().byName {
		docs[name] = name + "\nconfigparser's exception of that name."
	}
	docs["DEFAULTSECT"] = "DEFAULTSECT\nThe default section's name, 'DEFAULT'."
	docs["MAX_INTERPOLATION_DEPTH"] = "MAX_INTERPOLATION_DEPTH\nHow deep %(name)s references may nest (10)."
	runtime.RegisterDocs("configparser", docs)
}

// basicInterpolation is the BasicInterpolation() marker.
type basicInterpolation struct{}

func (basicInterpolation) String() string        { return "<configparser.BasicInterpolation object>" }
func (basicInterpolation) Type() string          { return "BasicInterpolation" }
func (basicInterpolation) Freeze()               {}
func (basicInterpolation) Truth() starlark.Bool  { return true }
func (basicInterpolation) Hash() (uint32, error) { return 0, nil }

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	ctor := func(kind string) *pytype.Type {
		return pytype.New("configparser."+kind, func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			vals := make([]starlark.Value, len(ctorParams))
			ptrs := make([]*starlark.Value, len(vals))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := pyargs.Unpack(kind, args, kwargs, ctorParams, ptrs...); err != nil {
				return nil, err
			}
			return newParser(t, env, kind, vals)
		}, kind)
	}
	m := starlark.StringDict{
		"ConfigParser":    ctor("ConfigParser"),
		"RawConfigParser": ctor("RawConfigParser"),
		"SectionProxy": pytype.New("configparser.SectionProxy", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return nil, exc.TypeError("SectionProxy objects come from parser[section]")
		}, "SectionProxy"),
		"BasicInterpolation": starlark.NewBuiltin("BasicInterpolation", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return basicInterpolation{}, starlark.UnpackArgs(b.Name(), args, kwargs)
		}),
		"DEFAULTSECT":             starlark.String("DEFAULT"),
		"MAX_INTERPOLATION_DEPTH": starlark.MakeInt(maxDepth),
	}
	for name, c := range errs().byName {
		m[name] = c
	}
	return m, nil
}

func stringList(v starlark.Value, what string) ([]string, error) {
	if v == starlark.None {
		return nil, nil
	}
	items, err := pylib.Collect(nil, v)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(items))
	for i, x := range items {
		s, ok := x.(starlark.String)
		if !ok {
			return nil, exc.TypeError("%s must be strings", what)
		}
		out[i] = string(s)
	}
	return out, nil
}

func newParser(t *starlark.Thread, env *runtime.Env, kind string, v []starlark.Value) (starlark.Value, error) {
	c := newConfig()
	c.interpolate = kind == "ConfigParser"
	p := &parser{c: c, env: env, kind: kind}
	given := func(i int) bool { return v[i] != nil }
	var err error
	if given(2) {
		c.allowNoValue = bool(v[2].Truth())
	}
	if given(3) {
		if c.delimiters, err = stringList(v[3], "delimiters"); err != nil {
			return nil, err
		}
	}
	if given(4) {
		if c.commentPrefixes, err = stringList(v[4], "comment_prefixes"); err != nil {
			return nil, err
		}
	}
	if given(5) {
		if c.inlinePrefixes, err = stringList(v[5], "inline_comment_prefixes"); err != nil {
			return nil, err
		}
	}
	if given(6) {
		c.strict = bool(v[6].Truth())
	}
	if given(7) {
		c.emptyLinesInValues = bool(v[7].Truth())
	}
	if given(8) {
		c.defaultSection = str(v[8])
	}
	if given(9) {
		switch v[9].(type) {
		case starlark.NoneType:
			c.interpolate = false
		case basicInterpolation:
			c.interpolate = true
		default:
			return nil, exc.TypeError("interpolation must be None or BasicInterpolation()")
		}
	}
	if given(0) && v[0] != starlark.None {
		d := starlark.NewDict(1)
		d.SetKey(starlark.String(c.defaultSection), v[0])
		if err := c.readDict(d, "<dict>"); err != nil {
			return nil, err
		}
	}
	return p, nil
}
