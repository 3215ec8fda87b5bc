// Package ure provides QuecPython's ure and CPython's re. Python's syntax
// is translated (named groups, {,n}, \Z, verbose mode, inline flags) for
// Go's RE2 engine, which runs in linear time; a pattern RE2 cannot run
// (lookaround, backreferences, atomic or conditional groups) goes to the
// regexp2 backtracking engine instead. Matching, sub, split and findall
// follow CPython's rules, for str and bytes.
package ure

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/pytype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	for _, name := range []string{"ure", "re"} {
		runtime.Register(runtime.Module{Name: name, Doc: "regular expressions (CPython's re: RE2, and backtracking for lookaround and backreferences)", New: newModule})
	}
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	d := pyargs.Builtins(map[string]builtinFn{
		"compile": compileFn,
		"escape":  escapeFn,
		"purge":   purgeFn,
	})
	for _, name := range patternMethods {
		d[name] = starlark.NewBuiltin(name, moduleFn(name))
	}
	d["error"] = pylib.ExceptionClass(errName)
	d["Pattern"] = pytype.New("re.Pattern", noConstruct("re.Pattern"), "re.Pattern")
	d["Match"] = pytype.New("re.Match", noConstruct("re.Match"), "re.Match")
	for _, f := range flagNames {
		d[f.name] = starlark.MakeInt(f.bit)
		d[f.name[:1]] = starlark.MakeInt(f.bit)
	}
	d["S"], d["X"] = starlark.MakeInt(flagS), starlark.MakeInt(flagX) // DOTALL is S, VERBOSE is X
	delete(d, "D")
	delete(d, "V")
	d["NOFLAG"] = starlark.MakeInt(0)
	d["DEBUG"] = starlark.MakeInt(128) // accepted and ignored
	return d, nil
}

func flagsOf(v starlark.Value) (int, error) {
	if pyargs.IsNone(v) {
		return 0, nil
	}
	n, err := pyargs.Int("compile", "flags", v)
	return int(n), err
}

func compileFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var pat, flags starlark.Value
	if err := pyargs.Unpack("compile", args, kwargs, []string{"pattern", "flags?"}, &pat, &flags); err != nil {
		return nil, err
	}
	f, err := flagsOf(flags)
	if err != nil {
		return nil, err
	}
	return compilePattern(pat, f)
}

// moduleFn is re.<name>(pattern, ..., flags=0): compile, then the method.
func moduleFn(name string) builtinFn {
	params := map[string][]string{
		"sub": {"pattern", "repl", "string", "count?", "flags?"}, "subn": {"pattern", "repl", "string", "count?", "flags?"},
		"split": {"pattern", "string", "maxsplit?", "flags?"},
	}[name]
	if params == nil {
		params = []string{"pattern", "string", "flags?"}
	}
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		vals := make([]starlark.Value, len(params))
		out := make([]*starlark.Value, len(params))
		for i := range out {
			out[i] = &vals[i]
		}
		if err := pyargs.Unpack(name, args, kwargs, params, out...); err != nil {
			return nil, err
		}
		f, err := flagsOf(vals[len(vals)-1])
		if err != nil {
			return nil, err
		}
		p, err := compilePattern(vals[0], f)
		if err != nil {
			return nil, err
		}
		var rest starlark.Tuple
		for _, v := range vals[1 : len(vals)-1] {
			if v == nil {
				break
			}
			rest = append(rest, v)
		}
		return p.call(t, name, rest, nil)
	}
}

// special are the characters re.escape escapes (CPython 3.7+).
const special = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"

func escapeFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackArgs("escape", args, kwargs, "pattern", &v); err != nil {
		return nil, err
	}
	text, ok := pyargs.AsText(v)
	if !ok {
		return nil, exc.TypeError("expected str or bytes, not %s", pyargs.TypeName(v))
	}
	out := make([]byte, 0, len(text)*2)
	for i := 0; i < len(text); i++ {
		if c := text[i]; c < 128 && containsByte(special, c) {
			out = append(out, '\\')
		}
		out = append(out, text[i])
	}
	if _, isBytes := v.(starlark.Bytes); isBytes {
		return starlark.Bytes(out), nil
	}
	return starlark.String(out), nil
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

func purgeFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	purge()
	return starlark.None, nil
}

func purge() {
	cache.Range(func(k, _ any) bool { cache.Delete(k); return true })
	cacheSize.Store(0)
}

// noConstruct is the constructor of a type scripts only get from the module.
func noConstruct(name string) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return nil, exc.TypeError("cannot create '%s' instances", name)
	}
}
