package pylib

import (
	"strings"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// Enums without metaclasses: when a class deriving from Enum is built,
// its plain class attributes become members (instances of the class with
// name and value); the class is then iterable, indexable by name
// (Color["RED"]) and callable by value (Color(1)).

type enumInfo struct {
	members []*Instance          // definition order, without aliases
	byName  map[string]*Instance // aliases too
}

// AutoValue is enum.auto(): the next value.
type AutoValue struct{}

func (AutoValue) String() string        { return "auto()" }
func (AutoValue) Type() string          { return "auto" }
func (AutoValue) Freeze()               {}
func (AutoValue) Truth() starlark.Bool  { return true }
func (AutoValue) Hash() (uint32, error) { return 0x6175746f, nil }

var enumClasses = sync.OnceValue(func() map[string]*Class {
	base := &Class{name: "Enum", dict: starlark.StringDict{}, shared: true}
	base.dict["__repr__"] = methodBuiltin("__repr__", enumRepr)
	base.dict["__str__"] = methodBuiltin("__str__", enumStr)
	base.dict["__hash__"] = methodBuiltin("__hash__", enumHash)
	base.linearization()
	intEnum := &Class{name: "IntEnum", bases: []*Class{nativeClasses()["int"], base}, dict: starlark.StringDict{}, shared: true}
	valueEnum(intEnum)
	intEnum.mro, _ = c3(intEnum)
	strEnum := &Class{name: "StrEnum", bases: []*Class{nativeClasses()["str"], base}, dict: starlark.StringDict{}, shared: true}
	valueEnum(strEnum)
	strEnum.mro, _ = c3(strEnum)
	flag := &Class{name: "Flag", bases: []*Class{base}, dict: starlark.StringDict{}, shared: true}
	flagOps(flag)
	flag.linearization()
	intFlag := &Class{name: "IntFlag", bases: []*Class{nativeClasses()["int"], flag}, dict: starlark.StringDict{}, shared: true}
	valueEnum(intFlag)
	intFlag.mro, _ = c3(intFlag)
	return map[string]*Class{"Enum": base, "IntEnum": intEnum, "StrEnum": strEnum, "Flag": flag, "IntFlag": intFlag}
})

// valueEnum gives an enum deriving from int or str the repr of an Enum and
// the str, format, equality and hash of its value (Status.OK == 200).
func valueEnum(c *Class) {
	c.dict["__repr__"] = methodBuiltin("__repr__", enumRepr)
	c.dict["__str__"] = methodBuiltin("__str__", enumValueStr)
	c.dict["__format__"] = methodBuiltin("__format__", enumValueFormat)
	c.dict["__eq__"] = methodBuiltin("__eq__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		x, err := enumSelf(args)
		if err != nil || len(args) != 2 {
			return nil, exc.TypeError("__eq__ takes one argument")
		}
		eq, err := starlark.Equal(memberField(x, "_value_"), innerOf(args[1]))
		return starlark.Bool(eq), err
	})
	c.dict["__hash__"] = methodBuiltin("__hash__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		x, err := enumSelf(args)
		if err != nil {
			return nil, err
		}
		h, err := memberField(x, "_value_").Hash()
		return starlark.MakeUint(uint(h)), err
	})
}

// EnumClass is enum.Enum, enum.IntEnum, enum.StrEnum, enum.Flag or enum.IntFlag.
func EnumClass(name string) *Class { return enumClasses()[name] }

func enumSelf(args starlark.Tuple) (*Instance, error) {
	if len(args) > 0 {
		if x, ok := args[0].(*Instance); ok {
			return x, nil
		}
	}
	return nil, exc.TypeError("enum method needs a member")
}

func memberField(x *Instance, name string) starlark.Value {
	v, _, _ := x.attrs.Get(starlark.String(name))
	if v == nil {
		return starlark.None
	}
	return v
}

func enumRepr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	x, err := enumSelf(args)
	if err != nil {
		return nil, err
	}
	v, err := pyrepr.ReprErr(memberField(x, "_value_"))
	if err != nil {
		return nil, err
	}
	return starlark.String("<" + x.class.name + "." + pyrepr.Str(memberField(x, "_name_")) + ": " + v + ">"), nil
}

func enumStr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	x, err := enumSelf(args)
	if err != nil {
		return nil, err
	}
	return starlark.String(x.class.name + "." + pyrepr.Str(memberField(x, "_name_"))), nil
}

func enumValueStr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	x, err := enumSelf(args)
	if err != nil {
		return nil, err
	}
	return starlark.String(pyrepr.Str(memberField(x, "_value_"))), nil
}

func enumValueFormat(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	x, err := enumSelf(args)
	if err != nil || len(args) < 2 {
		return nil, exc.TypeError("__format__ needs a spec")
	}
	spec, _ := starlark.AsString(args[1])
	out, err := formatValue(memberField(x, "_value_"), spec)
	return starlark.String(out), err
}

// mixinEnum gives an enum with a data type mixed in (class C(str,
// Enum)) the value's equality and hash, and Enum's repr and str (C.B, as
// CPython 3.11 prints it, also in f-strings), unless the class defines its
// own.
func mixinEnum(c *Class) {
	own := map[string]starlark.Value{}
	for _, k := range []string{"__repr__", "__str__", "__format__", "__eq__", "__hash__"} {
		if v, ok := c.dict[k]; ok {
			own[k] = v
		}
	}
	valueEnum(c)
	c.dict["__str__"] = methodBuiltin("__str__", enumStr)
	c.dict["__format__"] = methodBuiltin("__format__", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		x, err := enumSelf(args)
		if err != nil || len(args) < 2 {
			return nil, exc.TypeError("__format__ needs a spec")
		}
		str, err := x.PyStrErr()
		if err != nil {
			return nil, err
		}
		spec, _ := starlark.AsString(args[1])
		out, err := formatValue(starlark.String(str), spec)
		return starlark.String(out), err
	})
	for k, v := range own {
		c.dict[k] = v
	}
}

func enumHash(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	x, err := enumSelf(args)
	if err != nil {
		return nil, err
	}
	h, err := memberField(x, "_name_").Hash()
	return starlark.MakeUint(uint(h)), err
}

func (c *Class) isEnumBase() bool {
	for _, b := range enumClasses() {
		if b == c {
			return true
		}
	}
	return false
}

// makeEnum turns the plain attributes of a new Enum subclass into members.
func makeEnum(thread *starlark.Thread, c *Class) error {
	base := EnumClass("Enum")
	if !c.isSubclass(base) || c.isEnumBase() {
		return nil
	}
	info := &enumInfo{byName: map[string]*Instance{}}
	flag := c.isSubclass(EnumClass("Flag"))
	native := nativeOf(c)
	if native != nil && !c.isSubclass(EnumClass("IntEnum")) && !c.isSubclass(EnumClass("StrEnum")) && !c.isSubclass(EnumClass("IntFlag")) {
		mixinEnum(c) // class Color(str, Enum)
	}
	init, owner := c.find("__init__")
	userInit := init != nil && owner != objectClass && !owner.shared
	last := starlark.Value(starlark.MakeInt(0))
	for _, k := range append([]string(nil), c.order...) {
		v := c.dict[k]
		if strings.HasPrefix(k, "_") || !isMemberValue(v) {
			continue
		}
		if _, ok := v.(AutoValue); ok {
			n, _ := starlark.AsInt32(last)
			if flag {
				next := 1
				for next <= n {
					next <<= 1
				}
				v = starlark.MakeInt(next)
			} else {
				v = starlark.MakeInt(n + 1)
			}
		}
		if _, ok := v.(starlark.Int); ok {
			last = v
		}
		var alias *Instance
		for _, m := range info.members {
			if eq, _ := starlark.Equal(memberField(m, "_value_"), v); eq {
				alias = m
				break
			}
		}
		if alias != nil {
			info.byName[k] = alias
			c.dict[k] = alias
			continue
		}
		m := newInstance(c, thread)
		for _, kv := range [][2]string{{"name", "_name_"}} {
			m.attrs.SetKey(starlark.String(kv[0]), starlark.String(k))
			m.attrs.SetKey(starlark.String(kv[1]), starlark.String(k))
		}
		m.attrs.SetKey(starlark.String("value"), v)
		m.attrs.SetKey(starlark.String("_value_"), v)
		if native != nil {
			m.inner = v
		}
		if userInit {
			args := starlark.Tuple{m}
			if t, ok := v.(starlark.Tuple); ok {
				args = append(args, t...)
			} else {
				args = append(args, v)
			}
			if _, err := starlark.Call(thread, init, args, nil); err != nil {
				return err
			}
		}
		info.members = append(info.members, m)
		info.byName[k] = m
		c.dict[k] = m
	}
	c.enum = info
	return nil
}

// isMemberValue tells an enum member's value from a method or nested class.
func isMemberValue(v starlark.Value) bool {
	switch v.(type) {
	case *starlark.Function, *starlark.Builtin, *descriptor, *Class, *boundMethod:
		return false
	}
	return true
}

// enumLookup is Color(value).
func (c *Class) enumLookup(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) > 0 {
		return nil, exc.TypeError("%s() takes exactly one argument", c.name)
	}
	for _, m := range c.enum.members {
		if m == args[0] {
			return m, nil
		}
		if eq, _ := starlark.Equal(memberField(m, "_value_"), innerOf(args[0])); eq {
			return m, nil
		}
	}
	return nil, exc.ValueError("%s is not a valid %s", pyrepr.Repr(args[0]), c.name)
}

// Iterate lists an enum's members; a plain class is not iterable, as in
// Python.
func (c *Class) Iterate() starlark.Iterator {
	if c.enum == nil {
		return &failedIterator{err: exc.TypeError("'type' object is not iterable")}
	}
	vals := make([]starlark.Value, 0, len(c.enum.members))
	for _, m := range c.enum.members {
		vals = append(vals, m)
	}
	return starlark.NewList(vals).Iterate()
}

// Len is the number of an enum's members.
func (c *Class) Len() int {
	if c.enum == nil {
		return 0
	}
	return len(c.enum.members)
}

// Get is Color["RED"], and `member in Color`.
func (c *Class) Get(k starlark.Value) (starlark.Value, bool, error) {
	if c.enum == nil {
		if fn := c.lookup("__class_getitem__"); fn != nil { // Box[int] for a Generic class
			t := c.thread
			if t == nil {
				t = new(starlark.Thread)
			}
			v, err := starlark.Call(t, fn, starlark.Tuple{c, k}, nil)
			return v, err == nil, err
		}
		return nil, false, exc.TypeError("'type' object is not subscriptable")
	}
	if m, ok := k.(*Instance); ok {
		for _, x := range c.enum.members {
			if x == m {
				return m, true, nil
			}
		}
		return nil, false, nil
	}
	name, ok := starlark.AsString(k)
	if m := c.enum.byName[name]; ok && m != nil {
		return m, true, nil
	}
	return nil, false, exc.KeyError("%s", pyrepr.Repr(k))
}

// enumMembers is C.__members__.
func (c *Class) enumMembers() starlark.Value {
	d := new(starlark.Dict)
	for _, k := range c.order {
		if m, ok := c.enum.byName[k]; ok {
			d.SetKey(starlark.String(k), m)
		}
	}
	return d
}

// flagOps gives Flag members |, & and ^, which make the combined member.
func flagOps(c *Class) {
	op := func(name string, f func(a, b int64) int64) {
		c.dict[name] = methodBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			x, err := enumSelf(args)
			if err != nil || len(args) != 2 {
				return nil, exc.TypeError("%s takes one argument", name)
			}
			a, _ := starlark.AsInt32(memberField(x, "_value_"))
			b, ok := innerOf(args[1]).(starlark.Int)
			if y, isMember := args[1].(*Instance); isMember && y.class == x.class {
				b, ok = memberField(y, "_value_").(starlark.Int)
			}
			if !ok {
				return NotImplemented, nil
			}
			bv, _ := starlark.AsInt32(b)
			return flagMember(t, x.class, f(int64(a), int64(bv))), nil
		})
	}
	op("__or__", func(a, b int64) int64 { return a | b })
	op("__and__", func(a, b int64) int64 { return a & b })
	op("__xor__", func(a, b int64) int64 { return a ^ b })
	c.dict["__contains__"] = methodBuiltin("__contains__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		x, err := enumSelf(args)
		if err != nil || len(args) != 2 {
			return nil, exc.TypeError("__contains__ takes one argument")
		}
		y, isMember := args[1].(*Instance)
		if !isMember || !y.class.isSubclass(x.class) && !x.class.isSubclass(y.class) {
			return nil, exc.TypeError("unsupported operand type(s) for 'in': '%s' and '%s'", typeName(args[1]), x.class.name)
		}
		a, _ := starlark.AsInt32(memberField(x, "_value_"))
		b, _ := starlark.AsInt32(memberField(y, "_value_"))
		return starlark.Bool(a&b == b), nil
	})
	c.dict["__bool__"] = methodBuiltin("__bool__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		x, err := enumSelf(args)
		if err != nil {
			return nil, err
		}
		return memberField(x, "_value_").Truth(), nil
	})
}

// flagMember is the member of flag class c with value v: a defined one,
// or a combination named after its members (Perm.R|W).
func flagMember(t *starlark.Thread, c *Class, v int64) starlark.Value {
	if c.enum == nil {
		return starlark.None
	}
	var names []string
	for _, m := range c.enum.members {
		mv, _ := starlark.AsInt32(memberField(m, "_value_"))
		if int64(mv) == v {
			return m
		}
		if mv != 0 && v&int64(mv) == int64(mv) {
			names = append(names, pyrepr.Str(memberField(m, "_name_")))
		}
	}
	m := newInstance(c, t)
	var name starlark.Value = starlark.None
	if len(names) > 0 {
		name = starlark.String(strings.Join(names, "|"))
	}
	val := starlark.MakeInt64(v)
	m.attrs.SetKey(starlark.String("name"), name)
	m.attrs.SetKey(starlark.String("_name_"), name)
	m.attrs.SetKey(starlark.String("value"), val)
	m.attrs.SetKey(starlark.String("_value_"), val)
	if nativeOf(c) != nil {
		m.inner = val
	}
	return m
}
