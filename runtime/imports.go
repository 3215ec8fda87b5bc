package runtime

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Python's import for the front end. `import a.b`, `from a.b import c` and
// relative imports become _import(name[, attr][, top=True]) calls; a name
// is, in order: a registered module or package; `usr` and its submodules,
// from the directory usr maps to (QuecPython keeps application files in
// /usr: `from usr.settings import x`); a package directory (with or without
// __init__.py) or a .py/.star file in the main script's directory, then in
// the importing file's. A module runs once and is the same object each
// time it is imported; inside it __name__ is its dotted name.

// importState is what the interpreter knows of imported files. It is
// guarded by the interpreter lock.
type importState struct {
	mainDir string                  // the main script's directory
	mods    map[string]*ModuleValue // file modules and packages by dotted name
	names   map[string]string       // file (fileKey) -> dotted module name
	inits   map[string]bool         // files that are a package's __init__
}

func (s *importState) init() {
	if s.mods == nil {
		s.mods, s.names, s.inits = map[string]*ModuleValue{}, map[string]string{}, map[string]bool{}
	}
}

// setMain records the main script, whose directory holds the application.
func (in *Interp) setMain(path string) {
	in.imports.init()
	key := fileKey(path)
	in.imports.mainDir = filepath.Dir(key)
	in.imports.names[key] = "__main__"
}

// UsrDir is the directory the package `usr` maps to, where QuecPython keeps
// an application's files: the main script's directory (the working
// directory at the REPL), or the data directory behind the device's /usr
// when one is set (--data), so `from usr.x import y` finds the files that
// /usr holds wherever the main script sits.
func (in *Interp) UsrDir() string {
	if in.Env != nil && in.Env.DataDir != "" {
		if abs, err := filepath.Abs(in.Env.DataDir); err == nil {
			return abs
		}
	}
	if in.imports.mainDir != "" {
		return in.imports.mainDir
	}
	wd, _ := os.Getwd()
	return wd
}

// importCall is _import(name, attr=None, top=False): the module, its member
// or submodule attr (from name import attr), or with top the first package
// of a dotted name (import a.b.c binds a).
func (in *Interp) importCall(t *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	var attr starlark.Value = starlark.None
	var top bool
	if err := starlark.UnpackArgs("import", args, kwargs, "name", &name, "attr?", &attr, "top?", &top); err != nil {
		return nil, err
	}
	in.imports.init()
	abs, err := in.absoluteName(t, name)
	if err != nil {
		return nil, err
	}
	if a, ok := attr.(starlark.String); ok {
		return in.importFrom(t, abs, string(a))
	}
	mv, err := in.importAbs(t, abs)
	if err == nil && top {
		first, _, _ := strings.Cut(abs, ".")
		mv, err = in.importAbs(t, first)
	}
	if err != nil {
		return nil, err
	}
	return asCallable(mv), nil
}

// importModule imports a module by its absolute dotted name.
func (in *Interp) importModule(t *starlark.Thread, name string) (starlark.Value, error) {
	in.imports.init()
	mv, err := in.importAbs(t, name)
	if err != nil {
		return nil, err
	}
	return asCallable(mv), nil
}

// asCallable lets a module that is also its own type be called.
func asCallable(mv *ModuleValue) starlark.Value {
	if _, ok := mv.Members["__call__"].(starlark.Callable); ok {
		return callableModule{mv}
	}
	return mv
}

// importFrom is `from mod import attr`: a member of mod, else its
// submodule mod.attr, else ImportError as in CPython.
func (in *Interp) importFrom(t *starlark.Thread, mod, attr string) (starlark.Value, error) {
	if mod == "" { // from . import x in a top-level file: x beside it
		return in.importAbs(t, attr)
	}
	mv, err := in.importAbs(t, mod)
	if err != nil {
		return nil, err
	}
	if v, err := mv.Attr(attr); v != nil || (err != nil && !isNoSuchAttr(err)) {
		return v, err
	}
	if mv.dir != "" {
		sub, err := in.importAbs(t, mod+"."+attr)
		if err == nil {
			return asCallable(sub), nil
		}
		if e, ok := exc.As(err); !ok || e.Type != "ModuleNotFoundError" {
			return nil, err
		}
	}
	where := "unknown location"
	if mv.file != "" {
		where = mv.file
	}
	if mv.loading != nil {
		return nil, exc.New("ImportError", "cannot import name '%s' from partially initialized module '%s' (most likely due to a circular import) (%s)", attr, mod, where)
	}
	return nil, exc.New("ImportError", "cannot import name '%s' from '%s' (%s)", attr, mod, where)
}

// importAbs returns the module called name, importing its packages first.
func (in *Interp) importAbs(t *starlark.Thread, name string) (*ModuleValue, error) {
	if mv, ok := in.imports.mods[name]; ok {
		return mv, nil
	}
	parent, short := "", name
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		parent, short = name[:i], name[i+1:]
	}
	if parent == "" {
		return in.importTop(t, name)
	}
	pkg, err := in.importAbs(t, parent)
	if err != nil {
		return nil, err
	}
	if pkg.dir == "" { // a registered package: its registered submodules
		return in.Module(name)
	}
	mv, err := in.importFile(t, name, pkg.dir, short)
	if err != nil {
		return nil, err
	}
	if mv == nil {
		return nil, &exc.Error{Type: "ModuleNotFoundError", Msg: fmt.Sprintf("No module named '%s'", name)}
	}
	pkg.Members[short] = mv // import a.b sets a.b, as in Python
	return mv, nil
}

// importTop finds a top-level module: registered, usr, or a file.
func (in *Interp) importTop(t *starlark.Thread, name string) (*ModuleValue, error) {
	if name == "usr" {
		dir := in.UsrDir()
		mv := &ModuleValue{Name: name, Doc: "package", Members: starlark.StringDict{}, file: dir, dir: dir}
		in.imports.mods[name] = mv
		return mv, nil
	}
	mv, err := in.Module(name)
	if err == nil {
		return mv, nil
	}
	if e, ok := exc.As(err); !ok || e.Type != "ModuleNotFoundError" {
		return nil, err
	}
	dirs := []string{in.UsrDir()}
	if d := scriptDir(t); fileKey(d) != dirs[0] {
		dirs = append(dirs, d)
	}
	for _, dir := range dirs {
		found, ferr := in.importFile(t, name, dir, name)
		if ferr != nil || found != nil {
			return found, ferr
		}
	}
	return nil, err
}

// importFile imports name from dir/short: a package directory with an
// __init__.py, a .py or .star file, or a directory without __init__.py,
// as CPython looks for them. It returns nil, nil if there is none.
func (in *Interp) importFile(t *starlark.Thread, name, dir, short string) (*ModuleValue, error) {
	base := filepath.Join(dir, short)
	isDir := false
	if st, err := os.Stat(base); err == nil && st.IsDir() {
		isDir = true
		if init := filepath.Join(base, "__init__.py"); fileExists(init) {
			return in.runPackage(t, name, base, init)
		}
	}
	for _, ext := range []string{".py", ".star"} {
		if p := base + ext; fileExists(p) {
			return in.runModule(t, name, p)
		}
	}
	if isDir {
		return in.runPackage(t, name, base, "")
	}
	return nil, nil
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// runModule runs a module file once and returns it as name.
// The module is known before its file runs, so a circular import gets it
// and sees the names defined so far (ModuleValue.loading).
func (in *Interp) runModule(t *starlark.Thread, name, path string) (*ModuleValue, error) {
	key := fileKey(path)
	in.imports.names[key] = name
	mv := &ModuleValue{Name: name, Members: starlark.StringDict{}, file: path, loading: in.partialOf(key)}
	in.imports.mods[name] = mv
	globals, err := in.loadFileAs(t, path, name)
	mv.loading = nil
	if err != nil {
		delete(in.imports.mods, name)
		return nil, err
	}
	mv.Members = globals
	return mv, nil
}

// partialOf reads the globals defined so far by the file with this key.
func (in *Interp) partialOf(key string) func() starlark.StringDict {
	return func() starlark.StringDict { return in.files[key].partial() }
}

// runPackage makes the package name for directory dir and runs its
// __init__.py (init; "" if it has none). The package is known before its
// __init__ runs, so a submodule can import it meanwhile.
func (in *Interp) runPackage(t *starlark.Thread, name, dir, init string) (*ModuleValue, error) {
	mv := &ModuleValue{Name: name, Doc: "package", Members: starlark.StringDict{}, file: dir, dir: dir}
	in.imports.mods[name] = mv
	if init == "" {
		return mv, nil
	}
	mv.file = init
	key := fileKey(init)
	in.imports.names[key], in.imports.inits[key] = name, true
	mv.loading = in.partialOf(key)
	globals, err := in.loadFileAs(t, init, name)
	mv.loading = nil
	if err != nil {
		delete(in.imports.mods, name)
		return nil, err
	}
	// The package's namespace is its __init__'s globals: a name __init__
	// binds after importing a submodule of that name (`from .network
	// import network`) is what the package holds, as in CPython; a
	// submodule __init__ never rebinds stays reachable.
	for k, v := range globals {
		mv.Members[k] = v
	}
	return mv, nil
}

// absoluteName resolves a relative import (".mod", "..pkg.mod", ".")
// against the package of the importing file; "" is the top level.
func (in *Interp) absoluteName(t *starlark.Thread, name string) (string, error) {
	if !strings.HasPrefix(name, ".") {
		return name, nil
	}
	rest := strings.TrimLeft(name, ".")
	dots := len(name) - len(rest)
	pkg := ""
	if file := scriptFile(t); file != "" {
		key := fileKey(file)
		pkg = in.imports.names[key]
		if pkg == "__main__" {
			pkg = ""
		} else if !in.imports.inits[key] {
			pkg = parentName(pkg)
		}
	}
	for i := 1; i < dots; i++ {
		if pkg == "" {
			return "", exc.New("ImportError", "attempted relative import beyond top-level package")
		}
		pkg = parentName(pkg)
	}
	switch {
	case pkg == "":
		return rest, nil
	case rest == "":
		return pkg, nil
	}
	return pkg + "." + rest, nil
}

func parentName(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[:i]
	}
	return ""
}

// scriptFile is the file of the innermost Starlark frame, or "".
func scriptFile(t *starlark.Thread) string {
	for i := 0; i < t.CallStackDepth(); i++ {
		fn := t.CallFrame(i).Pos.Filename()
		if fn != "" && !strings.HasPrefix(fn, "<") {
			return fn
		}
	}
	return ""
}
