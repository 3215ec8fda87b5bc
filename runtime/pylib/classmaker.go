package pylib

import "go.starlark.net/starlark"

// ClassMaker is a base class from a Go module that builds the class a
// class statement names from its body itself: typing.NamedTuple makes a
// named tuple type of the annotated fields, typing.Generic[T] a plain
// class.
type ClassMaker interface {
	MakeClass(t *starlark.Thread, name string, bases starlark.Tuple, body *starlark.Dict) (starlark.Value, error)
}

// NewClass is the class statement `class name(*bases): body` for Go
// modules; a ClassMaker base builds the class instead.
func NewClass(t *starlark.Thread, name string, bases starlark.Tuple, body *starlark.Dict) (starlark.Value, error) {
	for _, b := range bases {
		if m, ok := b.(ClassMaker); ok {
			return m.MakeClass(t, name, bases, body)
		}
	}
	return newClass(t, name, bases, body)
}

// Bind is obj.method for a function taken from a class body: calling it
// passes self first.
func Bind(fn, self starlark.Value) starlark.Value { return bind(fn, self) }

// AnnotationPrefix names a class body's annotations in the dict a
// ClassMaker receives: `x: int = 0` arrives as _annot_x = int and x = 0.
const AnnotationPrefix = annotPrefix

// NewGenericClass is a plain base class whose subclasses subscript to
// themselves (typing.Generic: Box[int] is Box).
func NewGenericClass(name string) starlark.Value {
	c := &Class{name: name, shared: true, dict: starlark.StringDict{
		"__class_getitem__": starlark.NewBuiltin("__class_getitem__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			return args[0], nil
		}),
	}}
	c.linearization()
	return c
}
