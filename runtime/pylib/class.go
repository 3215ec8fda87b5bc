package pylib

import (
	"strings"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// Class is a Python class: the built-in exception classes and the classes
// scripts define with `class`.
type Class struct {
	name  string
	bases []*Class
	dict  starlark.StringDict
	order []string // dict keys in definition order, for Cls.__dict__
	mro   []*Class // C3 linearisation, c first; object is implied at the end
	exc   bool     // derives from BaseException
	// shared classes (built-ins) serve every interpreter and stay read-only
	shared bool
	// thread is the thread that defined the class: dunders reached
	// without a thread (operators, str()) run on it
	thread *starlark.Thread
	enum   *enumInfo // the members of an Enum subclass (enum.go)
	// abc marks abc.ABC; abstract lists the methods still abstract in a
	// class deriving from it (abstract.go)
	abc      bool
	abstract []string
	// slots is the attribute names instances may have when every class
	// in the MRO declares __slots__ (nil: instances have a __dict__)
	slots map[string]bool
}

var (
	_ starlark.Callable    = (*Class)(nil)
	_ starlark.HasAttrs    = (*Class)(nil)
	_ starlark.HasSetField = (*Class)(nil)
)

// SetField assigns a class attribute (Counter.total += 1).
func (c *Class) SetField(name string, v starlark.Value) error {
	name = Unmangle(name) // pyname.go
	if c.shared {
		return exc.TypeError("cannot set '%s' attribute of built-in type '%s'", name, c.name)
	}
	if _, ok := c.dict[name]; !ok {
		c.order = append(c.order, name)
	}
	c.dict[name] = v
	return nil
}

func (c *Class) String() string {
	if c.enum != nil || c.isEnumBase() {
		// EnumType's repr: <enum 'Color'>, <flag 'Perm'>
		if c.isSubclass(EnumClass("Flag")) {
			return "<flag '" + c.name + "'>"
		}
		return "<enum '" + c.name + "'>"
	}
	return "<class '" + c.qualName() + "'>"
}
func (c *Class) PyRepr() string        { return c.String() }
func (c *Class) Type() string          { return "type" }
func (c *Class) Freeze()               {}
func (c *Class) Truth() starlark.Bool  { return true }
func (c *Class) Hash() (uint32, error) { return starlark.String(c.name).Hash() }
func (c *Class) Name() string          { return c.name }

// qualName is the name repr shows: __main__.Foo for script classes.
func (c *Class) qualName() string {
	if c.shared || c == objectClass {
		return c.name
	}
	return "__main__." + c.name
}

func (c *Class) Attr(name string) (starlark.Value, error) {
	name = Unmangle(name)
	switch name {
	case "__name__", "__qualname__":
		return starlark.String(shortName(c.name)), nil
	case "__module__":
		if c.shared {
			return starlark.String("builtins"), nil
		}
		return starlark.String("__main__"), nil
	case "__bases__":
		t := make(starlark.Tuple, 0, len(c.bases)+1)
		for _, b := range c.bases {
			t = append(t, b)
		}
		if len(t) == 0 && c != objectClass {
			t = append(t, objectClass)
		}
		return t, nil
	case "__mro__":
		t := starlark.Tuple{}
		for _, k := range c.linearization() {
			t = append(t, k)
		}
		if c != objectClass {
			t = append(t, objectClass)
		}
		return t, nil
	case "mro":
		if c.lookup("mro") == nil {
			return starlark.NewBuiltin("mro", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				if len(args)+len(kwargs) > 0 {
					return nil, exc.TypeError("mro() takes no arguments")
				}
				mro, _ := c.Attr("__mro__")
				return starlark.NewList(append([]starlark.Value(nil), mro.(starlark.Tuple)...)), nil
			}), nil
		}
	case "__dict__":
		return c.dictCopy(), nil
	case "__members__":
		if c.enum != nil {
			return c.enumMembers(), nil
		}
	case "__class__":
		return typeType, nil
	case "__doc__":
		if v, ok := c.dict[name]; ok {
			return v, nil
		}
		return starlark.None, nil
	}
	if v := c.lookup(name); v != nil {
		return onClass(v, c), nil
	}
	for _, alt := range privateAliases(c, name) {
		if v := c.lookup(alt); v != nil {
			return onClass(v, c), nil
		}
	}
	e := exc.New("AttributeError", "type object '%s' has no attribute '%s'", c.name, name)
	e.Suggest = suggestAttr(name, c)
	return nil, e
}

// dictCopy is Cls.__dict__: the class's own members in definition order.
func (c *Class) dictCopy() *starlark.Dict {
	d := starlark.NewDict(len(c.dict) + 1)
	d.SetKey(starlark.String("__module__"), starlark.String("__main__"))
	seen := map[string]bool{}
	for _, k := range c.order {
		if v, ok := c.dict[k]; ok && !seen[k] {
			seen[k] = true
			d.SetKey(starlark.String(k), v)
		}
	}
	for _, k := range c.dict.Keys() {
		if !seen[k] {
			d.SetKey(starlark.String(k), c.dict[k])
		}
	}
	return d
}

func (c *Class) AttrNames() []string {
	var names []string
	seen := map[string]bool{}
	for _, k := range append(c.linearization(), objectClass) {
		for _, n := range k.dict.Keys() {
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	return append(names, "__class__", "__dict__", "__module__", "__name__")
}

// linearization is the method resolution order, c first (without object).
func (c *Class) linearization() []*Class {
	if c.mro == nil {
		m, err := c3(c)
		if err != nil {
			m = dfsOrder(c)
		}
		c.mro = m
	}
	return c.mro
}

// lookup finds name in c's MRO, then in object.
func (c *Class) lookup(name string) starlark.Value {
	if v, _ := c.find(name); v != nil {
		return v
	}
	if v, ok := objectClass.dict[name]; ok {
		return v
	}
	return nil
}

// find looks name up in c's own MRO (not object) and tells which class had it.
func (c *Class) find(name string) (starlark.Value, *Class) {
	for _, k := range c.linearization() {
		if v, ok := k.dict[name]; ok {
			return v, k
		}
	}
	return nil, nil
}

func (c *Class) isSubclass(base *Class) bool {
	if base == objectClass {
		return true
	}
	for _, k := range c.linearization() {
		if k == base {
			return true
		}
	}
	return false
}

// CallInternal is Cls(args): __new__ makes the object, then __init__ runs
// when __new__ gave an instance of the class.
func (c *Class) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if c.enum != nil {
		return c.enumLookup(args, kwargs)
	}
	if len(c.abstract) > 0 {
		return nil, c.abstractError()
	}
	var obj starlark.Value
	if nw, owner := c.find("__new__"); nw != nil && owner != objectClass {
		v, err := starlark.Call(thread, onClass(nw, c), append(starlark.Tuple{c}, args...), kwargs)
		if err != nil {
			return nil, err
		}
		obj = v
		if inst, ok := v.(*Instance); !ok || !inst.class.isSubclass(c) {
			return v, nil // Python skips __init__ then
		}
	} else {
		if sub := osErrorSubclass(c, args); sub != nil {
			c = sub // OSError(2, 'x') is a FileNotFoundError, as in Python
		}
		inst := newInstance(c, thread)
		if c.exc {
			inst.args = append(starlark.Tuple(nil), args...)
		}
		if err := inst.initNative(thread, args, kwargs); err != nil {
			return nil, err
		}
		obj = inst
	}
	inst := obj.(*Instance)
	inst.thread = thread
	init := c.lookup("__init__")
	if init == objectInit {
		if len(args)+len(kwargs) > 0 && c.lookup("__new__") == objectNew {
			return nil, exc.TypeError("%s() takes no arguments", c.name)
		}
		return inst, nil
	}
	res, err := starlark.Call(thread, init, append(starlark.Tuple{inst}, args...), kwargs)
	if err != nil {
		return nil, callError(err, init, c)
	}
	if res != starlark.None {
		return nil, exc.TypeError("__init__() should return None, not '%s'", typeName(res))
	}
	return inst, nil
}

// --- built-in exception classes ---

var (
	classMu  sync.Mutex
	classTab = map[string]*Class{}
)

// builtinClass returns the shared class for a built-in (or module-defined)
// exception name; unknown names derive from Exception.
func builtinClass(name string) *Class {
	classMu.Lock()
	defer classMu.Unlock()
	return builtinClassLocked(name)
}

func builtinClassLocked(name string) *Class {
	if c, ok := classTab[name]; ok {
		return c
	}
	c := &Class{name: name, exc: true, dict: starlark.StringDict{}, shared: true}
	if base := exc.Base(name); base != "" {
		c.bases = []*Class{builtinClassLocked(base)}
	} else {
		c.dict["__init__"] = excInitBuiltin
		c.dict["__str__"] = excStrBuiltin
		c.dict["__repr__"] = excReprBuiltin
	}
	c.linearization()
	classTab[name] = c
	return c
}

var excInitBuiltin = methodBuiltin("__init__", excInit)

// BaseException.__str__/__repr__, for super().__str__() in a subclass
// (set in init: they refer back to the class table)
var excStrBuiltin, excReprBuiltin *starlark.Builtin

func init() {
	excStrBuiltin = methodBuiltin("__str__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		x, err := selfInstance("__str__", args, 1)
		if err != nil {
			return nil, err
		}
		s, err := x.excStr()
		return starlark.String(s), err
	})
	excReprBuiltin = methodBuiltin("__repr__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		x, err := selfInstance("__repr__", args, 1)
		if err != nil {
			return nil, err
		}
		s, err := x.excRepr()
		return starlark.String(s), err
	})
}

// excInit is BaseException.__init__(self, *args).
func excInit(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, exc.TypeError("__init__ needs self")
	}
	self, ok := args[0].(*Instance)
	if !ok {
		return nil, exc.TypeError("__init__ needs an exception instance")
	}
	if len(kwargs) > 0 {
		return nil, exc.TypeError("%s() takes no keyword arguments", self.class.name)
	}
	self.args = append(starlark.Tuple(nil), args[1:]...)
	return starlark.None, nil
}

// _class(name, bases, dict) builds a script class.
func classBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	var bases starlark.Tuple
	var dict *starlark.Dict
	if err := starlark.UnpackPositionalArgs(b.Name(), args, nil, 3, &name, &bases, &dict); err != nil {
		return nil, err
	}
	// the class header's keywords: metaclass=, and the rest for __init_subclass__
	var rest []starlark.Tuple
	for _, kv := range kwargs {
		if string(kv[0].(starlark.String)) != "metaclass" {
			rest = append(rest, kv)
			continue
		}
		if meta, ok := kv[1].(*Class); ok && meta.abc && !inherits(bases, meta) {
			bases = append(bases, meta) // ABCMeta is abc.ABC here: abstract methods are enforced
		}
		// another metaclass is not run: the class is built as a plain class
	}
	for _, bv := range bases {
		if m, ok := bv.(ClassMaker); ok {
			return m.MakeClass(thread, name, bases, dict)
		}
	}
	return newClassKw(thread, name, bases, dict, rest)
}

func inherits(bases starlark.Tuple, c *Class) bool {
	for _, b := range bases {
		if bc, ok := b.(*Class); ok && (bc == c || bc.isSubclass(c)) {
			return true
		}
	}
	return false
}

// annotPrefix names the class-body locals that hold annotations.
const annotPrefix = "_annot_"

func newClass(thread *starlark.Thread, name string, bases starlark.Tuple, dict *starlark.Dict) (*Class, error) {
	return newClassKw(thread, name, bases, dict, nil)
}

// newClassKw is newClass with the class header's keywords, which go to
// the nearest base's __init_subclass__.
func newClassKw(thread *starlark.Thread, name string, bases starlark.Tuple, dict *starlark.Dict, kwargs []starlark.Tuple) (*Class, error) {
	c := &Class{name: name, dict: starlark.StringDict{}, thread: thread}
	for _, bv := range bases {
		if t, ok := bv.(*pyType); ok && nativeClasses()[t.name] != nil {
			bv = nativeClasses()[t.name] // class AttrDict(dict)
		}
		bc, ok := bv.(*Class)
		if !ok {
			if bv == starlark.Universe["object"] || isBuiltinNamed(bv, "object") {
				continue
			}
			if bv == typeType || isBuiltinNamed(bv, "type") {
				continue // a metaclass: defined as a plain class (metaclasses do not run here)
			}
			return nil, exc.TypeError("class %s: base %s is not a class", name, pyrepr.Repr(bv))
		}
		if bc == objectClass {
			continue
		}
		c.bases = append(c.bases, bc)
		c.exc = c.exc || bc.exc
	}
	var annots *starlark.Dict
	for _, item := range dict.Items() {
		k, _ := starlark.AsString(item[0])
		k = Unmangle(k) // def _get -> _get_ in the translated body (pyname.go)
		v := item[1]
		if a, ok := strings.CutPrefix(k, annotPrefix); ok {
			a = Unmangle(a)
			// the translator keeps a class body's `x: T` as _annot_x = "T"
			if annots == nil {
				annots = new(starlark.Dict)
				c.dict["__annotations__"] = annots
				c.order = append(c.order, "__annotations__")
			}
			annots.SetKey(starlark.String(a), v)
			continue
		}
		if _, isFn := v.(*starlark.Function); isFn && k == "__new__" {
			v = &descriptor{kind: "staticmethod", fn: v} // __new__ is implicitly static
		}
		if _, isFn := v.(*starlark.Function); isFn && (k == "__init_subclass__" || k == "__class_getitem__") {
			v = &descriptor{kind: "classmethod", fn: v} // implicitly class methods
		}
		c.dict[k] = v
		c.order = append(c.order, k)
	}
	m, err := c3(c)
	if err != nil {
		return nil, err
	}
	c.mro = m
	if err := makeEnum(thread, c); err != nil {
		return nil, err
	}
	// descriptors learn their attribute name: Field.__set_name__(owner, name)
	for _, k := range c.order {
		if setName, ok := customDescriptor(c.dict[k], "__set_name__"); ok {
			if _, err := starlark.Call(thread, setName, starlark.Tuple{c, starlark.String(k)}, nil); err != nil {
				return nil, err
			}
		}
	}
	c.findAbstract() // abstract.go
	c.findSlots()
	if err := c.initSubclass(thread, kwargs); err != nil {
		return nil, err
	}
	return c, nil
}

// initSubclass runs the nearest base's __init_subclass__ for the new
// class, with the class header's keywords.
func (c *Class) initSubclass(thread *starlark.Thread, kwargs []starlark.Tuple) error {
	for _, k := range c.mro[1:] {
		if hook, ok := k.dict["__init_subclass__"]; ok {
			_, err := starlark.Call(thread, onClass(hook, c), nil, kwargs)
			return err
		}
	}
	return nil
}

// c3 is Python's C3 method resolution order.
func c3(c *Class) ([]*Class, error) {
	var seqs [][]*Class
	for _, b := range c.bases {
		seqs = append(seqs, append([]*Class(nil), b.linearization()...))
	}
	seqs = append(seqs, append([]*Class(nil), c.bases...))
	out := []*Class{c}
	for {
		empty := true
		for _, s := range seqs {
			if len(s) > 0 {
				empty = false
			}
		}
		if empty {
			return out, nil
		}
		var head *Class
		for _, s := range seqs {
			if len(s) > 0 && !inTail(s[0], seqs) {
				head = s[0]
				break
			}
		}
		if head == nil {
			var names []string
			for _, b := range c.bases {
				names = append(names, b.name)
			}
			return nil, exc.TypeError("Cannot create a consistent method resolution\norder (MRO) for bases %s", strings.Join(names, ", "))
		}
		out = append(out, head)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == head {
				seqs[i] = s[1:]
			}
		}
	}
}

func inTail(k *Class, seqs [][]*Class) bool {
	for _, s := range seqs {
		for _, x := range s[min(1, len(s)):] {
			if x == k {
				return true
			}
		}
	}
	return false
}

// dfsOrder is the fallback order for classes C3 rejects.
func dfsOrder(c *Class) []*Class {
	var out []*Class
	seen := map[*Class]bool{}
	var visit func(k *Class)
	visit = func(k *Class) {
		if seen[k] {
			return
		}
		seen[k] = true
		out = append(out, k)
		for _, b := range k.bases {
			visit(b)
		}
	}
	visit(c)
	return out
}

func isBuiltinNamed(v starlark.Value, name string) bool {
	b, ok := v.(*starlark.Builtin)
	return ok && b.Name() == name
}

// findSlots sets c.slots when c and all its bases declare __slots__.
func (c *Class) findSlots() {
	slots := map[string]bool{}
	for _, k := range c.mro {
		if k.shared {
			return
		}
		decl, ok := k.dict["__slots__"]
		if !ok {
			return
		}
		if s, ok := decl.(starlark.String); ok {
			slots[string(s)] = true
			continue
		}
		it, ok := decl.(starlark.Iterable)
		if !ok {
			return
		}
		iter := it.Iterate()
		var v starlark.Value
		for iter.Next(&v) {
			if s, ok := v.(starlark.String); ok {
				slots[string(s)] = true
			}
		}
		iter.Done()
	}
	if slots["__dict__"] {
		return
	}
	c.slots = slots
}
