package ustruct

import (
	"fmt"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Struct is struct.Struct(format): a compiled format with its methods.
type Struct struct {
	l      *layout
	format starlark.Value // as given: str or bytes
}

var _ starlark.HasAttrs = (*Struct)(nil)

func newStruct(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var f starlark.Value
	if err := starlark.UnpackArgs("Struct", args, kwargs, "format", &f); err != nil {
		return nil, err
	}
	l, err := layoutOf(f)
	if err != nil {
		return nil, err
	}
	return &Struct{l: l, format: f}, nil
}

func (s *Struct) String() string        { return fmt.Sprintf("<_struct.Struct object at %p>", s) }
func (s *Struct) PyRepr() string        { return s.String() }
func (s *Struct) Type() string          { return "Struct" }
func (s *Struct) Freeze()               {}
func (s *Struct) Truth() starlark.Bool  { return true }
func (s *Struct) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'Struct'") }

var structMethods = map[string]layoutFn{
	"pack": (*layout).packFn, "unpack": (*layout).unpackFn, "pack_into": (*layout).packIntoFn,
	"unpack_from": (*layout).unpackFromFn, "iter_unpack": (*layout).iterUnpackFn,
}

func (s *Struct) AttrNames() []string {
	return []string{"format", "iter_unpack", "pack", "pack_into", "size", "unpack", "unpack_from"}
}

func (s *Struct) Attr(name string) (starlark.Value, error) {
	switch name {
	case "format":
		return starlark.String(s.l.format), nil
	case "size":
		return starlark.MakeInt(s.l.size), nil
	}
	f, ok := structMethods[name]
	if !ok {
		return nil, nil
	}
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return f(s.l, name, args, kwargs)
	}), nil
}
