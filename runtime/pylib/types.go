package pylib

import (
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// type(x) gives Python's type objects: a script class for an instance, the
// constructor builtin (int, str, dict, ...) for a built-in value, so that
// type(x) == dict and type(x)(v) work, and a typeObj for the types that
// have no constructor (NoneType, function, module).

// typeObj is a built-in type scripts cannot call: <class 'NoneType'>.
type typeObj struct {
	name string
	call func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)
}

var (
	_ starlark.Callable   = (*typeObj)(nil)
	_ starlark.Comparable = (*typeObj)(nil)
)

func (t *typeObj) String() string        { return "<class '" + t.name + "'>" }
func (t *typeObj) PyRepr() string        { return t.String() }
func (t *typeObj) Type() string          { return "type" }
func (t *typeObj) Freeze()               {}
func (t *typeObj) Truth() starlark.Bool  { return true }
func (t *typeObj) Hash() (uint32, error) { return starlark.String(t.name).Hash() }
func (t *typeObj) Name() string          { return t.name }
func (t *typeObj) AttrNames() []string   { return []string{"__name__"} }

func (t *typeObj) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__name__", "__qualname__":
		return starlark.String(t.name), nil
	}
	return nil, exc.New("AttributeError", "type object '%s' has no attribute '%s'", t.name, name)
}

func (t *typeObj) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	same := t.name == y.(*typeObj).name
	switch op {
	case syntax.EQL:
		return same, nil
	case syntax.NEQ:
		return !same, nil
	}
	return false, exc.TypeError("'%s' not supported between instances of 'type' and 'type'", op)
}

func (t *typeObj) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if t.call == nil {
		return nil, exc.TypeError("cannot create '%s' instances", t.name)
	}
	return t.call(thread, args, kwargs)
}

// typeType is `type` itself: type(x), and type(name, bases, dict).
var typeType = &typeObj{name: "type"}

func init() { typeType.call = typeCall }

func typeCall(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 3 && len(kwargs) == 0 {
		name, ok := starlark.AsString(args[0])
		bases, ok2 := args[1].(starlark.Tuple)
		dict, ok3 := args[2].(*starlark.Dict)
		if !ok || !ok2 || !ok3 {
			return nil, exc.TypeError("type.__new__() argument 1 must be str, not %s", typeName(args[0]))
		}
		return newClass(thread, name, bases, dict)
	}
	if len(args) != 1 || len(kwargs) > 0 {
		return nil, exc.TypeError("type() takes 1 or 3 arguments")
	}
	return TypeOf(args[0]), nil
}

var (
	typeMu     sync.Mutex
	typeValues = map[string]starlark.Value{}
)

// RegisterType makes v what type(x) returns for values of Python type
// name: the runtime registers its own `str`, so type('a') == str holds.
func RegisterType(name string, v starlark.Value) {
	typeMu.Lock()
	typeValues[name] = v
	typeMu.Unlock()
}

// constructorTypes are the Python types whose constructor is a builtin.
var constructorTypes = map[string]bool{
	"int": true, "float": true, "bool": true, "str": true, "list": true, "dict": true,
	"tuple": true, "bytes": true, "set": true, "range": true, "bytearray": true, "frozenset": true,
}

// TypeOf is type(x).
func TypeOf(x starlark.Value) starlark.Value {
	switch v := x.(type) {
	case *Instance:
		return v.class
	case *Class, *typeObj, *pyType:
		return typeType
	case *starlark.Builtin:
		if v.Receiver() == nil && constructorTypes[v.Name()] {
			return typeType
		}
	}
	name := pyTypeName(x)
	typeMu.Lock()
	v, ok := typeValues[name]
	typeMu.Unlock()
	if ok {
		return v
	}
	if constructorTypes[name] {
		if u, ok := starlark.Universe[name]; ok {
			return u
		}
		if name == "bytearray" {
			return bytearrayType
		}
	}
	return namedType(name)
}

var namedTypes sync.Map // name -> *typeObj

func namedType(name string) *typeObj {
	if t, ok := namedTypes.Load(name); ok {
		return t.(*typeObj)
	}
	t, _ := namedTypes.LoadOrStore(name, &typeObj{name: name})
	return t.(*typeObj)
}

var bytearrayType = starlark.NewBuiltin("bytearray", bytearrayBuiltin)
