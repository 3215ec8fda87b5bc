package pycompat

import "github.com/qstar-dev/qstar/runtime/exc"

// nameHint is what CPython 3.11 would offer after "Did you mean:" for a
// name bound nowhere in a file: the closest name of the innermost
// function (or comprehension or lambda), else of the module, else a
// builtin. Only a file's names are known at translation, so a REPL chunk
// (dynamic globals) gets none.
func (p *pass2) nameHint(name string, sc *scope) string {
	if p.dynamic {
		return ""
	}
	for s := sc; s != nil; s = s.parent {
		if s.kind == kGen {
			continue
		}
		if s.kind != kModule {
			if hint := exc.Suggest(name, sortedKeys(s.names)); hint != "" {
				return hint
			}
			break
		}
	}
	root := sc
	for root.parent != nil {
		root = root.parent
	}
	module := map[string]bool{}
	for n := range root.names {
		module[n] = true
	}
	for n := range root.ns {
		module[n] = true
	}
	if hint := exc.Suggest(name, sortedKeys(module)); hint != "" {
		return hint
	}
	return exc.Suggest(name, exc.BuiltinNames)
}

func didYouMean(hint string) string {
	if hint == "" {
		return ""
	}
	return " (did you mean '" + hint + "'?)"
}
