package pylib

import (
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// TestBuiltinsHaveEveryExceptionClass: every class exc knows is a script
// value that raises and is caught by its base class.
func TestBuiltinsHaveEveryExceptionClass(t *testing.T) {
	b := Builtins()
	for _, name := range exc.Classes() {
		c, ok := b[name].(*Class)
		if !ok {
			t.Errorf("Builtins()[%q] = %v", name, b[name])
			continue
		}
		if base := exc.Base(name); base != "" && !c.isSubclass(b[base].(*Class)) {
			t.Errorf("%s does not derive from %s", name, base)
		}
	}
}

func newTestClass(t *testing.T, name string, bases ...*Class) *Class {
	t.Helper()
	tb := starlark.Tuple{}
	for _, b := range bases {
		tb = append(tb, b)
	}
	c, err := newClass(nil, name, tb, starlark.NewDict(0))
	if err != nil {
		t.Fatalf("class %s: %v", name, err)
	}
	return c
}

// TestC3 checks Python's method resolution order on a diamond and a
// mixin chain, and the rejection of an inconsistent one.
func TestC3(t *testing.T) {
	o := newTestClass(t, "O")
	a := newTestClass(t, "A", o)
	b := newTestClass(t, "B", o)
	c := newTestClass(t, "C", o)
	d := newTestClass(t, "D", o)
	e := newTestClass(t, "E", o)
	k1 := newTestClass(t, "K1", a, b, c)
	k2 := newTestClass(t, "K2", d, b, e)
	k3 := newTestClass(t, "K3", d, a)
	z := newTestClass(t, "Z", k1, k2, k3)
	var names []string
	for _, k := range z.linearization() {
		names = append(names, k.name)
	}
	// the example from Python's MRO documentation
	if got, want := strings.Join(names, " "), "Z K1 K2 K3 D A B C E O"; got != want {
		t.Errorf("MRO %s, want %s", got, want)
	}
	if _, err := newClass(nil, "Bad", starlark.Tuple{o, a}, starlark.NewDict(0)); err == nil {
		t.Error("class Bad(O, A) was accepted")
	}
}

func TestPrivateAliases(t *testing.T) {
	base := newTestClass(t, "_Base")
	sub := newTestClass(t, "Sub", base)
	got := strings.Join(privateAliases(sub, "_Sub__x"), " ")
	if want := "_Base__x __x"; got != want {
		t.Errorf("aliases %q, want %q", got, want)
	}
	if a := privateAliases(sub, "_Other__x"); a != nil {
		t.Errorf("aliases for another class's name: %v", a)
	}
}
