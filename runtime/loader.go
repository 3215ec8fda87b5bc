package runtime

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pycompat"
)

// ModuleValue is a module as scripts see it: `import sim` binds one.
type ModuleValue struct {
	Name    string
	Doc     string
	Members starlark.StringDict

	// pkg is set for implicit packages ("auth" of "auth.onenet"):
	// attributes are submodules, loaded on first use.
	pkg  *Interp
	kids []string

	file string // the file a module was imported from (imports.go)
	dir  string // a package directory: its submodules' files are here

	// loading, while the module's file still runs, gives the globals it
	// has defined so far: a circular import gets the module object at
	// once, and reads them through it, as CPython's partly initialised
	// modules allow.
	loading func() starlark.StringDict
}

var _ starlark.HasAttrs = (*ModuleValue)(nil)

func (m *ModuleValue) String() string        { return fmt.Sprintf("<module '%s'>", m.Name) }
func (m *ModuleValue) PyRepr() string        { return m.String() }
func (m *ModuleValue) Type() string          { return "module" }
func (m *ModuleValue) Freeze()               {}
func (m *ModuleValue) Truth() starlark.Bool  { return true }
func (m *ModuleValue) Hash() (uint32, error) { return starlark.String(m.Name).Hash() }

func (m *ModuleValue) Attr(name string) (starlark.Value, error) {
	if v, ok := m.Members[name]; ok {
		return v, nil
	}
	if m.loading != nil {
		if v, ok := m.loading()[name]; ok {
			return v, nil
		}
	}
	switch {
	case name == "__name__":
		return starlark.String(m.Name), nil
	case name == "__file__" && m.file != "" && m.file != m.dir:
		return starlark.String(m.file), nil
	case strings.HasSuffix(name, "_") && pycompat.PyIdent(strings.TrimSuffix(name, "_")) == name && m.Members[strings.TrimSuffix(name, "_")] != nil:
		return m.Members[strings.TrimSuffix(name, "_")], nil // ujson.load, spelt load_ by the Python front end
	}
	if m.pkg != nil {
		for _, k := range m.kids {
			if k == name {
				return m.pkg.Module(m.Name + "." + name)
			}
		}
	}
	// CPython's message; starlark adds "(did you mean .x?)", which exc
	// turns into CPython's "Did you mean: 'x'?".
	return nil, starlark.NoSuchAttrError(fmt.Sprintf("module '%s' has no attribute '%s'", m.Name, name))
}

func (m *ModuleValue) AttrNames() []string {
	names := make([]string, 0, len(m.Members)+len(m.kids))
	for k := range m.Members {
		if !strings.HasPrefix(k, "_") {
			names = append(names, k)
		}
	}
	if m.loading != nil {
		for k := range m.loading() {
			if _, dup := m.Members[k]; !dup && !strings.HasPrefix(k, "_") {
				names = append(names, k)
			}
		}
	}
	names = append(names, m.kids...)
	sort.Strings(names)
	return names
}

// callableModule is a module that is also its own type, as QuecPython's
// osTimer is (`import osTimer; t = osTimer()`): calling it calls the
// module's __call__ member.
type callableModule struct{ *ModuleValue }

var _ starlark.Callable = callableModule{}

func (m callableModule) Name() string { return m.ModuleValue.Name }

func (m callableModule) CallInternal(t *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return starlark.Call(t, m.Members["__call__"], args, kwargs)
}

// Module returns the registered module (or implicit package) called name,
// building it for this interpreter on first use.
func (in *Interp) Module(name string) (*ModuleValue, error) {
	if e, ok := in.modules[name]; ok {
		if e.err != nil {
			return nil, e.err
		}
		return e.value.(*ModuleValue), nil
	}
	e := &moduleEntry{}
	in.modules[name] = e
	if m, ok := Lookup(name); ok {
		var members starlark.StringDict
		var err error
		switch {
		case m.New != nil && m.Source != "":
			members, err = in.supplement(e, name, m)
		case m.Source != "":
			members, err = in.runModuleSource(name, m.Source)
		default:
			members, err = m.New(in.Env)
		}
		if name == pythonModule {
			members = in.pythonMembers() // bound to this interpreter (pymodule.go)
		}
		if err != nil {
			e.err = fmt.Errorf("module %s: %w", name, err)
			return nil, e.err
		}
		mv := &ModuleValue{Name: name, Doc: m.Doc, Members: members}
		noteOwners(name, members) // docs.go: help(sim.getStatus)
		if kids, ok := isPackage(name); ok {
			mv.pkg, mv.kids = in, kids
		}
		e.value, e.dict = mv, members
		return mv, nil
	}
	if kids, ok := isPackage(name); ok {
		mv := &ModuleValue{Name: name, Doc: "package", Members: starlark.StringDict{}, pkg: in, kids: kids}
		e.value, e.dict = mv, mv.Members
		return mv, nil
	}
	e.err = notFound(name)
	return nil, e.err
}

func notFound(name string) error {
	msg := fmt.Sprintf("No module named '%s'", name)
	var names []string
	for _, m := range Modules() {
		names = append(names, m.Name)
	}
	if near := nearest(name, names); near != "" {
		msg += fmt.Sprintf(" (did you mean '%s'?)", near)
	}
	return &exc.Error{Type: "ModuleNotFoundError", Msg: msg}
}

// nearest returns the candidate within edit distance 2 of name, if any.
func nearest(name string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := editDistance(name, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// isFileRef reports whether a load/import name refers to a file.
func isFileRef(name string) bool {
	return strings.HasSuffix(name, ".star") || strings.HasSuffix(name, ".py") ||
		strings.HasPrefix(name, "./") || strings.HasPrefix(name, "../") || filepath.IsAbs(name)
}

// load implements the load statement: registered modules by name, files by
// path relative to the loading file.
func (in *Interp) load(t *starlark.Thread, name string) (starlark.StringDict, error) {
	if !isFileRef(name) {
		mv, err := in.Module(name)
		if err != nil {
			return nil, err
		}
		// load("sim", "sim") binds the module itself, as DESIGN promises.
		short := name[strings.LastIndexByte(name, '.')+1:]
		d := make(starlark.StringDict, len(mv.Members)+1)
		for k, v := range mv.Members {
			d[k] = v
		}
		if _, clash := d[short]; !clash {
			d[short] = mv
		}
		return d, nil
	}
	path := name
	if !filepath.IsAbs(path) {
		path = filepath.Join(scriptDir(t), name)
	}
	return in.loadFile(t, path)
}

// loadFile runs a file once per interpreter and caches its globals. A file
// that is still loading when asked for again is a cycle.
func (in *Interp) loadFile(t *starlark.Thread, path string) (starlark.StringDict, error) {
	modName := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(path), ".py"), ".star")
	return in.loadFileAs(t, path, modName)
}

// loadFileAs is loadFile with the module's __name__.
func (in *Interp) loadFileAs(t *starlark.Thread, path, modName string) (starlark.StringDict, error) {
	path = filepath.Clean(path)
	if err := in.checkLoad(path); err != nil {
		return nil, err
	}
	key := fileKey(path)
	if e, ok := in.files[key]; ok {
		if e.err != nil {
			return nil, e.err
		}
		if e.globals == nil {
			return nil, fmt.Errorf("load cycle: %s", in.cycle(path))
		}
		return e.globals, nil
	}
	e := &fileEntry{}
	in.files[key] = e
	in.loading = append(in.loading, path)
	defer func() { in.loading = in.loading[:len(in.loading)-1] }()

	src, err := os.ReadFile(path)
	if err != nil {
		e.err = err
		return nil, err
	}
	child := in.NewThread("load " + filepath.Base(path))
	defer in.Done(child)
	in.setLoading(t, child)
	defer in.setLoading(t, nil)
	e.thread = child
	globals, err := in.execFile(child, path, src, modName)
	e.thread = nil
	err = takePending(child, err)
	if err != nil {
		e.err = err
		return nil, err
	}
	e.globals = globals
	return globals, nil
}

// supplement builds a module that has both New and Source: the Go members
// first, then the Python part, which imports its own module to reach them
// (`from collections import deque`); what the Python part defines is
// added to the members, and wins over a Go member of the same name (a
// Python wrapper around it).
func (in *Interp) supplement(e *moduleEntry, name string, m Module) (starlark.StringDict, error) {
	members, err := m.New(in.Env)
	if err != nil {
		return nil, err
	}
	e.value, e.dict = &ModuleValue{Name: name, Doc: m.Doc, Members: members}, members
	defer func() { e.value, e.dict = nil, nil }()
	globals, err := in.runModuleSource(name, m.Source)
	if err != nil {
		return nil, err
	}
	for k, v := range globals {
		if k == "__name__" || k == "__doc__" {
			continue
		}
		if _, isModule := v.(*ModuleValue); isModule {
			continue // the part's own imports
		}
		members[k] = v
	}
	return members, nil
}

// runModuleSource runs a module written in Python (Module.Source); its
// tracebacks name it <qstar>/NAME.py.
func (in *Interp) runModuleSource(name, src string) (starlark.StringDict, error) {
	child := in.NewThread("import " + name)
	defer in.Done(child)
	globals, err := in.execFile(child, "<qstar>/"+name+".py", []byte(src), name)
	return globals, takePending(child, err)
}

// fileKey identifies a file however it was named.
func fileKey(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

func (in *Interp) cycle(path string) string {
	var parts []string
	started := false
	for _, p := range in.loading {
		if fileKey(p) == fileKey(path) {
			started = true
		}
		if started {
			parts = append(parts, filepath.Base(p))
		}
	}
	return strings.Join(append(parts, filepath.Base(path)), " -> ")
}
