package pyargs

import (
	"math/big"
	"testing"

	"go.starlark.net/starlark"
)

func kw(k string, v starlark.Value) starlark.Tuple { return starlark.Tuple{starlark.String(k), v} }

var (
	str   = starlark.String("abc")
	bytes = starlark.Bytes("abc")
	one   = starlark.MakeInt(1)
	huge  = starlark.MakeBigInt(new(big.Int).Lsh(big.NewInt(1), 70))
	none  = starlark.None
	list  = starlark.NewList(nil)
)

// TestConversions checks each converter's result or exact error line.
func TestConversions(t *testing.T) {
	for _, c := range []struct {
		name string
		f    func(starlark.Value) (any, error)
		in   starlark.Value
		want any    // result when err is ""
		err  string // the error's text
	}{
		{"Text str", wrap(Text), str, "abc", ""},
		{"Text bytes", wrap(Text), bytes, "abc", ""},
		{"Text int", wrap(Text), one, nil, "TypeError: f() argument 'x' must be bytes or str, not int"},
		{"Buffer str", wrap(Buffer), str, "abc", ""},
		{"Buffer None", wrap(Buffer), none, nil, "TypeError: f() argument 'x' must be bytes or str, not NoneType"},
		{"Int", wrap(Int), one, int64(1), ""},
		{"Int huge", wrap(Int), huge, nil, "OverflowError: f() argument 'x' is too large"},
		{"Int str", wrap(Int), str, nil, "TypeError: f() argument 'x' must be int, not str"},
		{"Number int", wrap(Number), one, 1.0, ""},
		{"Number float", wrap(Number), starlark.Float(2.5), 2.5, ""},
		{"Number list", wrap(Number), list, nil, "TypeError: f() argument 'x' must be a number, not list"},
		{"NonEmpty bytes", wrap(NonEmpty), bytes, "abc", ""},
		{"NonEmpty empty", wrap(NonEmpty), starlark.String(""), nil, "ValueError: f: argument 'x' is empty"},
		{"NonEmpty bool", wrap(NonEmpty), starlark.True, nil, "TypeError: f: argument 'x' must be str or bytes, not bool"},
		{"Int64", wrap(Int64), one, int64(1), ""},
		{"Int64 huge", wrap(Int64), huge, nil, "ValueError: f: argument 'x' out of range: 1180591620717411303424"},
		{"Int64 None", wrap(Int64), none, nil, "TypeError: f: argument 'x' must be int, not NoneType"},
		{"Bool True", wrap(Bool), starlark.True, true, ""},
		{"Bool 0", wrap(Bool), starlark.MakeInt(0), false, ""},
		{"Bool None", wrap(Bool), none, false, ""},
		{"Bool str", wrap(Bool), str, nil, "TypeError: f: argument 'x' must be bool, not str"},
		{"IntOrStr int", wrap(IntOrStr), starlark.MakeInt(-7), "-7", ""},
		{"IntOrStr str", wrap(IntOrStr), starlark.String("42"), "42", ""},
		{"IntOrStr junk", wrap(IntOrStr), starlark.String("4x"), nil, `ValueError: f: argument 'x' must be a decimal number, got "4x"`},
		{"IntOrStr bytes", wrap(IntOrStr), bytes, nil, "TypeError: f: argument 'x' must be int or str, not bytes"},
	} {
		got, err := c.f(c.in)
		switch {
		case c.err != "":
			if err == nil || err.Error() != c.err {
				t.Errorf("%s: error %v, want %q", c.name, err, c.err)
			}
		case err != nil:
			t.Errorf("%s: %v", c.name, err)
		case got != c.want:
			t.Errorf("%s: got %#v, want %#v", c.name, got, c.want)
		}
	}
}

// wrap adapts a converter to the table, turning []byte into string.
func wrap[T any](f func(fn, arg string, v starlark.Value) (T, error)) func(starlark.Value) (any, error) {
	return func(v starlark.Value) (any, error) {
		r, err := f("f", "x", v)
		if b, ok := any(r).([]byte); ok {
			return string(b), err
		}
		return r, err
	}
}

// TestBind checks Python's keyword rules and the Args accessors.
func TestBind(t *testing.T) {
	names := []string{"a", "b?", "c?"}
	for _, c := range []struct {
		args   starlark.Tuple
		kwargs []starlark.Tuple
		err    string
	}{
		{starlark.Tuple{one}, nil, ""},
		{nil, []starlark.Tuple{kw("a", one), kw("c", none)}, ""},
		{nil, nil, "TypeError: f() missing required argument 'a'"},
		{starlark.Tuple{one, one, one, one}, nil, "TypeError: f() takes at most 3 arguments (4 given)"},
		{starlark.Tuple{one}, []starlark.Tuple{kw("a", one)}, "TypeError: f() got multiple values for argument 'a'"},
		{starlark.Tuple{one}, []starlark.Tuple{kw("b?", one)}, "TypeError: f() got an unexpected keyword argument 'b?'"},
		{starlark.Tuple{one}, []starlark.Tuple{kw("d", one)}, "TypeError: f() got an unexpected keyword argument 'd'"},
	} {
		_, err := Bind("f", c.args, c.kwargs, names...)
		if got := errText(err); got != c.err {
			t.Errorf("Bind(%v, %v): error %q, want %q", c.args, c.kwargs, got, c.err)
		}
	}

	a, err := Bind("f", starlark.Tuple{str, none}, []starlark.Tuple{kw("c", starlark.MakeInt(9))}, names...)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Given("b") || a.Has("b") || !a.Has("c") || a.Given("zzz") {
		t.Errorf("Given/Has: b given %v has %v, c has %v", a.Given("b"), a.Has("b"), a.Has("c"))
	}
	if s, err := a.Need("a"); s != "abc" || err != nil {
		t.Errorf("Need(a) = %q, %v", s, err)
	}
	if s, err := a.Str("b", "dflt"); s != "dflt" || err != nil {
		t.Errorf("Str(b) = %q, %v", s, err)
	}
	if n, err := a.Int("c", 0); n != 9 || err != nil {
		t.Errorf("Int(c) = %d, %v", n, err)
	}
	if _, err := a.Str("c", ""); errText(err) != "TypeError: f: argument 'c' must be str, not int" {
		t.Errorf("Str(c): %v", err)
	}
	e, _ := Bind("f", starlark.Tuple{starlark.String("")}, nil, names...)
	if _, err := e.Need("a"); errText(err) != "ValueError: f: argument 'a' must not be empty" {
		t.Errorf("Need(empty): %v", err)
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestDict(t *testing.T) {
	d := Dict("s", "x", "i", 2, "j", int64(3), "b", true, "v", starlark.None)
	if got := d.String(); got != `{"s": "x", "i": 2, "j": 3, "b": True, "v": None}` {
		t.Errorf("Dict = %s", got)
	}
}
