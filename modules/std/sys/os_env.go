package sys

import (
	"sort"

	"go.starlark.net/starlark"
)

// envMembers are environ, getenv, putenv and unsetenv. environ holds only
// the host variables granted with --allow-env (none by default); a script
// may change its own copy, which getenv then reads, as in CPython.
func (m *osMod) envMembers() starlark.StringDict {
	vars := m.env.Environ()
	keys := make([]string, 0, len(vars))
	for k := range vars {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	environ := starlark.NewDict(len(keys))
	for _, k := range keys {
		environ.SetKey(starlark.String(k), starlark.String(vars[k]))
	}
	getenv := func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var key string
		var def starlark.Value = starlark.None
		if err := starlark.UnpackArgs("getenv", args, kwargs, "key", &key, "default?", &def); err != nil {
			return nil, err
		}
		if v, found, _ := environ.Get(starlark.String(key)); found {
			return v, nil
		}
		return def, nil
	}
	putenv := func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var key, value string
		if err := starlark.UnpackPositionalArgs("putenv", args, kwargs, 2, &key, &value); err != nil {
			return nil, err
		}
		return starlark.None, environ.SetKey(starlark.String(key), starlark.String(value))
	}
	unsetenv := func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var key string
		if err := starlark.UnpackPositionalArgs("unsetenv", args, kwargs, 1, &key); err != nil {
			return nil, err
		}
		_, _, err := environ.Delete(starlark.String(key))
		return starlark.None, err
	}
	return starlark.StringDict{
		"environ":  environ,
		"getenv":   starlark.NewBuiltin("getenv", getenv),
		"putenv":   starlark.NewBuiltin("putenv", putenv),
		"unsetenv": starlark.NewBuiltin("unsetenv", unsetenv),
	}
}
