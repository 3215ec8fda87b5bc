package runtime

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/pycompat"
)

// `from X import *` binds names when the file is translated, so the front
// end asks for X's public names then: a registered module's members, or
// the top-level names of X's file, found as import would find it from the
// file being translated (path).

// moduleNamesFor returns the ModuleNames function for translating path.
func (in *Interp) moduleNamesFor(path string) func(string) ([]string, bool) {
	return func(mod string) ([]string, bool) {
		if names, ok := ModuleNames(mod); ok {
			return names, true
		}
		file := in.findModuleFile(path, mod)
		if file == "" || in.starDepth.Load() > 8 { // a cycle of star imports
			return nil, false
		}
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, false
		}
		in.starDepth.Add(1)
		defer in.starDepth.Add(-1)
		res, err := pycompat.Translate(file, src, &pycompat.Options{
			FileOptions: FileOptions, ModuleNames: in.moduleNamesFor(file), IsPredeclared: in.predeclared.Has,
		})
		if err != nil {
			return nil, false
		}
		return topLevelNames(res.File), true
	}
}

// findModuleFile is the file `import mod` would run, seen from path.
func (in *Interp) findModuleFile(path, mod string) string {
	dir := filepath.Dir(path)
	var roots []string
	rest := strings.TrimLeft(mod, ".")
	switch dots := len(mod) - len(rest); {
	case dots > 0:
		for i := 1; i < dots; i++ {
			dir = filepath.Dir(dir)
		}
		roots = []string{dir}
	case rest == "usr" || strings.HasPrefix(rest, "usr."):
		roots, rest = []string{in.UsrDir()}, strings.TrimPrefix(strings.TrimPrefix(rest, "usr"), ".")
	default:
		roots = []string{in.UsrDir(), dir}
	}
	rel := filepath.Join(strings.Split(rest, ".")...)
	for _, root := range roots {
		base := filepath.Join(root, rel)
		for _, p := range []string{filepath.Join(base, "__init__.py"), base + ".py", base + ".star"} {
			if fileExists(p) {
				return p
			}
		}
	}
	return ""
}

// topLevelNames are the public names a translated file binds at top level.
func topLevelNames(f *syntax.File) []string {
	seen := map[string]bool{}
	var bind func(e syntax.Expr)
	bind = func(e syntax.Expr) {
		switch e := e.(type) {
		case *syntax.Ident:
			if !strings.HasPrefix(e.Name, "_") {
				seen[e.Name] = true
			}
		case *syntax.TupleExpr:
			for _, x := range e.List {
				bind(x)
			}
		case *syntax.ListExpr:
			for _, x := range e.List {
				bind(x)
			}
		case *syntax.ParenExpr:
			bind(e.X)
		}
	}
	var walk func(stmts []syntax.Stmt)
	walk = func(stmts []syntax.Stmt) {
		for _, s := range stmts {
			switch s := s.(type) {
			case *syntax.DefStmt:
				bind(s.Name)
			case *syntax.AssignStmt:
				bind(s.LHS)
			case *syntax.LoadStmt:
				for _, to := range s.To {
					bind(to)
				}
			case *syntax.IfStmt:
				walk(s.True)
				walk(s.False)
			case *syntax.ForStmt:
				walk(s.Body)
			case *syntax.WhileStmt:
				walk(s.Body)
			}
		}
	}
	walk(f.Stmts)
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
