package pylib

import (
	"fmt"
	"strings"
	"sync/atomic"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// Instance is an object of a Class. Exceptions keep their args and the Go
// error they were caught from, so re-raising keeps the original traceback.
type Instance struct {
	class *Class
	attrs *starlark.Dict // obj.__dict__, the same dict the script sees
	args  starlark.Tuple
	err   error
	// thread is the thread that last called one of the object's methods:
	// dunders reached without a thread (x + y, str(x), for loops) run on it
	thread *starlark.Thread
	id     uint64
	// inner is the built-in value of an instance of a class derived from
	// a built-in type (native.go)
	inner starlark.Value
	// aliases maps a subclass's spelling of a base's private attribute,
	// once read, to the base's (see privateAliases)
	aliases map[string]string
	// tbFrom is 1 + the call-stack index of the frame that caught the
	// exception, 0 when uncaught (tbobject.go)
	tbFrom int
}

var (
	_ starlark.HasAttrs    = (*Instance)(nil)
	_ starlark.HasSetField = (*Instance)(nil)
)

var lastID atomic.Uint64

func newInstance(c *Class, thread *starlark.Thread) *Instance {
	if thread == nil {
		thread = c.thread
	}
	return &Instance{class: c, attrs: starlark.NewDict(4), thread: thread, id: lastID.Add(1)}
}

func (x *Instance) Type() string   { return x.class.name }
func (x *Instance) Freeze()        {} // instances stay mutable, as in Python
func (x *Instance) String() string { return x.PyStr() }

// ThreadResolver maps a thread of an interpreter to the thread that now
// holds its lock; the runtime sets it. Dunders run there.
var ThreadResolver func(*starlark.Thread) *starlark.Thread

// callThread is the thread a dunder runs on when Starlark gives none.
func (x *Instance) callThread(name string) *starlark.Thread {
	t := x.thread
	if t == nil {
		t = x.class.thread
	}
	if t == nil {
		return &starlark.Thread{Name: name}
	}
	if ThreadResolver != nil {
		return ThreadResolver(t)
	}
	return t
}

// PyStr is str(x): __str__ if defined, the message for exceptions. A
// failing __str__ shows as <__str__ failed: ...>; PyStrErr reports it.
func (x *Instance) PyStr() string {
	s, err := x.PyStrErr()
	if err != nil {
		return "<__str__ failed: " + err.Error() + ">"
	}
	return s
}

// PyRepr is repr(x): __repr__ if defined, ValueError('m') for exceptions.
func (x *Instance) PyRepr() string {
	s, err := x.PyReprErr()
	if err != nil {
		return "<__repr__ failed: " + err.Error() + ">"
	}
	return s
}

func (x *Instance) PyStrErr() (string, error) {
	if s, ok, err := x.strDunder("__str__"); ok {
		return s, err
	}
	if x.class.exc {
		return x.excStr()
	}
	return x.PyReprErr()
}

// excStr is BaseException.__str__: the message from args.
func (x *Instance) excStr() (string, error) {
	if s, ok := osErrorStr(x); ok {
		return s, nil
	}
	switch len(x.args) {
	case 0:
		return "", nil
	case 1:
		if x.class.isSubclass(builtinClass("KeyError")) {
			return pyrepr.ReprErr(x.args[0])
		}
		return pyrepr.StrErr(x.args[0])
	}
	return pyrepr.Repr(x.args), nil
}

func (x *Instance) PyReprErr() (string, error) {
	if s, ok, err := x.strDunder("__repr__"); ok {
		return s, err
	}
	if x.class.exc {
		return x.excRepr()
	}
	return x.defaultRepr(), nil
}

// excRepr is BaseException.__repr__: ValueError('m').
func (x *Instance) excRepr() (string, error) {
	if len(x.args) == 1 {
		r, err := pyrepr.ReprErr(x.args[0])
		return shortName(x.class.name) + "(" + r + ")", err
	}
	return shortName(x.class.name) + pyrepr.Repr(x.args), nil
}

func (x *Instance) defaultRepr() string {
	return fmt.Sprintf("<%s object at 0x%012x>", x.class.qualName(), 0x7f0000000000+x.id*16)
}

// strDunder runs a script-defined __str__/__repr__, which must return a str.
func (x *Instance) strDunder(name string) (string, bool, error) {
	fn, _ := x.class.find(name)
	if fn == nil {
		return "", false, nil
	}
	res, err := starlark.Call(x.callThread(name), fn, starlark.Tuple{x}, nil)
	if err != nil {
		return "", true, err
	}
	s, ok := res.(starlark.String)
	if !ok {
		return "", true, exc.TypeError("%s returned non-string (type %s)", name, typeName(res))
	}
	return string(s), true, nil
}

// Attr is x.name: the instance's own attributes, then the class's, then
// __getattr__.
func (x *Instance) Attr(name string) (starlark.Value, error) {
	name = Unmangle(name) // pyname.go
	v, err := x.attrDirect(name)
	if v != nil || err != nil {
		return v, err
	}
	if ga, _ := x.class.find("__getattr__"); ga != nil {
		return starlark.Call(x.callThread(name), ga, starlark.Tuple{x, starlark.String(name)}, nil)
	}
	if v, ok := osErrorAttr(x, name); ok {
		return v, nil
	}
	return nil, x.noAttr(name)
}

func (x *Instance) noAttr(name string) error {
	e := exc.New("AttributeError", "'%s' object has no attribute '%s'", x.class.name, name)
	e.Suggest = suggestAttr(name, x)
	return e
}

// attrDirect is object.__getattribute__: nil, nil when name is missing.
func (x *Instance) attrDirect(name string) (starlark.Value, error) {
	if v, ok, _ := x.attrs.Get(starlark.String(name)); ok {
		return v, nil
	}
	switch name {
	case "__class__":
		return x.class, nil
	case "__dict__":
		if x.class.slots != nil {
			return nil, nil
		}
		return x.attrs, nil
	case "__module__":
		return starlark.String("__main__"), nil
	}
	if x.class.exc {
		if v := x.excAttr(name); v != nil {
			return v, nil
		}
		if v := x.excTracebackAttr(name); v != nil { // tbobject.go
			return v, nil
		}
	}
	if v := x.class.lookup(name); v != nil {
		return onInstance(v, x)
	}
	if x.inner != nil {
		if v, err := getAttr(x.inner, name); err == nil {
			return v, nil // d.keys() of a dict subclass
		}
	}
	for _, alt := range privateAliases(x.class, name) {
		if v, ok, _ := x.attrs.Get(starlark.String(alt)); ok {
			if x.aliases == nil {
				x.aliases = map[string]string{}
			}
			x.aliases[name] = alt
			return v, nil
		}
		if v := x.class.lookup(alt); v != nil {
			return onInstance(v, x)
		}
	}
	return nil, nil
}

// privateAliases are the other spellings of a mangled private name
// (_Sub__x for _Base__x, and __x) across c's MRO: QuecPython does not
// mangle, so a subclass method may read its base's private attributes,
// and then update them (x.__v += 1). A subclass that assigns its own
// first keeps its own, as in CPython.
func privateAliases(c *Class, name string) []string {
	if !strings.HasPrefix(name, "_") || strings.HasSuffix(name, "__") {
		return nil
	}
	mro := c.linearization()
	base := ""
	for _, k := range mro {
		p := "_" + strings.TrimLeft(k.name, "_") + "__"
		if len(p) > 3 && strings.HasPrefix(name, p) && len(name) > len(p) {
			base = name[len(p)-2:]
			break
		}
	}
	if base == "" {
		return nil
	}
	var out []string
	for _, k := range mro {
		if alt := "_" + strings.TrimLeft(k.name, "_") + base; alt != name {
			out = append(out, alt)
		}
	}
	return append(out, base)
}

// excAttr gives exceptions their built-in attributes.
func (x *Instance) excAttr(name string) starlark.Value {
	first := func() starlark.Value {
		if len(x.args) > 0 {
			return x.args[0]
		}
		return starlark.None
	}
	switch name {
	case "args":
		return x.args
	case "value":
		if x.class.isSubclass(builtinClass("StopIteration")) {
			return first()
		}
	case "code":
		if x.class.isSubclass(builtinClass("SystemExit")) {
			return first()
		}
	case "errno":
		if x.class.isSubclass(builtinClass("OSError")) {
			if len(x.args) > 1 {
				return x.args[0]
			}
			return starlark.None
		}
	}
	return nil
}

func (x *Instance) AttrNames() []string {
	var names []string
	seen := map[string]bool{}
	for _, k := range x.attrs.Keys() {
		if s, ok := starlark.AsString(k); ok {
			seen[s] = true
			names = append(names, s)
		}
	}
	for _, n := range x.class.AttrNames() {
		if !seen[n] && n != "__name__" {
			names = append(names, n)
		}
	}
	return names
}

// SetField is x.name = v: the class's __setattr__ if it has one.
func (x *Instance) SetField(name string, v starlark.Value) error {
	name = Unmangle(name)
	if sa, _ := x.class.find("__setattr__"); sa != nil {
		_, err := starlark.Call(x.callThread(name), sa, starlark.Tuple{x, starlark.String(name), v}, nil)
		return err
	}
	return x.setAttrDirect(name, v)
}

// setAttrDirect is object.__setattr__: properties, then the instance dict.
func (x *Instance) setAttrDirect(name string, v starlark.Value) error {
	if isProp, err := setProperty(x, name, v); isProp {
		return err
	}
	if name == "args" && x.class.exc {
		if t, ok := v.(starlark.Tuple); ok {
			x.args = t
			return nil
		}
	}
	if alt, ok := x.aliases[name]; ok {
		// a subclass updating the base's private attribute it read
		name = alt
	}
	if x.class.slots != nil && !x.class.slots[name] && name != "__class__" {
		return exc.New("AttributeError", "'%s' object has no attribute '%s'", x.class.name, name)
	}
	if name == "__dict__" {
		if d, ok := v.(*starlark.Dict); ok {
			x.attrs = d
			return nil
		}
	}
	if name == "__class__" {
		if c, ok := v.(*Class); ok {
			x.class = c
			return nil
		}
	}
	return x.attrs.SetKey(starlark.String(name), v)
}

// delAttr is `del x.name` / delattr(x, name).
func (x *Instance) delAttr(name string) error {
	name = Unmangle(name)
	if da, _ := x.class.find("__delattr__"); da != nil {
		_, err := starlark.Call(x.callThread(name), da, starlark.Tuple{x, starlark.String(name)}, nil)
		return err
	}
	return x.delAttrDirect(name)
}

func (x *Instance) delAttrDirect(name string) error {
	if done, err := delProperty(x, name); done {
		return err
	}
	_, found, err := x.attrs.Delete(starlark.String(name))
	if err == nil && !found {
		err = x.noAttr(name)
	}
	return err
}
