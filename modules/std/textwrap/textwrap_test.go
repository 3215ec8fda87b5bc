package textwrap_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	_ "github.com/qstar-dev/qstar/modules/std/textwrap"
)

func TestTextwrapLikeCPython(t *testing.T) {
	stdtest.CompareWithPython(t, `load("textwrap", "textwrap")`, "import textwrap", []string{
		`textwrap.wrap("The quick brown fox jumps over the lazy dog. " * 3, 30)`,
		`textwrap.wrap("a b c d e f g", 5)`,
		`textwrap.wrap("", 10)`,
		`textwrap.wrap("supercalifragilisticexpialidocious word", 10)`,
		`textwrap.wrap("supercalifragilistic", 10, break_long_words=False)`,
		`textwrap.wrap("a well-known long-winded hyphen-separated text", 12)`,
		`textwrap.wrap("tabs\there and\nnewlines  too", 8)`,
		`textwrap.wrap("one two three four five six", 12, initial_indent="* ", subsequent_indent="  ")`,
		`textwrap.wrap("one two three four five six seven", 10, max_lines=2)`,
		`textwrap.fill("Hello there, this is a sentence to fill nicely.", 16)`,
		`textwrap.shorten("Hello world, this is long", width=15)`,
		`textwrap.shorten("Hello  world!", width=12)`,
		`textwrap.shorten("Hello world!", width=11, placeholder="...")`,
		`textwrap.dedent("\n    hello\n      world\n")`,
		`textwrap.dedent("  a\n\t b\n")`,
		`textwrap.dedent("    x\n  \n    y")`,
		`textwrap.indent("a\nb\n\nc", "> ")`,
		`textwrap.indent("a\n\nb", "+", lambda line: True)`,
		`textwrap.fill("naïve café ünïcode wörds", 10)`,
	})
}
