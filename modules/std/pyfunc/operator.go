package pyfunc

import (
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{Name: "operator", Doc: "operators as functions: add, mul, itemgetter, attrgetter, methodcaller", New: newOperator})
}

var binaryOps = map[string]syntax.Token{
	"add": syntax.PLUS, "sub": syntax.MINUS, "mul": syntax.STAR, "truediv": syntax.SLASH,
	"floordiv": syntax.SLASHSLASH, "mod": syntax.PERCENT, "and_": syntax.AMP, "or_": syntax.PIPE,
	"xor": syntax.CIRCUMFLEX, "lshift": syntax.LTLT, "rshift": syntax.GTGT, "concat": syntax.PLUS,
}

var compareOps = map[string]syntax.Token{
	"lt": syntax.LT, "le": syntax.LE, "gt": syntax.GT, "ge": syntax.GE, "eq": syntax.EQL, "ne": syntax.NEQ,
}

func newOperator(*runtime.Env) (starlark.StringDict, error) {
	d := starlark.StringDict{
		"itemgetter":   starlark.NewBuiltin("itemgetter", itemgetter),
		"attrgetter":   starlark.NewBuiltin("attrgetter", attrgetter),
		"methodcaller": starlark.NewBuiltin("methodcaller", methodcaller),
		"getitem":      twoArgs("getitem", func(a, b starlark.Value) (starlark.Value, error) { return getItem(a, b) }),
		"contains": twoArgs("contains", func(a, b starlark.Value) (starlark.Value, error) {
			return starlark.Binary(syntax.IN, b, a)
		}),
		"neg":   oneArg("neg", func(a starlark.Value) (starlark.Value, error) { return starlark.Unary(syntax.MINUS, a) }),
		"pos":   oneArg("pos", func(a starlark.Value) (starlark.Value, error) { return starlark.Unary(syntax.PLUS, a) }),
		"not_":  oneArg("not_", func(a starlark.Value) (starlark.Value, error) { return !a.Truth(), nil }),
		"truth": oneArg("truth", func(a starlark.Value) (starlark.Value, error) { return a.Truth(), nil }),
		"invert": oneArg("invert", func(a starlark.Value) (starlark.Value, error) {
			return starlark.Unary(syntax.TILDE, a)
		}),
	}
	pow := pylib.Builtins()["pow"]
	d["pow"] = twoArgs("pow", func(a, b starlark.Value) (starlark.Value, error) {
		return starlark.Call(&starlark.Thread{Name: "pow"}, pow, starlark.Tuple{a, b}, nil)
	})
	for name, tok := range binaryOps {
		tok := tok
		d[name] = twoArgs(name, func(a, b starlark.Value) (starlark.Value, error) { return starlark.Binary(tok, a, b) })
	}
	for name, tok := range compareOps {
		tok := tok
		d[name] = twoArgs(name, func(a, b starlark.Value) (starlark.Value, error) {
			ok, err := starlark.Compare(tok, a, b)
			return starlark.Bool(ok), err
		})
	}
	return d, nil
}

func oneArg(name string, f func(a starlark.Value) (starlark.Value, error)) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var a starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &a); err != nil {
			return nil, err
		}
		return f(a)
	})
}

func twoArgs(name string, f func(a, b starlark.Value) (starlark.Value, error)) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var a, b starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 2, &a, &b); err != nil {
			return nil, err
		}
		return f(a, b)
	})
}

// getItem is x[k] for mappings and sequences (negative indexes count from the end).
func getItem(x, k starlark.Value) (starlark.Value, error) {
	if m, ok := x.(starlark.Mapping); ok {
		v, found, err := m.Get(k)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, exc.New("KeyError", "%s", k.String())
		}
		return v, nil
	}
	seq, ok := x.(starlark.Indexable)
	if !ok {
		return nil, exc.TypeError("'%s' object is not subscriptable", x.Type())
	}
	var i int
	if err := starlark.AsInt(k, &i); err != nil {
		return nil, exc.TypeError("indices must be integers, not %s", k.Type())
	}
	if i < 0 {
		i += seq.Len()
	}
	if i < 0 || i >= seq.Len() {
		return nil, exc.New("IndexError", "index out of range")
	}
	return seq.Index(i), nil
}

func itemgetter(_ *starlark.Thread, _ *starlark.Builtin, keys starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(keys) == 0 || len(kwargs) > 0 {
		return nil, exc.TypeError("itemgetter expected 1 argument, got 0")
	}
	return gatherer("itemgetter", len(keys), func(_ *starlark.Thread, x starlark.Value, i int) (starlark.Value, error) {
		return getItem(x, keys[i])
	}), nil
}

func attrgetter(_ *starlark.Thread, _ *starlark.Builtin, names starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(names) == 0 || len(kwargs) > 0 {
		return nil, exc.TypeError("attrgetter expected 1 argument, got 0")
	}
	return gatherer("attrgetter", len(names), func(_ *starlark.Thread, x starlark.Value, i int) (starlark.Value, error) {
		s, _ := starlark.AsString(names[i])
		for _, part := range strings.Split(s, ".") {
			v, err := getAttr(x, part)
			if err != nil {
				return nil, err
			}
			x = v
		}
		return x, nil
	}), nil
}

func getAttr(x starlark.Value, name string) (starlark.Value, error) {
	return pylib.GetAttr(x, name) // attrgetter("real")(3), as getattr does
}

// gatherer calls get for each of n keys: one key gives the value, more a tuple.
func gatherer(name string, n int, get func(*starlark.Thread, starlark.Value, int) (starlark.Value, error)) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		if n == 1 {
			return get(t, x, 0)
		}
		out := make(starlark.Tuple, n)
		for i := range out {
			v, err := get(t, x, i)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	})
}

func methodcaller(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, exc.TypeError("methodcaller needs at least one argument, the method name")
	}
	name, _ := starlark.AsString(args[0])
	rest := args[1:]
	return starlark.NewBuiltin("methodcaller", func(t *starlark.Thread, _ *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs("methodcaller", a, kw, 1, &x); err != nil {
			return nil, err
		}
		m, err := getAttr(x, name)
		if err != nil {
			return nil, err
		}
		return starlark.Call(t, m, rest, kwargs)
	}), nil
}
