package runtime

import (
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/pycompat"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// The "python" module: the helpers translated Python calls (pylib's _try,
// _class, _format, ... and the runtime's _import), under public names, so a
// file `qstar port` wrote loads them as plain Starlark:
//
//	load("python", "pyclass", "pytry")
//
// A .py file sees the same helpers predeclared under their "_" names.
const pythonModule = "python"

// PortName is a helper's name in the python module: "_try" -> "pytry",
// "_BREAK" -> "PY_BREAK" (a value, not a function).
func PortName(helper string) string {
	if strings.ToUpper(helper) == helper {
		return "PY" + helper
	}
	return "py" + strings.TrimPrefix(helper, "_")
}

// isHelper reports whether name is one of the helpers translated code
// calls: a predeclared name with a leading underscore.
func (in *Interp) isHelper(name string) bool {
	return strings.HasPrefix(name, "_") && name != "_" && in.predeclared.Has(name)
}

// pythonMembers are the python module's members for this interpreter
// (its _import imports into this interpreter).
func (in *Interp) pythonMembers() starlark.StringDict {
	d := starlark.StringDict{}
	for name, v := range in.predeclared {
		if in.isHelper(name) {
			d[PortName(name)] = v
		}
	}
	return d
}

// PortOptions are the translator options `qstar port` uses: the output
// loads its helpers from the python module.
func PortOptions() *pycompat.Options {
	in := New(nil)
	public := map[string]string{}
	for name := range in.predeclared {
		if in.isHelper(name) {
			public[name] = PortName(name)
		}
	}
	return &pycompat.Options{
		FileOptions:   FileOptions,
		ModuleNames:   ModuleNames,
		IsPredeclared: in.predeclared.Has, // builtins are not undefined names
		Port: &pycompat.PortTo{Module: pythonModule, Name: func(h string) (string, bool) {
			p, ok := public[h]
			return p, ok
		}},
	}
}

func init() {
	Register(Module{Name: pythonModule, Doc: "the Python front end's helpers, for files `qstar port` wrote",
		New: func(env *Env) (starlark.StringDict, error) { return New(env).pythonMembers(), nil }})
	docs := map[string]string{}
	for helper, doc := range helperDocs {
		docs[PortName(helper)] = doc
	}
	for m := range pylib.MethodShims {
		if _, ok := helperDocs["_"+m]; ok {
			continue // _format: documented as itself
		}
		docs[PortName("_"+m)] = "py" + m + "(x, *args, **kwargs)\nx." + m + "(...) with Python's behaviour for str, bytes, list, dict and set; other values use their own " + m + " method."
	}
	RegisterDocs(pythonModule, docs)
}

// helperDocs document each helper other than the method shims, by its
// predeclared name. A helper missing here fails TestPythonModuleDocumented.
var helperDocs = map[string]string{
	"_import":           "pyimport(name, attr=None, top=False)\nimport name at run time, as Python does: the module, or its member attr (from name import attr); top=True gives the package of a dotted name (import a.b binds a).",
	"_try":              "pytry(body, handlers, orelse, final, /)\ntry/except/else/finally: run body(); on an exception, the first (class, handler) in handlers that matches gets it; orelse runs when nothing was raised, final always.",
	"_raise":            "pyraise(exc=None, cause=None, /)\nraise exc (from cause); with no argument, re-raise the exception being handled.",
	"_ret":              "pyret(value, /)\nreturn value from inside a pytry or pywith body: the enclosing function returns it.",
	"_BREAK":            "PY_BREAK\nreturned by a pytry or pywith body to break out of the enclosing loop.",
	"_CONTINUE":         "PY_CONTINUE\nreturned by a pytry or pywith body to continue the enclosing loop.",
	"_namespace":        "pynamespace()\nA function's namespace _l: names its nested try/with bodies and closures assign (nonlocal).",
	"_module_namespace": "pymodule_namespace()\nThe module namespace _g: module names functions assign (global) or read when they run.",
	"_assert":           "pyassert(cond, msg=None, /)\nassert cond, msg: raise AssertionError(msg) when cond is false.",
	"_delitem":          "pydelitem(x, key, /)\ndel x[key], with Python's errors.",
	"_delattr":          "pydelattr(x, name, /)\ndel x.name.",
	"_delslice":         "pydelslice(x, lo, hi, step, /)\ndel x[lo:hi:step] on a list or bytearray.",
	"_setslice":         "pysetslice(x, lo, hi, step, v, /)\nx[lo:hi:step] = v on a list or bytearray.",
	"_getslice":         "pygetslice(x, lo, hi, step, /)\nx[lo:hi:step], counting code points in a str; a class's __getitem__ gets a slice.",
	"_getitem":          "pygetitem(x, key, /)\nx[key]: an int for bytes, a code point for str, __getitem__ for script objects.",
	"_mod":              "pymod(format, args, /)\nformat % args with Python's conversions, widths and precisions.",
	"_format":           "pyformat(template, /, *args, **kwargs)\ntemplate.format(...) with Python's format-spec mini-language (f-strings, {:>4}, {:.2f}).",
	"_class":            "pyclass(name, bases, members, /)\nclass name(*bases) with members (a dict of methods and attributes): a class object with Python's method order.",
	"_super":            "pysuper(cls, obj, /)\nsuper(): the next class's attributes in obj's method order.",
	"_iter":             "pyiter(x, /)\nx as a Python iterable for a for loop: str by character, bytes by int, __iter__/__next__/__getitem__ objects.",
	"_iter_end":         "pyiter_end(v=None, /)\nraise the error that ended the loop just left (from a generator or __next__), else return v.",
	"_chain":            "pychain(a, op, b, /, *more)\nthe chained comparison a op b op c.",
	"_richcmp":          "pyrichcmp(x, op, y, /)\nx op y calling the classes' comparison methods (__lt__, __eq__, reflected as in Python).",
	"_inplace":          "pyinplace(op, x, y, /)\nx op= y: x.__iadd__(y) and the like, else x op y (a list extends in place).",
	"_is":               "pyis(x, y, /)\nx is y: the same object for script objects and classes, equal values otherwise.",
	"_type_is":          "pytype_is(x, T, /)\ntype(x) == T, exactly (a bool is not an int).",
	"_type_name":        "pytype_name(x, /)\ntype(x).__name__.",
	"_type_of":          "pytype_of(x, /)\nx.__class__: the type of any value.",
	"_name_of":          "pyname_of(x, /)\nx.__name__ for functions, classes and modules.",
	"_annotate":         "pyannotate(f, annotations, /)\nrecord f's annotations: annotations() gives the dict f.__annotations__ reads (made on first use).",
	"_attr":             "pyattr(x, name, /)\nx.name for an attribute Python's built-in values have and Starlark's lack: (3).real, f.__defaults__, 'ab'.__len__, (5).__add__.",
	"_doc_of":           "pydoc_of(x, /)\nx.__doc__: the docstring or documented signature, or None.",
	"_with":             "pywith(manager, body, /)\nwith manager as v: body(v) between manager.__enter__() and __exit__(type, exc, tb); a true __exit__ swallows the exception.",
	"_generator":        "pygenerator(fn, /, *args)\nA generator running fn(*args) on its own thread; each pyyield hands a value to next()/send().",
	"_yield":            "pyyield(value=None, /)\nyield value from a pygenerator body: the value send() passes in.",
	"_yield_from":       "pyyield_from(it, /)\nyield from it: the sub-generator's return value.",
	"_unpack":           "pyunpack(xs, before, after, /)\na, *rest, z = xs: a list of the before values, the starred list, then the after values (before and after are counts).",
	"_seq":              "pyseq(xs, n, /)\nthe source of a, b = xs (n targets): xs when it is a tuple or list of n items, else its n items (a str's characters), with Python's errors for a wrong count.",
	"_unpack_each":      "pyunpack_each(rows, before, after, /)\npyunpack of each row, for `for a, *b in rows`.",
	"_spread_list":      "pyspread_list(*parts)\n[*a, x, *b]: parts are lists to concatenate.",
	"_spread_tuple":     "pyspread_tuple(*parts)\n(*a, x): parts are sequences to concatenate.",
	"_spread_set":       "pyspread_set(*parts)\n{*a, x}: the union of parts.",
	"_spread_dict":      "pyspread_dict(*parts)\n{**a, 'k': v}: parts merged left to right.",
	"_method":           "pymethod(x, name, /)\nx.name as a bound method value, with Python's methods for str, bytes and list (key=data.count).",
	"_fnobj":            "pyfnobj(f, /)\nf with an attribute dict (f.calls = 0 after def f).",
	"_match":            "pymatch(subject, pattern, /)\nthe names a case pattern binds (a dict; True when it binds none), or None when subject does not match.",
	"_pw":               "pypw()\nthe wildcard pattern _.",
	"_pcap":             "pypcap(name, /)\na capture pattern: binds name to the subject.",
	"_pval":             "pypval(v, /)\na literal or value pattern: equal to v (None, True and False by identity).",
	"_por":              "pypor(*alternatives)\nan or-pattern p1 | p2: the first that matches.",
	"_pas":              "pypas(pattern, name, /)\npattern as name.",
	"_pseq":             "pypseq(items, /)\na sequence pattern [a, *rest, b] over lists, tuples and ranges (not str or bytes).",
	"_pstar":            "pypstar(name, /)\n*name inside a sequence pattern (None for *_).",
	"_pmap":             "pypmap(pairs, rest, /)\na mapping pattern {key: pattern, **rest} (rest a name or None).",
	"_pcls":             "pypcls(cls, positional, keywords, /)\na class pattern cls(p, k=p): isinstance, then __match_args__ and attributes.",
	"_deleted":          "pydeleted()\nthe value of a name after del name.",
	"_bound":            "pybound(v, name, local, hint='', /)\nv, or NameError (UnboundLocalError when local; its traceback offering hint) if v is the value of a deleted name.",
	"_ns_set":           "pyns_set(ns, name, v, /)\nns.name = v, returning v: a walrus inside a comprehension.",
	"_matmul":           "pymatmul(a, b, /)\na @ b: a.__matmul__(b), else b.__rmatmul__(a).",
	"_undefined":        "pyundefined(ns, name, hint, /)\nns.name for a name the file defines nowhere: its NameError's traceback offers hint.",
}
