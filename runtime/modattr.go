package runtime

import "go.starlark.net/starlark"

var _ starlark.HasSetField = (*ModuleValue)(nil)

// SetField makes module attributes assignable, as in Python
// (`ntptime.host = 'pool.ntp.org'`, `config.DEBUG = True`). The module's
// own Go code sees the new value: Members is the dict its New returned.
func (m *ModuleValue) SetField(name string, v starlark.Value) error {
	m.Members[name] = v
	return nil
}
