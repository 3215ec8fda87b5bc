package repl

import (
	"sort"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
)

var keywords = []string{
	"and", "break", "continue", "def", "elif", "else", "except", "False", "finally", "for",
	"from", "global", "if", "import", "in", "is", "lambda", "None", "not", "or", "pass",
	"raise", "return", "True", "try", "while",
}

// completer offers globals, keywords and module names, and after a dot
// the attributes of the value named before it (`sim.get<TAB>`).
type completer struct{ s *Session }

func (c *completer) Do(line []rune, pos int) ([][]rune, int) {
	word := currentWord(string(line[:pos]))
	var cands []string
	if i := strings.LastIndexByte(word, '.'); i >= 0 {
		cands = c.attrs(word[:i], word[i+1:])
		word = word[i+1:]
	} else {
		cands = c.names(word, string(line[:pos]))
	}
	out := make([][]rune, 0, len(cands))
	for _, cand := range cands {
		out = append(out, []rune(cand[len(word):]))
	}
	return out, len([]rune(word))
}

// currentWord is the dotted identifier that ends at the cursor.
func currentWord(s string) string {
	i := len(s)
	for i > 0 {
		ch := s[i-1]
		if ch == '.' || ch == '_' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' {
			i--
			continue
		}
		break
	}
	return s[i:]
}

func (c *completer) names(prefix, line string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(n string) {
		if strings.HasPrefix(n, prefix) && !seen[n] && !strings.HasPrefix(n, "_") {
			seen[n] = true
			out = append(out, n)
		}
	}
	trimmed := strings.TrimSpace(line)
	if mod, ok := fromImportModule(trimmed); ok { // from umqtt import MQ<TAB>
		if members, ok := runtime.ModuleNames(mod); ok {
			for _, n := range members {
				add(n)
			}
		}
	} else if strings.HasPrefix(trimmed, "import ") || strings.HasPrefix(trimmed, "from ") {
		for _, m := range runtime.Modules() {
			add(m.Name)
		}
	} else {
		c.s.in.Lock()
		for n := range c.s.globals {
			add(n)
		}
		c.s.in.Unlock()
		for _, k := range keywords {
			add(k)
		}
	}
	sort.Strings(out)
	return out
}

// attrs resolves a dotted base (only names and attributes, never calls)
// and lists its attributes starting with prefix.
func (c *completer) attrs(base, prefix string) []string {
	c.s.in.Lock()
	defer c.s.in.Unlock()
	parts := strings.Split(base, ".")
	v, ok := c.s.globals[parts[0]]
	if !ok {
		return nil
	}
	for _, p := range parts[1:] {
		ha, ok := v.(starlark.HasAttrs)
		if !ok {
			return nil
		}
		next, err := ha.Attr(p)
		if err != nil || next == nil {
			return nil
		}
		v = next
	}
	ha, ok := v.(starlark.HasAttrs)
	if !ok {
		return nil
	}
	var out []string
	for _, n := range ha.AttrNames() {
		if strings.HasPrefix(n, prefix) && !strings.HasPrefix(n, "_") {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// fromImportModule is X in a line `from X import ...` being typed.
func fromImportModule(line string) (string, bool) {
	rest, ok := strings.CutPrefix(line, "from ")
	if !ok {
		return "", false
	}
	mod, after, ok := strings.Cut(strings.TrimSpace(rest), " ")
	if !ok || !strings.HasPrefix(strings.TrimSpace(after), "import") {
		return "", false
	}
	return mod, true
}
