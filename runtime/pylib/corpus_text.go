package pylib

import (
	"encoding/hex"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// str.splitlines, str.translate, str.maketrans and bytes.fromhex as CPython's.

// lineBreak reports whether r ends a line for str.splitlines.
func lineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

func splitLines(s string, keepends bool) *starlark.List {
	var out []starlark.Value
	start := 0
	for i, r := range s {
		if i < start || !lineBreak(r) {
			continue
		}
		end := i + len(string(r))
		if r == '\r' && strings.HasPrefix(s[end:], "\n") {
			end++
		}
		line := s[start:i]
		if keepends {
			line = s[start:end]
		}
		out = append(out, starlark.String(line))
		start = end
	}
	if start < len(s) {
		out = append(out, starlark.String(s[start:]))
	}
	return starlark.NewList(out)
}

// translate maps each character through table (a dict of code points to
// str, code point or None).
func translate(s string, table starlark.Value) (starlark.Value, error) {
	m, ok := table.(starlark.Mapping)
	if !ok {
		return nil, exc.TypeError("translate() argument must be a mapping")
	}
	var b strings.Builder
	for _, r := range s {
		v, found, err := m.Get(starlark.MakeInt(int(r)))
		if err != nil {
			return nil, err
		}
		if !found {
			b.WriteRune(r)
			continue
		}
		switch x := v.(type) {
		case starlark.NoneType:
		case starlark.String:
			b.WriteString(string(x))
		case starlark.Int:
			n, _ := x.Int64()
			b.WriteRune(rune(n))
		default:
			return nil, exc.TypeError("character mapping must return integer, None or str")
		}
	}
	return starlark.String(b.String()), nil
}

func maketrans(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y, z starlark.Value
	if err := starlark.UnpackPositionalArgs("maketrans", args, kwargs, 1, &x, &y, &z); err != nil {
		return nil, err
	}
	d := starlark.NewDict(8)
	if y == nil {
		src, ok := x.(*starlark.Dict)
		if !ok {
			return nil, exc.TypeError("if you give only one argument to maketrans it must be a dict")
		}
		for _, kv := range src.Items() {
			k := kv[0]
			if s, ok := k.(starlark.String); ok {
				k = starlark.MakeInt(int([]rune(string(s))[0]))
			}
			d.SetKey(k, kv[1])
		}
		return d, nil
	}
	from, _ := starlark.AsString(x)
	to, _ := starlark.AsString(y)
	fr, tr := []rune(from), []rune(to)
	if len(fr) != len(tr) {
		return nil, exc.ValueError("the first two maketrans arguments must have equal length")
	}
	for i, r := range fr {
		d.SetKey(starlark.MakeInt(int(r)), starlark.MakeInt(int(tr[i])))
	}
	if z != nil {
		del, _ := starlark.AsString(z)
		for _, r := range del {
			d.SetKey(starlark.MakeInt(int(r)), starlark.None)
		}
	}
	return d, nil
}

func bytesFromHex(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var s string
	if err := starlark.UnpackPositionalArgs("fromhex", args, kwargs, 1, &s); err != nil {
		return nil, err
	}
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		return nil, exc.ValueError("non-hexadecimal number found in fromhex() arg")
	}
	return starlark.Bytes(b), nil
}

// strTextMethod is the str side of shimCorpus for these methods.
func strTextMethod(name, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, bool, error) {
	switch name {
	case "splitlines":
		keep := false
		if err := starlark.UnpackArgs(name, args, kwargs, "keepends?", &keep); err != nil {
			return nil, true, err
		}
		return splitLines(s, keep), true, nil
	case "translate":
		var table starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &table); err != nil {
			return nil, true, err
		}
		v, err := translate(s, table)
		return v, true, err
	case "maketrans":
		v, err := maketrans(nil, nil, args, kwargs)
		return v, true, err
	}
	return nil, false, nil
}
