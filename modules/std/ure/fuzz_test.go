package ure

import (
	"testing"

	"go.starlark.net/starlark"
)

// FuzzPattern checks that no pattern or subject makes the module panic.
func FuzzPattern(f *testing.F) {
	for _, s := range []string{`(\d+)$`, `(?P<a>x)|y*`, `[]a-\w]`, `a{2,}?b`, `(?x) a # c`, `\x4`, `(?i:A)`, `[\1]`, `a|*`, `((a)`, `\g<1>`, `é+\b`} {
		f.Add(s, "a1 éx\ny", `\1-\g<0>`)
	}
	f.Fuzz(func(t *testing.T, pat, subj, repl string) {
		for _, bytes := range []bool{false, true} {
			var pv, sv, rv starlark.Value = starlark.String(pat), starlark.String(subj), starlark.String(repl)
			if bytes {
				pv, sv, rv = starlark.Bytes(pat), starlark.Bytes(subj), starlark.Bytes(repl)
			}
			p, err := compilePattern(pv, 0)
			if err != nil {
				continue
			}
			th := &starlark.Thread{}
			for _, m := range []string{"search", "match", "fullmatch", "findall", "finditer"} {
				if _, err := p.call(th, m, starlark.Tuple{sv}, nil); err != nil {
					t.Fatalf("%s(%q, %q): %v", m, pat, subj, err)
				}
			}
			_, _ = p.call(th, "sub", starlark.Tuple{rv, sv}, nil)
			_, _ = p.call(th, "split", starlark.Tuple{sv}, nil)
			if m, _ := p.call(th, "search", starlark.Tuple{sv}, nil); m != starlark.None {
				mm := m.(*Match)
				_ = mm.String()
				_, _ = mm.method(th, starlark.NewBuiltin("groups", nil), nil, nil)
				_, _ = mm.method(th, starlark.NewBuiltin("span", nil), starlark.Tuple{starlark.MakeInt(0)}, nil)
			}
		}
	})
}
