package ure

import (
	"math/rand"
	"testing"
	"time"

	"go.starlark.net/starlark"
)

// TestRandomPatterns runs generated patterns, subjects and templates: none
// may panic or hang.
func TestRandomPatterns(t *testing.T) {
	alpha := []string{"a", "b", "(", ")", "*", "+", "?", "{", "}", ",", "1", "2", "\\", "[", "]", "^", "$", "|", ".", "x", "?P<n>", "(?", ":", "#", " ", "\n", "é", "0", "g", "<", ">", "-", "\\b", "\\w", "\\1"}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 4000; n++ {
		var pat, subj, repl string
		for k := r.Intn(8); k >= 0; k-- {
			pat += alpha[r.Intn(len(alpha))]
		}
		for k := r.Intn(8); k >= 0; k-- {
			subj += alpha[r.Intn(len(alpha))]
		}
		for k := r.Intn(4); k >= 0; k-- {
			repl += alpha[r.Intn(len(alpha))]
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			defer func() {
				if e := recover(); e != nil {
					t.Errorf("panic %v on %q %q %q", e, pat, subj, repl)
				}
			}()
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
					_, _ = p.call(th, m, starlark.Tuple{sv}, nil)
				}
				_, _ = p.call(th, "sub", starlark.Tuple{rv, sv}, nil)
				_, _ = p.call(th, "split", starlark.Tuple{sv}, nil)
			}
		}()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			t.Fatalf("hang on %q %q %q", pat, subj, repl)
		}
	}
}
