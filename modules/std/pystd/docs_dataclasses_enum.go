package pystd

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of dataclasses and enum, for help(), __doc__ and
// `qstar stubs`.
func init() {
	runtime.RegisterDocs("dataclasses", map[string]string{
		"dataclass": "dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False)\n" +
			"Add __init__, __repr__, __eq__ (and ordering, hashing, freezing as asked) to a class from its annotated fields.",
		"field": "field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=MISSING)\n" +
			"Describe one dataclass field (a default, a factory for mutable defaults, what it takes part in).",
		"fields":              "fields(class_or_instance, /)\nThe dataclass's fields, as a tuple of Field objects in order.",
		"asdict":              "asdict(obj, /)\nThe dataclass instance as a dict, recursing into dataclasses, lists, tuples and dicts.",
		"astuple":             "astuple(obj, /)\nThe dataclass instance's field values as a tuple, recursing as asdict does.",
		"replace":             "replace(obj, /, **changes)\nA copy of the dataclass instance with the given fields changed.",
		"is_dataclass":        "is_dataclass(obj, /)\nTrue for a dataclass or an instance of one.",
		"MISSING":             "MISSING\nThe marker for a field with no default.",
		"FrozenInstanceError": "FrozenInstanceError(msg)\nRaised when a field of a frozen dataclass instance is assigned.",
	})
	runtime.RegisterDocs("enum", map[string]string{
		"Enum":     "Enum\nBase class for enumerations: class members become instances with .name and .value.",
		"IntEnum":  "IntEnum\nAn Enum whose members are also ints and compare equal to them.",
		"StrEnum":  "StrEnum\nAn Enum whose members are also strs.",
		"Flag":     "Flag\nAn Enum whose members combine with |, & and ^.",
		"IntFlag":  "IntFlag\nA Flag whose members are also ints.",
		"EnumMeta": "EnumMeta\nThe type of enumeration classes (iteration, len, lookup by name and value).",
		"auto":     "auto()\nThe next value for an enum member (1, 2, 3... or the next bit for a Flag).",
		"unique":   "unique(enumeration, /)\nClass decorator: ValueError if two members share a value.",
	})
}
