package ure

import (
	"testing"

	"go.starlark.net/starlark"
)

// BenchmarkSearch compares a pattern on RE2 with one that needs the
// backtracking engine, on an AT-style answer.
func BenchmarkSearch(b *testing.B) {
	subject := starlark.String("AT+CSQ\r\n+CSQ: 23,99\r\n\r\nOK\r\n")
	for _, c := range []struct{ name, pat string }{
		{"re2", `\+CSQ: (\d+),(\d+)`},
		{"backtracking", `\+CSQ: (\d+)(?=,)`},
	} {
		p, err := compilePattern(starlark.String(c.pat), 0)
		if err != nil {
			b.Fatal(err)
		}
		th := &starlark.Thread{}
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if m, err := p.call(th, "search", starlark.Tuple{subject}, nil); err != nil || m == starlark.None {
					b.Fatal(m, err)
				}
			}
		})
	}
}
