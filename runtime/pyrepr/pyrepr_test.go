package pyrepr

import (
	"testing"

	"go.starlark.net/starlark"
)

func TestRepr(t *testing.T) {
	d := starlark.NewDict(2)
	d.SetKey(starlark.String("a"), starlark.MakeInt(1))
	d.SetKey(starlark.String("b"), starlark.None)
	cases := []struct {
		v    starlark.Value
		want string
	}{
		{starlark.String("hi"), `'hi'`},
		{starlark.String("it's"), `"it's"`},
		{starlark.String(`a'b"c`), `'a\'b"c'`},
		{starlark.String("a\nb\x01"), `'a\nb\x01'`},
		{starlark.String("中文"), `'中文'`},
		{starlark.Bytes("ab\x00\xff'"), `b"ab\x00\xff'"`},
		{starlark.Tuple{starlark.MakeInt(1)}, `(1,)`},
		{starlark.Tuple{}, `()`},
		{starlark.Tuple{starlark.True, starlark.False, starlark.None}, `(True, False, None)`},
		{starlark.NewList([]starlark.Value{starlark.String("x"), starlark.Float(2)}), `['x', 2.0]`},
		{d, `{'a': 1, 'b': None}`},
		{starlark.Float(0.1), `0.1`},
		{starlark.Float(1e16), `1e+16`},
		{starlark.Float(1e15), `1000000000000000.0`},
		{starlark.Float(0.0001), `0.0001`},
		{starlark.Float(0.00001), `1e-05`},
		{starlark.Float(-2.5e-7), `-2.5e-07`},
		{starlark.NewSet(0), `set()`},
		{starlark.NewBuiltin("publish", nil).BindReceiver(client{}), `<bound method MQTTClient.publish of <MQTTClient c1>>`},
		{starlark.NewBuiltin("upper", nil).BindReceiver(starlark.String("x")), `<built-in method upper of str object>`},
		{starlark.NewBuiltin("len", nil), `<built-in function len>`},
	}
	for _, c := range cases {
		if got := Repr(c.v); got != c.want {
			t.Errorf("Repr(%v) = %s, want %s", c.v, got, c.want)
		}
	}
	if got := Str(starlark.String("x")); got != "x" {
		t.Errorf("Str = %q", got)
	}
	if got := Str(starlark.Bytes("x")); got != "b'x'" {
		t.Errorf("Str(bytes) = %q", got)
	}
}

func TestReprCycle(t *testing.T) {
	l := starlark.NewList(nil)
	l.Append(l)
	if got := Repr(l); got != "[[...]]" {
		t.Errorf("got %s", got)
	}
}

// client stands for a module's object type, as umqtt's MQTTClient.
type client struct{}

func (client) String() string        { return "<MQTTClient c1>" }
func (client) Type() string          { return "MQTTClient" }
func (client) Freeze()               {}
func (client) Truth() starlark.Bool  { return true }
func (client) Hash() (uint32, error) { return 0, nil }
