package pystd

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{Name: "dataclasses", Doc: "dataclass, field, fields, asdict, astuple, replace, is_dataclass", New: newDataclasses})
}

func newDataclasses(*runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"dataclass":           starlark.NewBuiltin("dataclass", dataclass),
		"field":               starlark.NewBuiltin("field", field),
		"fields":              starlark.NewBuiltin("fields", fields),
		"asdict":              starlark.NewBuiltin("asdict", asdict),
		"astuple":             starlark.NewBuiltin("astuple", astuple),
		"replace":             starlark.NewBuiltin("replace", replace),
		"is_dataclass":        starlark.NewBuiltin("is_dataclass", isDataclass),
		"MISSING":             pylib.Missing,
		"FrozenInstanceError": pylib.FrozenInstanceError(),
	}, nil
}

// dataclass is both @dataclass and @dataclass(frozen=True, ...).
func dataclass(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	o := pylib.DataclassOptions{Init: true, Repr: true, Eq: true}
	var cls starlark.Value = starlark.None
	var matchArgs, kwOnly, slots, weakref bool
	for _, kv := range kwargs {
		if kv[0] == starlark.String("cls") { // positional-only, as in CPython
			return nil, exc.TypeError("dataclass() got some positional-only arguments passed as keyword arguments: 'cls'")
		}
	}
	if err := starlark.UnpackArgs("dataclass", args, kwargs, "cls?", &cls, "init?", &o.Init, "repr?", &o.Repr, "eq?", &o.Eq,
		"order?", &o.Order, "unsafe_hash?", &o.UnsafeHash, "frozen?", &o.Frozen, "match_args?", &matchArgs,
		"kw_only?", &kwOnly, "slots?", &slots, "weakref_slot?", &weakref); err != nil {
		return nil, err
	}
	if o.Order && !o.Eq {
		return nil, exc.ValueError("eq must be true if order is true")
	}
	if cls != starlark.None {
		return pylib.MakeDataclass(cls, o)
	}
	return starlark.NewBuiltin("dataclass", func(_ *starlark.Thread, _ *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var c starlark.Value
		if err := starlark.UnpackPositionalArgs("dataclass", a, kw, 1, &c); err != nil {
			return nil, err
		}
		return pylib.MakeDataclass(c, o)
	}), nil
}

func field(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	dflt, factory := pylib.Missing, pylib.Missing
	init, repr, compare := true, true, true
	var hash starlark.Value = starlark.None
	var metadata starlark.Value = new(starlark.Dict)
	var kwOnly starlark.Value
	if err := starlark.UnpackArgs("field", args, kwargs, "default?", &dflt, "default_factory?", &factory, "init?", &init,
		"repr?", &repr, "hash?", &hash, "compare?", &compare, "metadata?", &metadata, "kw_only?", &kwOnly); err != nil {
		return nil, err
	}
	if dflt != pylib.Missing && factory != pylib.Missing {
		return nil, exc.ValueError("cannot specify both default and default_factory")
	}
	return pylib.NewField(dflt, factory, init, repr, compare, hash, metadata), nil
}

func oneArg(name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &v)
	return v, err
}

func fields(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg(b.Name(), args, kwargs)
	if err != nil {
		return nil, err
	}
	return pylib.DataclassFields(v)
}

func isDataclass(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg(b.Name(), args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.Bool(pylib.IsDataclass(v)), nil
}

// convert copies v for asdict/astuple: dataclass instances become dicts
// (or tuples), containers are rebuilt, other values are shared.
func convert(v starlark.Value, asTuple bool) (starlark.Value, error) {
	if _, isClass := v.(*pylib.Class); !isClass && pylib.IsDataclass(v) {
		fs, _ := pylib.DataclassFields(v)
		d := new(starlark.Dict)
		var t starlark.Tuple
		for _, f := range fs {
			fv, err := v.(starlark.HasAttrs).Attr(pylib.FieldName(f))
			if err != nil {
				return nil, err
			}
			if fv, err = convert(fv, asTuple); err != nil {
				return nil, err
			}
			d.SetKey(starlark.String(pylib.FieldName(f)), fv)
			t = append(t, fv)
		}
		if asTuple {
			return t, nil
		}
		return d, nil
	}
	switch v := v.(type) {
	case *starlark.List:
		out := make([]starlark.Value, v.Len())
		for i := range out {
			var err error
			if out[i], err = convert(v.Index(i), asTuple); err != nil {
				return nil, err
			}
		}
		return starlark.NewList(out), nil
	case starlark.Tuple:
		out := make(starlark.Tuple, len(v))
		for i := range out {
			var err error
			if out[i], err = convert(v[i], asTuple); err != nil {
				return nil, err
			}
		}
		return out, nil
	case *starlark.Dict:
		out := new(starlark.Dict)
		for _, it := range v.Items() {
			k, err := convert(it[0], asTuple)
			if err != nil {
				return nil, err
			}
			val, err := convert(it[1], asTuple)
			if err != nil {
				return nil, err
			}
			out.SetKey(k, val)
		}
		return out, nil
	}
	return v, nil
}

func asdict(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg(b.Name(), args, kwargs)
	if err != nil {
		return nil, err
	}
	if !pylib.IsDataclass(v) {
		return nil, exc.TypeError("asdict() should be called on dataclass instances")
	}
	return convert(v, false)
}

func astuple(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg(b.Name(), args, kwargs)
	if err != nil {
		return nil, err
	}
	if !pylib.IsDataclass(v) {
		return nil, exc.TypeError("astuple() should be called on dataclass instances")
	}
	return convert(v, true)
}

// replace(obj, **changes) makes a new instance with some fields changed.
func replace(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 {
		return nil, exc.TypeError("replace() takes 1 positional argument but %d were given", len(args))
	}
	obj := args[0]
	fs, err := pylib.DataclassFields(obj)
	if err != nil {
		return nil, exc.TypeError("replace() should be called on dataclass instances")
	}
	changed := map[string]bool{}
	for _, kv := range kwargs {
		k, _ := starlark.AsString(kv[0])
		changed[k] = true
	}
	kw := append([]starlark.Tuple(nil), kwargs...)
	for _, f := range fs {
		name := pylib.FieldName(f)
		if !pylib.FieldInit(f) || changed[name] {
			continue
		}
		v, err := obj.(starlark.HasAttrs).Attr(name)
		if err != nil {
			return nil, err
		}
		kw = append(kw, starlark.Tuple{starlark.String(name), v})
	}
	cls, err := obj.(starlark.HasAttrs).Attr("__class__")
	if err != nil {
		return nil, err
	}
	return starlark.Call(t, cls, nil, kw)
}
