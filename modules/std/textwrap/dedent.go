package textwrap

import (
	"strings"

	"go.starlark.net/starlark"
)

// dedent removes the common leading spaces and tabs of the non-blank
// lines; lines of only spaces and tabs become empty.
func dedent(text string) string {
	lines := strings.SplitAfter(text, "\n")
	margin, first := "", true
	for i, l := range lines {
		body := strings.TrimSuffix(l, "\n")
		if strings.Trim(body, " \t") == "" {
			lines[i] = l[len(body):]
			continue
		}
		lead := body[:len(body)-len(strings.TrimLeft(body, " \t"))]
		switch {
		case first:
			margin, first = lead, false
		case strings.HasPrefix(lead, margin):
		case strings.HasPrefix(margin, lead):
			margin = lead
		default:
			n := 0
			for n < len(margin) && n < len(lead) && margin[n] == lead[n] {
				n++
			}
			margin = margin[:n]
		}
	}
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, margin)
	}
	return strings.Join(lines, "")
}

func dedentBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var text string
	if err := sigs["dedent"].UnpackArgs(args, kwargs, &text); err != nil {
		return nil, err
	}
	return starlark.String(dedent(text)), nil
}

func indentBuiltin(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var text, prefix string
	var pred starlark.Value = starlark.None
	if err := sigs["indent"].UnpackArgs(args, kwargs, &text, &prefix, &pred); err != nil {
		return nil, err
	}
	var out strings.Builder
	for _, l := range splitLinesKeep(text) {
		add := strings.TrimSpace(l) != ""
		if pred != starlark.None {
			v, err := starlark.Call(t, pred, starlark.Tuple{starlark.String(l)}, nil)
			if err != nil {
				return nil, err
			}
			add = bool(v.Truth())
		}
		if add {
			out.WriteString(prefix)
		}
		out.WriteString(l)
	}
	return starlark.String(out.String()), nil
}

// splitLinesKeep is str.splitlines(True) for \n, \r\n and \r endings.
func splitLinesKeep(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			out = append(out, s[start:i+1])
			start = i + 1
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			out = append(out, s[start:i+1])
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
