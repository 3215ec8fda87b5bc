package runtime

import (
	"sort"

	"go.starlark.net/starlark"
)

// sys.modules: the modules this interpreter has imported, registered ones
// (built on first import) and files, by the names they were imported as.

// LoadedModule is the module imported as name, if it has been.
func (e *Env) LoadedModule(name string) (starlark.Value, bool) {
	in := e.interp
	if in == nil {
		return nil, false
	}
	if mv, ok := in.imports.mods[name]; ok {
		return mv, true
	}
	if me, ok := in.modules[name]; ok && me.value != nil {
		return me.value, true
	}
	return nil, false
}

// LoadedModuleNames are the names of the modules imported so far, sorted.
func (e *Env) LoadedModuleNames() []string {
	in := e.interp
	if in == nil {
		return nil
	}
	seen := map[string]bool{}
	for name := range in.imports.mods {
		seen[name] = true
	}
	for name, me := range in.modules {
		if me.value != nil {
			seen[name] = true
		}
	}
	names := make([]string, 0, len(seen))
	for name := range seen {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// ForgetModule drops the module imported as name (del sys.modules[name]):
// the next import runs its file, or builds it, again. It reports whether
// the module was loaded.
func (e *Env) ForgetModule(name string) bool {
	in := e.interp
	if in == nil {
		return false
	}
	_, had := e.LoadedModule(name)
	if mv, ok := in.imports.mods[name]; ok {
		delete(in.imports.mods, name)
		if mv.file != "" {
			key := fileKey(mv.file)
			delete(in.files, key)
			delete(in.imports.names, key)
		}
	}
	delete(in.modules, name)
	return had
}
