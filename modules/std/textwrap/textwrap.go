// Package textwrap is CPython's textwrap for scripts: wrap, fill,
// shorten, dedent and indent.
package textwrap

import (
	"strings"
	"unicode"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

const wrapParams = "width=70, *, initial_indent='', subsequent_indent='', expand_tabs=True, replace_whitespace=True, " +
	"fix_sentence_endings=False, break_long_words=True, drop_whitespace=True, break_on_hyphens=True, tabsize=8, max_lines=None, placeholder=' [...]')"

var sigs = map[string]*pyargs.Sig{
	"wrap":    pyargs.NewSig("wrap(text, "+wrapParams, "Wrap text into lines of at most width characters; a list of lines without final newlines."),
	"fill":    pyargs.NewSig("fill(text, "+wrapParams, "wrap(text, ...) joined with newlines."),
	"shorten": pyargs.NewSig("shorten(text, "+wrapParams, "Collapse whitespace and truncate text to width, ending it with placeholder when cut."),
	"dedent":  pyargs.NewSig("dedent(text, /)", "Remove the leading whitespace every non-blank line has in common; blank lines become empty."),
	"indent":  pyargs.NewSig("indent(text, prefix, predicate=None)", "Add prefix to the lines predicate(line) is true for (by default the non-blank ones)."),
}

func init() {
	runtime.Register(runtime.Module{Name: "textwrap", Doc: "wrap, fill, shorten, dedent and indent text", New: newModule})
	runtime.RegisterSigs("textwrap", sigs)
}

func newModule(*runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"wrap":    starlark.NewBuiltin("wrap", wrapBuiltin),
		"fill":    starlark.NewBuiltin("fill", wrapBuiltin),
		"shorten": starlark.NewBuiltin("shorten", wrapBuiltin),
		"dedent":  starlark.NewBuiltin("dedent", dedentBuiltin),
		"indent":  starlark.NewBuiltin("indent", indentBuiltin),
	}, nil
}

func wrapBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var text string
	w := wrapper{width: 70, expandTabs: true, replaceWS: true, breakLong: true, dropWS: true, breakHyphens: true, tabsize: 8, placeholder: " [...]"}
	var maxLines starlark.Value = starlark.None
	if err := sigs[b.Name()].UnpackArgs(args, kwargs, &text, &w.width, &w.initial, &w.subsequent, &w.expandTabs, &w.replaceWS,
		&w.fixSentences, &w.breakLong, &w.dropWS, &w.breakHyphens, &w.tabsize, &maxLines, &w.placeholder); err != nil {
		return nil, err
	}
	if maxLines != starlark.None {
		n, err := starlark.AsInt32(maxLines)
		if err != nil {
			return nil, exc.TypeError("max_lines must be an int or None")
		}
		w.maxLines = n
	}
	if b.Name() == "shorten" {
		text = strings.Join(strings.Fields(text), " ")
		w.maxLines = 1
	}
	lines, err := w.wrap(text)
	if err != nil {
		return nil, err
	}
	switch b.Name() {
	case "wrap":
		l := make([]starlark.Value, len(lines))
		for i, s := range lines {
			l[i] = starlark.String(s)
		}
		return starlark.NewList(l), nil
	}
	return starlark.String(strings.Join(lines, "\n")), nil
}

// wrapper holds TextWrapper's options.
type wrapper struct {
	width                               int
	initial, subsequent, placeholder    string
	expandTabs, replaceWS, fixSentences bool
	breakLong, dropWS, breakHyphens     bool
	tabsize, maxLines                   int
}

func runeLen(s string) int { return len([]rune(s)) }

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// wrap is TextWrapper.wrap: split text into chunks (words and runs of
// whitespace), then fill lines greedily as CPython's _wrap_chunks does.
func (w *wrapper) wrap(text string) ([]string, error) {
	if w.width <= 0 {
		return nil, exc.ValueError("invalid width %d (must be > 0)", w.width)
	}
	if w.expandTabs {
		text = pylib.ExpandTabs(text, w.tabsize)
	}
	if w.replaceWS {
		text = strings.Map(func(r rune) rune {
			if strings.ContainsRune("\t\n\v\f\r", r) {
				return ' '
			}
			return r
		}, text)
	}
	chunks := w.split(text)
	if w.fixSentences {
		fixSentenceEndings(chunks)
	}
	if w.maxLines > 0 {
		indent := w.initial
		if w.maxLines > 1 {
			indent = w.subsequent
		}
		if runeLen(indent)+runeLen(strings.TrimLeft(w.placeholder, " ")) > w.width {
			return nil, exc.ValueError("placeholder too large for max width")
		}
	}
	// chunks are consumed from the end, as CPython's reversed list
	for i, j := 0, len(chunks)-1; i < j; i, j = i+1, j-1 {
		chunks[i], chunks[j] = chunks[j], chunks[i]
	}
	var lines []string
	for len(chunks) > 0 {
		var cur []string
		curLen := 0
		indent := w.initial
		if len(lines) > 0 {
			indent = w.subsequent
		}
		width := w.width - runeLen(indent)
		if w.dropWS && isBlank(chunks[len(chunks)-1]) && len(lines) > 0 {
			chunks = chunks[:len(chunks)-1]
		}
		for len(chunks) > 0 {
			l := runeLen(chunks[len(chunks)-1])
			if curLen+l > width {
				break
			}
			cur = append(cur, chunks[len(chunks)-1])
			chunks = chunks[:len(chunks)-1]
			curLen += l
		}
		if len(chunks) > 0 && runeLen(chunks[len(chunks)-1]) > width {
			cur, curLen, chunks = w.longWord(chunks, cur, curLen, width)
		}
		if w.dropWS && len(cur) > 0 && isBlank(cur[len(cur)-1]) {
			curLen -= runeLen(cur[len(cur)-1])
			cur = cur[:len(cur)-1]
		}
		if len(cur) == 0 {
			continue
		}
		rest := len(chunks) == 0 || w.dropWS && len(chunks) == 1 && isBlank(chunks[0])
		if w.maxLines <= 0 || len(lines)+1 < w.maxLines || rest && curLen <= width {
			lines = append(lines, indent+strings.Join(cur, ""))
			continue
		}
		lines = w.placeholderLine(lines, cur, curLen, width, indent)
		break
	}
	return lines, nil
}

// placeholderLine ends the last allowed line with the placeholder.
func (w *wrapper) placeholderLine(lines, cur []string, curLen, width int, indent string) []string {
	for len(cur) > 0 {
		last := cur[len(cur)-1]
		if !isBlank(last) && curLen+runeLen(w.placeholder) <= width {
			return append(lines, indent+strings.Join(cur, "")+w.placeholder)
		}
		curLen -= runeLen(last)
		cur = cur[:len(cur)-1]
	}
	if len(lines) > 0 {
		prev := strings.TrimRight(lines[len(lines)-1], " \t\n\r\v\f")
		if runeLen(prev)+runeLen(w.placeholder) <= w.width {
			lines[len(lines)-1] = prev + w.placeholder
			return lines
		}
	}
	return append(lines, indent+strings.TrimLeft(w.placeholder, " "))
}

// longWord is _handle_long_word: break a chunk too long for any line.
func (w *wrapper) longWord(chunks, cur []string, curLen, width int) ([]string, int, []string) {
	spaceLeft := 1
	if width >= 1 {
		spaceLeft = width - curLen
	}
	top := []rune(chunks[len(chunks)-1])
	if w.breakLong {
		end := spaceLeft
		if w.breakHyphens && len(top) > spaceLeft {
			if h := lastIndexRune(top[:spaceLeft], '-'); h > 0 && strings.Trim(string(top[:h]), "-") != "" {
				end = h + 1
			}
		}
		cur = append(cur, string(top[:end]))
		curLen += end
		chunks[len(chunks)-1] = string(top[end:])
	} else if len(cur) == 0 {
		cur = append(cur, string(top))
		curLen += len(top)
		chunks = chunks[:len(chunks)-1]
	}
	return cur, curLen, chunks
}

func lastIndexRune(rs []rune, r rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] == r {
			return i
		}
	}
	return -1
}

// split cuts text into runs of spaces and words; with break_on_hyphens a
// word also ends after a hyphen between letters ("well-" "known").
func (w *wrapper) split(text string) []string {
	var chunks []string
	rs := []rune(text)
	for i := 0; i < len(rs); {
		j := i
		if unicode.IsSpace(rs[i]) {
			for j < len(rs) && unicode.IsSpace(rs[j]) {
				j++
			}
			chunks = append(chunks, string(rs[i:j]))
			i = j
			continue
		}
		for j < len(rs) && !unicode.IsSpace(rs[j]) {
			j++
			if w.breakHyphens && j < len(rs) && rs[j-1] == '-' && hyphenBreak(rs, j-1) {
				break
			}
		}
		chunks = append(chunks, string(rs[i:j]))
		i = j
	}
	return chunks
}

// hyphenBreak reports whether the hyphen at rs[h] splits a hyphenated
// word: two letters (or letter-letter) before it, a letter after.
func hyphenBreak(rs []rune, h int) bool {
	letter := func(i int) bool { return i >= 0 && i < len(rs) && unicode.IsLetter(rs[i]) }
	before := letter(h-1) && letter(h-2) || letter(h-1) && h >= 2 && rs[h-2] == '-' && letter(h-3)
	after := letter(h+1) && (letter(h+2) || h+3 < len(rs) && rs[h+2] == '-' && letter(h+3))
	return before && after
}

// fixSentenceEndings puts two spaces after a sentence's end.
func fixSentenceEndings(chunks []string) {
	for i := 0; i+1 < len(chunks); i++ {
		c := chunks[i]
		if chunks[i+1] != " " || len(c) < 2 {
			continue
		}
		r := []rune(c)
		end := len(r) - 1
		if r[end] == '"' || r[end] == '\'' {
			end--
		}
		if end >= 1 && strings.ContainsRune(".!?", r[end]) && unicode.IsLower(r[end-1]) {
			chunks[i+1] = "  "
		}
	}
}
