package exc

import "testing"

// The expected suggestions are what CPython 3.11 prints for o.NAME on an
// object with these attributes (its traceback's "Did you mean: '...'?").
func TestSuggestMatchesCPython(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cands []string
		want  string
	}{
		{"nme", []string{"greet", "name"}, "name"},
		{"lenght", []string{"len", "length"}, "length"},
		{"NAME", []string{"name"}, ""},
		{"Name", []string{"name"}, "name"},
		{"xyz", []string{"abc"}, ""},
		{"colour", []string{"color"}, "color"},
		{"ab", []string{"ac", "ad"}, "ac"},
		{"a", []string{"b"}, ""},
		{"valeu", []string{"value", "values"}, "value"},
		{"apend", []string{"append", "pend"}, "append"},
		{"fo", []string{"foo", "fooo"}, "foo"},
		{"hello_wrld", []string{"hello_word", "hello_world"}, "hello_world"},
		{"sqr", []string{"sq", "sqrt"}, "sq"},
		{"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", []string{"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
		{"cnt", []string{"cat", "count"}, "cat"},
		{"itms", []string{"items", "iter"}, "items"},
	} {
		if got := Suggest(tc.name, tc.cands); got != tc.want {
			t.Errorf("Suggest(%q, %q) = %q, want %q", tc.name, tc.cands, got, tc.want)
		}
	}
}

func TestTracebackLine(t *testing.T) {
	e := New("NameError", "name 'prnt' is not defined")
	if got := e.TracebackLine(); got != e.Error() {
		t.Errorf("no hint: %q", got)
	}
	e.Suggest = func() string { return Suggest("prnt", BuiltinNames) }
	if got, want := e.TracebackLine(), "NameError: name 'prnt' is not defined. Did you mean: 'print'?"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if e.Error() != "NameError: name 'prnt' is not defined" {
		t.Errorf("str(e) must not carry the hint: %q", e.Error())
	}
}
