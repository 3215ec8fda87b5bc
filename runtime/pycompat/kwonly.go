package pycompat

import (
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// noteKeywordOnly tells the run time which parameters of def s are
// keyword-only (after * or *args), so a call missing one is reported as
// CPython does: "f() missing 1 required keyword-only argument: 'x'".
func noteKeywordOnly(s *syntax.DefStmt) {
	kw := false
	for _, prm := range s.Params {
		if u, ok := prm.(*syntax.UnaryExpr); ok {
			kw = kw || u.Op == syntax.STAR
			continue
		}
		if name, _ := paramName(prm); name != "" {
			exc.NoteKeywordOnly(s.Name.Name, name, kw)
		}
	}
}
