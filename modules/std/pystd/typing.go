package pystd

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

func init() {
	runtime.Register(runtime.Module{Name: "typing", Doc: "type hint names (List, Dict, Optional, ...): annotations are not checked", New: newTyping})
}

// typingNames are the hint objects; List[int] and Optional[str] give hints too.
var typingNames = []string{
	"Any", "List", "Dict", "Set", "FrozenSet", "Tuple", "Optional", "Union", "Callable",
	"Iterable", "Iterator", "Generator", "Sequence", "Mapping", "MutableMapping", "MutableSequence",
	"Type", "NoReturn", "ClassVar", "Final", "Literal", "DefaultDict", "Deque", "Counter",
	"OrderedDict", "ByteString", "AnyStr", "Text", "Hashable", "Sized", "Collection",
	"Container", "Awaitable", "Coroutine", "AsyncIterator", "IO", "TextIO", "BinaryIO", "Pattern", "Match",
}

func newTyping(*runtime.Env) (starlark.StringDict, error) {
	d := starlark.StringDict{
		"TYPE_CHECKING":     starlark.False,
		"TypeVar":           starlark.NewBuiltin("TypeVar", typeVar),
		"NewType":           starlark.NewBuiltin("NewType", newType),
		"cast":              starlark.NewBuiltin("cast", cast),
		"overload":          starlark.NewBuiltin("overload", passThrough),
		"final":             starlark.NewBuiltin("final", passThrough),
		"no_type_check":     starlark.NewBuiltin("no_type_check", passThrough),
		"runtime_checkable": starlark.NewBuiltin("runtime_checkable", passThrough),
	}
	d["NamedTuple"] = namedTupleBase{}
	d["Generic"] = newGenericBase("Generic")
	d["Protocol"] = newGenericBase("Protocol")
	for _, n := range typingNames {
		d[n] = &hint{name: "typing." + n}
	}
	return d, nil
}

// hint is a typing name: subscripting it (List[int]) gives another hint.
type hint struct{ name string }

var _ starlark.Mapping = (*hint)(nil)

func (h *hint) String() string        { return h.name }
func (h *hint) Type() string          { return "typing" }
func (h *hint) Freeze()               {}
func (h *hint) Truth() starlark.Bool  { return true }
func (h *hint) Hash() (uint32, error) { return starlark.String(h.name).Hash() }
func (h *hint) Get(k starlark.Value) (starlark.Value, bool, error) {
	return &hint{name: h.name + "[" + hintArgs(k) + "]"}, true, nil
}

func hintArgs(k starlark.Value) string {
	if t, ok := k.(starlark.Tuple); ok {
		s := ""
		for i, x := range t {
			if i > 0 {
				s += ", "
			}
			s += hintName(x)
		}
		return s
	}
	return hintName(k)
}

func hintName(v starlark.Value) string {
	if n, ok := v.(interface{ Name() string }); ok {
		return n.Name()
	}
	return v.String()
}

func typeVar(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	for _, kv := range kwargs {
		switch k, _ := starlark.AsString(kv[0]); k {
		case "bound", "covariant", "contravariant", "infer_variance": // hints only: not checked
		default:
			return nil, exc.TypeError("TypeVar() got an unexpected keyword argument '%s'", k)
		}
	}
	if len(args) == 0 {
		return nil, exc.TypeError("TypeVar() missing required argument: 'name'")
	}
	s, _ := starlark.AsString(args[0])
	return &hint{name: "~" + s}, nil
}

// NewType(name, tp) returns a callable that gives its argument back.
func newType(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	var tp starlark.Value
	if err := starlark.UnpackPositionalArgs("NewType", args, kwargs, 2, &name, &tp); err != nil {
		return nil, err
	}
	return starlark.NewBuiltin(name, passThrough), nil
}

func cast(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var tp, v starlark.Value
	if err := starlark.UnpackPositionalArgs("cast", args, kwargs, 2, &tp, &v); err != nil {
		return nil, err
	}
	return v, nil
}

func passThrough(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	return v, nil
}
