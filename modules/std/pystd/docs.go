package pystd

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of abc, bisect, copy, string and typing, for help(),
// __doc__ and `qstar stubs`; TestDocsMatchBinders keeps them honest.
func init() {
	runtime.RegisterDocs("abc", map[string]string{
		"ABC":                  "ABC\nBase class for abstract classes: a subclass that leaves an @abstractmethod unoverridden cannot be instantiated (TypeError).",
		"ABCMeta":              "ABCMeta\nThe same class as ABC: metaclass=ABCMeta gives the same base.",
		"abstractmethod":       "abstractmethod(funcobj, /)\nDecorator marking an abstract method: an ABC subclass must override it before it can be instantiated; the function is returned as it is.",
		"abstractclassmethod":  "abstractclassmethod(callable, /)\nOlder spelling of abstractmethod for a classmethod.",
		"abstractstaticmethod": "abstractstaticmethod(callable, /)\nOlder spelling of abstractmethod for a staticmethod.",
		"abstractproperty":     "abstractproperty(fget, /)\nOlder spelling of abstractmethod for a property.",
	})
	bisect := "(a, x, lo=0, hi=len(a), *, key=None)"
	runtime.RegisterDocs("bisect", map[string]string{
		"bisect_left":  "bisect_left" + bisect + "\nThe index where x goes in sorted list a, left of any equal items.",
		"bisect_right": "bisect_right" + bisect + "\nThe index where x goes in sorted list a, right of any equal items.",
		"bisect":       "bisect" + bisect + "\nAs bisect_right.",
		"insort_left":  "insort_left" + bisect + "\nInsert x into sorted list a, left of any equal items.",
		"insort_right": "insort_right" + bisect + "\nInsert x into sorted list a, right of any equal items.",
		"insort":       "insort" + bisect + "\nAs insort_right.",
	})
	runtime.RegisterDocs("copy", map[string]string{
		"copy":     "copy(x, /)\nA shallow copy of x (lists, dicts, sets, class instances; immutable values as they are).",
		"deepcopy": "deepcopy(x, /)\nA copy of x and, recursively, of everything it holds.",
		"error":    "error\nNone here: an object that cannot be copied raises TypeError.",
	})
	runtime.RegisterDocs("string", map[string]string{
		"ascii_lowercase": "ascii_lowercase\n'abcdefghijklmnopqrstuvwxyz'.",
		"ascii_uppercase": "ascii_uppercase\n'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.",
		"ascii_letters":   "ascii_letters\nascii_lowercase + ascii_uppercase.",
		"digits":          "digits\n'0123456789'.",
		"hexdigits":       "hexdigits\n'0123456789abcdefABCDEF'.",
		"octdigits":       "octdigits\n'01234567'.",
		"punctuation":     "punctuation\nThe ASCII punctuation characters.",
		"whitespace":      "whitespace\nThe ASCII whitespace characters (space, tab, newline, return, vertical tab, form feed).",
		"printable":       "printable\ndigits, letters, punctuation and whitespace.",
		"capwords":        "capwords(s, sep=None, /)\ns with each word capitalized, words split on sep (runs of whitespace when None).",
	})
	typing := map[string]string{
		"TYPE_CHECKING":     "TYPE_CHECKING\nFalse: code under `if TYPE_CHECKING:` is for type checkers only.",
		"TypeVar":           "TypeVar(name, /, *constraints, bound=None, covariant=False, contravariant=False, infer_variance=False)\nA type variable for generic hints (not checked).",
		"NewType":           "NewType(name, tp, /)\nA callable that returns its argument, naming a distinct type for checkers.",
		"cast":              "cast(typ, val, /)\nval, unchanged: tells a checker val has type typ.",
		"overload":          "overload(func, /)\nDecorator for overload signatures; func returned as it is.",
		"final":             "final(f, /)\nDecorator marking a final class or method; f returned as it is.",
		"no_type_check":     "no_type_check(arg, /)\nDecorator: annotations are not hints; arg returned as it is.",
		"runtime_checkable": "runtime_checkable(cls, /)\nDecorator for a Protocol class; cls returned as it is.",
		"NamedTuple": "NamedTuple(typename, fields=None, /, **kwargs)\nA named tuple class: as a base (`class P(NamedTuple): x: int; y: int = 0`, fields from the annotations, " +
			"defaults from their values, the body's functions as methods) or called with a list of (name, type) pairs.",
		"Generic":  "Generic\nBase of generic classes (`class Box(Generic[T])`); the parameters are not checked.",
		"Protocol": "Protocol\nBase of structural types (`class Closer(Protocol)`); nothing is checked.",
	}
	for _, n := range typingNames {
		typing[n] = n + "\nThe type hint typing." + n + " (subscript it: " + n + "[...]); annotations are not checked."
	}
	runtime.RegisterDocs("typing", typing)
}
