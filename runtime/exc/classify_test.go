package exc

import "testing"

// TestClassify maps Starlark's runtime messages (as go.starlark.net words
// them) to the class and message CPython 3.11 prints.
func TestClassify(t *testing.T) {
	for _, tc := range []struct{ msg, typ, want string }{
		{"floating-point division by zero", "ZeroDivisionError", "division by zero"},
		{"too many values to unpack (got 3, want 2)", "ValueError", "too many values to unpack (expected 2)"},
		{"too few values to unpack (got 2, want 3)", "ValueError", "not enough values to unpack (expected 3, got 2)"},
		{"tuple value does not support item assignment", "TypeError", "'tuple' object does not support item assignment"},
		{"string value does not support item assignment", "TypeError", "'str' object does not support item assignment"},
		{"can't assign to .x field of int", "AttributeError", "'int' object has no attribute 'x'"},
		{"floored division by zero", "ZeroDivisionError", "integer division or modulo by zero"},
		{"integer modulo by zero", "ZeroDivisionError", "integer modulo by zero"},
		{`key "k" not in dict`, "KeyError", "'k'"},
		{`key "it's" not in dict`, "KeyError", `"it's"`},
		{"key 1 not in dict", "KeyError", "1"},
		{"list index 5 out of range [-1:0]", "IndexError", "list index out of range"},
		{"tuple index 3 out of range [-1:0]", "IndexError", "tuple index out of range"},
		{"string index 5 out of range [-2:1]", "IndexError", "string index out of range"},
		{"int: invalid literal with base 10: x", "ValueError", "invalid literal for int() with base 10: 'x'"},
		{"invalid float literal: abc", "ValueError", "could not convert string to float: 'abc'"},
		{"string has no .foo field or method", "AttributeError", "'str' object has no attribute 'foo'"},
		{"NoneType has no .x field or method", "AttributeError", "'NoneType' object has no attribute 'x'"},
		{"unknown binary op: int + string", "TypeError", "unsupported operand type(s) for +: 'int' and 'str'"},
		{"unknown binary op: string + int", "TypeError", `can only concatenate str (not "int") to str`},
		{"local variable y referenced before assignment", "UnboundLocalError", "cannot access local variable 'y' where it is not associated with a value"},
		{"global variable g referenced before assignment", "NameError", "name 'g' is not defined"},
		{"invalid call of non-function (int)", "TypeError", "'int' object is not callable"},
		{"len: value of type int has no len", "TypeError", "object of type 'int' has no len()"},
		{"remove: element not found", "ValueError", "list.remove(x): x not in list"},
		{"Starlark stack overflow", "RecursionError", "maximum recursion depth exceeded"},
		{"OSError: connect refused", "OSError", "connect refused"},
		{"index: substring not found", "ValueError", "substring not found"},
		{"function g missing 1 argument (b)", "TypeError", "g() missing 1 required positional argument: 'b'"},
		{"function f missing 3 arguments (a, b, c)", "TypeError", "f() missing 3 required positional arguments: 'a', 'b', and 'c'"},
		{"function g accepts 2 positional arguments (3 given)", "TypeError", "g() takes 2 positional arguments but 3 were given"},
		{"function g accepts no arguments (1 given)", "TypeError", "g() takes 0 positional arguments but 1 was given"},
		{`function m got an unexpected keyword argument "z"`, "TypeError", "m() got an unexpected keyword argument 'z'"},
		{`function g got multiple values for parameter "a"`, "TypeError", "g() got multiple values for argument 'a'"},
		{"function lambda missing 1 argument (x)", "TypeError", "<lambda>() missing 1 required positional argument: 'x'"},
		{"unknown binary op: list + string", "TypeError", `can only concatenate list (not "str") to list`},
		{"unknown binary op: string * string", "TypeError", "can't multiply sequence by non-int of type 'str'"},
		{"unknown binary op: float * list", "TypeError", "can't multiply sequence by non-int of type 'float'"},
		{"int < string not implemented", "TypeError", "'<' not supported between instances of 'int' and 'str'"},
		{"unknown unary op: - string", "TypeError", "bad operand type for unary -: 'str'"},
		{"int: cannot convert NoneType to int", "TypeError", "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'"},
		{"ord: string encodes 2 Unicode code points, want 1", "TypeError", "ord() expected a character, but string of length 2 found"},
		{"pop: index -1 out of range: empty list", "IndexError", "pop from empty list"},
		{"chr: Unicode code point -1 out of range (<0)", "ValueError", "chr() arg not in range(0x110000)"},
	} {
		e := Classify(tc.msg)
		if e == nil {
			t.Errorf("Classify(%q) = nil", tc.msg)
			continue
		}
		if e.Type != tc.typ || e.Msg != tc.want {
			t.Errorf("Classify(%q) = %s: %s, want %s: %s", tc.msg, e.Type, e.Msg, tc.typ, tc.want)
		}
	}
	if e := Classify("fail: something custom"); e != nil {
		t.Errorf("custom failure classified as %v", e)
	}
}

func TestSubclass(t *testing.T) {
	for _, tc := range []struct {
		typ, cls string
		want     bool
	}{
		{"ZeroDivisionError", "ArithmeticError", true},
		{"KeyError", "LookupError", true},
		{"UnboundLocalError", "NameError", true},
		{"MQTTException", "Exception", true},
		{"SomethingNew", "Exception", true},
		{"SystemExit", "Exception", false},
		{"ValueError", "OSError", false},
	} {
		if got := IsSubclass(tc.typ, tc.cls); got != tc.want {
			t.Errorf("IsSubclass(%s, %s) = %v", tc.typ, tc.cls, got)
		}
	}
}
