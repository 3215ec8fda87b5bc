package runtime

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"go.starlark.net/starlark"
)

// Module is a script module contributed by a plugin package.
//
// A package registers its modules from init():
//
//	func init() {
//		runtime.Register(runtime.Module{Name: "sim", Doc: "SIM card status and PIN", New: newSim})
//	}
//
// New builds the module's members for one interpreter; it runs lazily, the
// first time a script imports the module, so unused modules cost nothing
// (and a serial port is not opened unless a script asks for it).
type Module struct {
	Name string // import name; dotted names ("auth.onenet") make "auth" a package
	Doc  string // one line, shown by `qstar modules` and help()
	New  func(env *Env) (starlark.StringDict, error)
	// Source, instead of New, is the module written in Python: it runs
	// through the Python front end on first import, as a user's module
	// would, and its globals are the members (threading on _thread, say).
	// With New as well it supplements the Go members (loader.go).
	Source string
}

var (
	registryMu sync.RWMutex
	registry   = map[string]Module{}
)

// Register adds m to the set of modules every interpreter can import.
// It panics on an empty or duplicate name: both are programming errors
// that should fail at start-up, not when a script runs.
func Register(m Module) {
	if m.Name == "" || (m.New == nil && m.Source == "") {
		panic("runtime.Register: module needs a Name and New or Source")
	}
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[m.Name]; dup {
		panic(fmt.Sprintf("runtime.Register: module %q registered twice", m.Name))
	}
	registry[m.Name] = m
}

// RegisterSupplement adds Python source to the Go module called name:
// what it defines joins the module's members on import (the Go module may
// register before or after). It panics on a second supplement.
func RegisterSupplement(name, source string) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := supplements[name]; dup {
		panic(fmt.Sprintf("runtime.RegisterSupplement: module %q supplemented twice", name))
	}
	supplements[name] = source
}

var supplements = map[string]string{}

// Lookup returns the registered module called name, with its supplement.
func Lookup(name string) (Module, bool) {
	registryMu.RLock()
	defer registryMu.RUnlock()
	m, ok := registry[name]
	if src, has := supplements[name]; ok && has && m.Source == "" {
		m.Source = src
	}
	return m, ok
}

// Modules returns every registered module, sorted by name.
func Modules() []Module {
	registryMu.RLock()
	defer registryMu.RUnlock()
	out := make([]Module, 0, len(registry))
	for _, m := range registry {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// isPackage reports whether name is the prefix of a registered dotted module
// ("auth" for "auth.onenet"), and returns the direct children's short names.
func isPackage(name string) ([]string, bool) {
	registryMu.RLock()
	defer registryMu.RUnlock()
	prefix := name + "."
	seen := map[string]bool{}
	var kids []string
	for n := range registry {
		if rest, ok := strings.CutPrefix(n, prefix); ok {
			kid, _, _ := strings.Cut(rest, ".")
			if !seen[kid] {
				seen[kid] = true
				kids = append(kids, kid)
			}
		}
	}
	sort.Strings(kids)
	return kids, len(kids) > 0
}

// ModuleNames lists the members a registered module exports, for
// `from x import *`; ok is false for names that are not modules.
func ModuleNames(name string) ([]string, bool) {
	m, ok := Lookup(name)
	if !ok {
		return nil, false
	}
	if m.New == nil {
		return nil, false // Python source: its names are known once it runs
	}
	members, err := m.New(NewEnv())
	if err != nil {
		return nil, false
	}
	var names []string
	for k := range members {
		if !strings.HasPrefix(k, "_") {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	return names, true
}
