package pylib

import (
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// callMethod calls recv.name(args...), with Python's AttributeError when
// recv has no such method.
func callMethod(thread *starlark.Thread, recv starlark.Value, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if ha, ok := recv.(starlark.HasAttrs); ok {
		m, err := ha.Attr(name)
		if err != nil {
			return nil, err
		}
		if m != nil {
			return starlark.Call(thread, m, args, kwargs)
		}
	}
	return nil, exc.New("AttributeError", "'%s' object has no attribute '%s'", typeName(recv), name)
}

// shimBuiltin is _name(recv, ...): Python's method for the receivers
// Starlark lacks it on, else recv's own method.
func shimBuiltin(name string) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 {
			return nil, exc.TypeError("%s: missing receiver", name)
		}
		recv, rest := args[0], args[1:]
		if name == "format" {
			return formatBuiltin(thread, b, args, kwargs)
		}
		v, handled, err := shim(thread, name, recv, rest, kwargs)
		if handled || err != nil {
			return v, err
		}
		return callMethod(thread, recv, name, rest, kwargs)
	})
}

func shim(thread *starlark.Thread, name string, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, bool, error) {
	if v, handled, err := shimMore(thread, name, recv, args, kwargs); handled {
		return v, true, err
	}
	if v, handled, err := shimCorpus(thread, name, recv, args, kwargs); handled { // corpus_shims.go
		return v, true, err
	}
	if ba, ok := recv.(*ByteArray); ok {
		switch name {
		case "copy":
			return &ByteArray{b: append([]byte(nil), ba.b...)}, true, nil
		case "decode", "hex", "startswith", "endswith", "find", "index", "count", "isdigit":
			recv = starlark.Bytes(ba.b)
		case "split", "join", "strip", "lstrip", "rstrip", "replace", "upper", "lower":
			// bytes' method, with bytearrays back where it made bytes
			v, err := bytesMethod(name, string(ba.b), args, kwargs)
			if err == errNotShimmed {
				return nil, false, nil
			}
			return asByteArrays(v), true, err
		}
	}
	switch r := recv.(type) {
	case starlark.Bytes:
		v, err := bytesMethod(name, string(r), args, kwargs)
		if err == errNotShimmed {
			return nil, false, nil
		}
		return v, true, err
	case starlark.String:
		v, err := strMethod(name, string(r), args, kwargs)
		if err == errNotShimmed {
			return nil, false, nil
		}
		return v, true, err
	case *starlark.List:
		switch name {
		case "sort":
			return starlark.None, true, sortList(thread, r, args, dropNoneKey(kwargs))
		case "reverse":
			if err := noArgs(name, args, kwargs); err != nil {
				return nil, true, err
			}
			vals, _ := collect(r)
			for i, v := range vals {
				if err := r.SetIndex(len(vals)-1-i, v); err != nil {
					return nil, true, err
				}
			}
			return starlark.None, true, nil
		case "copy":
			vals, _ := collect(r)
			return starlark.NewList(vals), true, noArgs(name, args, kwargs)
		case "index":
			if len(args) != 1 || len(kwargs) > 0 {
				break // start/end: Starlark's own list.index
			}
			var x starlark.Value
			if err := starlark.UnpackPositionalArgs("index", args, kwargs, 1, &x); err != nil {
				return nil, true, err
			}
			vals, _ := collect(r)
			for i, v := range vals {
				if eq, err := starlark.Equal(v, x); err == nil && eq {
					return starlark.MakeInt(i), true, nil
				}
			}
			return nil, true, exc.ValueError("%s is not in list", pyrepr.Repr(x))
		case "count":
			var x starlark.Value
			if err := starlark.UnpackPositionalArgs("count", args, kwargs, 1, &x); err != nil {
				return nil, true, err
			}
			vals, _ := collect(r)
			n := 0
			for _, v := range vals {
				if eq, err := starlark.Equal(v, x); err == nil && eq {
					n++
				}
			}
			return starlark.MakeInt(n), true, nil
		}
	case starlark.Tuple:
		switch name {
		case "index", "count":
			// tuples have no methods in Starlark
			return shim(thread, name, starlark.NewList(append([]starlark.Value(nil), r...)), args, kwargs)
		}
	case *starlark.Dict:
		if name == "copy" {
			d := starlark.NewDict(r.Len())
			for _, kv := range r.Items() {
				if err := d.SetKey(kv[0], kv[1]); err != nil {
					return nil, true, err
				}
			}
			return d, true, noArgs(name, args, kwargs)
		}
	case *starlark.Set:
		if name == "copy" {
			s := starlark.NewSet(r.Len())
			vals, _ := collect(r)
			for _, v := range vals {
				_ = s.Insert(v)
			}
			return s, true, noArgs(name, args, kwargs)
		}
	}
	return nil, false, nil
}

var errNotShimmed = fmt.Errorf("not shimmed")

func noArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple) error {
	if len(args)+len(kwargs) > 0 {
		return exc.TypeError("%s() takes no arguments (%d given)", name, len(args)+len(kwargs))
	}
	return nil
}

// strMethod implements the str methods Starlark lacks.
func strMethod(name, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	switch name {
	case "encode":
		var encoding, errors string = "utf-8", "strict"
		if err := starlark.UnpackArgs("encode", args, kwargs, "encoding?", &encoding, "errors?", &errors); err != nil {
			return nil, err
		}
		return encodeText(s, encoding, errors)
	case "zfill":
		var w int
		if err := starlark.UnpackPositionalArgs("zfill", args, kwargs, 1, &w); err != nil {
			return nil, err
		}
		return starlark.String(zfill(s, w)), nil
	case "ljust", "rjust", "center":
		var w int
		fill := " "
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &w, &fill); err != nil {
			return nil, err
		}
		if utf8.RuneCountInString(fill) != 1 {
			return nil, exc.TypeError("The fill character must be exactly one character long")
		}
		return starlark.String(justify(name, s, w, fill)), nil
	}
	return nil, errNotShimmed
}

func checkEncoding(enc string) error {
	switch strings.ToLower(strings.ReplaceAll(enc, "_", "-")) {
	case "utf-8", "utf8", "ascii", "latin-1", "latin1", "iso-8859-1":
		return nil
	}
	return exc.New("LookupError", "unknown encoding: %s", enc)
}

func zfill(s string, w int) string {
	n := utf8.RuneCountInString(s)
	if n >= w {
		return s
	}
	sign := ""
	if s != "" && (s[0] == '-' || s[0] == '+') {
		sign, s = s[:1], s[1:]
	}
	return sign + strings.Repeat("0", w-n) + s
}

func justify(how, s string, w int, fill string) string {
	n := utf8.RuneCountInString(s)
	if n >= w {
		return s
	}
	gap := w - n
	switch how {
	case "ljust":
		return s + strings.Repeat(fill, gap)
	case "rjust":
		return strings.Repeat(fill, gap) + s
	}
	left := gap / 2
	if gap%2 == 1 && w%2 == 1 {
		left++ // CPython puts the odd fill character on the left when the width is odd
	}
	return strings.Repeat(fill, left) + s + strings.Repeat(fill, gap-left)
}

// bytesArg accepts bytes (or bytearray) where a bytes method wants bytes.
func bytesArg(method string, v starlark.Value) (string, error) {
	switch x := v.(type) {
	case starlark.Bytes:
		return string(x), nil
	case *ByteArray:
		return string(x.b), nil
	}
	return "", exc.TypeError("a bytes-like object is required, not '%s'", typeName(v))
}

// bytesMethod implements the bytes methods Starlark lacks.
func bytesMethod(name, b string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	switch name {
	case "decode":
		var encoding, errors string = "utf-8", "strict"
		if err := starlark.UnpackArgs("decode", args, kwargs, "encoding?", &encoding, "errors?", &errors); err != nil {
			return nil, err
		}
		return decodeBytes(b, encoding, errors)
	case "hex":
		sep := ""
		if err := starlark.UnpackPositionalArgs("hex", args, kwargs, 0, &sep); err != nil {
			return nil, err
		}
		h := hex.EncodeToString([]byte(b))
		if sep != "" && len(b) > 1 {
			parts := make([]string, len(b))
			for i := range parts {
				parts[i] = h[2*i : 2*i+2]
			}
			h = strings.Join(parts, sep)
		}
		return starlark.String(h), nil
	case "startswith", "endswith":
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		cands := starlark.Tuple{x}
		if t, ok := x.(starlark.Tuple); ok {
			cands = t
		}
		for _, c := range cands {
			p, err := bytesArg(name, c)
			if err != nil {
				return nil, err
			}
			if name == "startswith" && strings.HasPrefix(b, p) || name == "endswith" && strings.HasSuffix(b, p) {
				return starlark.True, nil
			}
		}
		return starlark.False, nil
	case "find", "index", "count":
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		var sub string
		if n, ok := x.(starlark.Int); ok {
			i, _ := n.Int64()
			sub = string([]byte{byte(i)})
		} else {
			var err error
			if sub, err = bytesArg(name, x); err != nil {
				return nil, err
			}
		}
		if name == "count" {
			return starlark.MakeInt(strings.Count(b, sub)), nil
		}
		i := strings.Index(b, sub)
		if i < 0 && name == "index" {
			return nil, exc.ValueError("subsection not found")
		}
		return starlark.MakeInt(i), nil
	case "split":
		var sep starlark.Value = starlark.None
		maxsplit := -1
		if err := starlark.UnpackArgs("split", args, kwargs, "sep?", &sep, "maxsplit?", &maxsplit); err != nil {
			return nil, err
		}
		var parts []string
		if sep == starlark.None {
			parts = strings.Fields(b)
			if maxsplit >= 0 && len(parts) > maxsplit+1 {
				parts = strings.SplitN(strings.TrimLeft(b, " \t\n\r\v\f"), " ", maxsplit+1)
			}
		} else {
			s, err := bytesArg(name, sep)
			if err != nil {
				return nil, err
			}
			if s == "" {
				return nil, exc.ValueError("empty separator")
			}
			parts = strings.SplitN(b, s, maxsplit+1)
			if maxsplit < 0 {
				parts = strings.Split(b, s)
			}
		}
		out := make([]starlark.Value, len(parts))
		for i, p := range parts {
			out[i] = starlark.Bytes(p)
		}
		return starlark.NewList(out), nil
	case "strip", "lstrip", "rstrip":
		var chars starlark.Value = starlark.None
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 0, &chars); err != nil {
			return nil, err
		}
		cut := " \t\n\r\v\f"
		if chars != starlark.None {
			var err error
			if cut, err = bytesArg(name, chars); err != nil {
				return nil, err
			}
		}
		switch name {
		case "strip":
			return starlark.Bytes(strings.Trim(b, cut)), nil
		case "lstrip":
			return starlark.Bytes(strings.TrimLeft(b, cut)), nil
		}
		return starlark.Bytes(strings.TrimRight(b, cut)), nil
	case "replace":
		var o, n starlark.Value
		count := -1
		if err := starlark.UnpackPositionalArgs("replace", args, kwargs, 2, &o, &n, &count); err != nil {
			return nil, err
		}
		os, err := bytesArg(name, o)
		if err != nil {
			return nil, err
		}
		ns, err := bytesArg(name, n)
		if err != nil {
			return nil, err
		}
		return starlark.Bytes(strings.Replace(b, os, ns, count)), nil
	case "join":
		var seq starlark.Value
		if err := starlark.UnpackPositionalArgs("join", args, kwargs, 1, &seq); err != nil {
			return nil, err
		}
		vals, err := collect(seq)
		if err != nil {
			return nil, err
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			if parts[i], err = bytesArg("join", v); err != nil {
				return nil, exc.TypeError("sequence item %d: expected a bytes-like object, %s found", i, typeName(v))
			}
		}
		return starlark.Bytes(strings.Join(parts, b)), nil
	case "upper", "lower":
		if err := noArgs(name, args, kwargs); err != nil {
			return nil, err
		}
		out := []byte(b)
		for i, c := range out {
			if name == "upper" && c >= 'a' && c <= 'z' {
				out[i] = c - 32
			} else if name == "lower" && c >= 'A' && c <= 'Z' {
				out[i] = c + 32
			}
		}
		return starlark.Bytes(out), nil
	case "isdigit":
		if err := noArgs(name, args, kwargs); err != nil {
			return nil, err
		}
		for i := 0; i < len(b); i++ {
			if b[i] < '0' || b[i] > '9' {
				return starlark.False, nil
			}
		}
		return starlark.Bool(len(b) > 0), nil
	case "zfill", "ljust", "rjust", "center":
		v, err := strMethod(name, b, args, kwargs)
		if err != nil {
			return nil, err
		}
		return starlark.Bytes(v.(starlark.String)), nil
	}
	return nil, errNotShimmed
}

func decodeUTF8(b, errors string) (starlark.Value, error) {
	if utf8.ValidString(b) {
		return starlark.String(b), nil
	}
	switch errors {
	case "ignore", "replace":
		var sb strings.Builder
		for i := 0; i < len(b); {
			r, n := utf8.DecodeRuneInString(b[i:])
			if r == utf8.RuneError && n == 1 {
				if errors == "replace" {
					sb.WriteRune('\uFFFD')
				}
			} else {
				sb.WriteString(b[i : i+n])
			}
			i += n
		}
		return starlark.String(sb.String()), nil
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRuneInString(b[i:])
		if r == utf8.RuneError && n == 1 {
			reason := "invalid start byte"
			if b[i] >= 0x80 && b[i] < 0xc0 {
				reason = "invalid start byte"
			} else if b[i] >= 0xc0 {
				reason = "invalid continuation byte"
				if i+1 >= len(b) {
					reason = "unexpected end of data"
				}
			}
			return nil, exc.New("UnicodeDecodeError", "'utf-8' codec can't decode byte 0x%02x in position %d: %s", b[i], i, reason)
		}
		i += n
	}
	return starlark.String(b), nil
}

// bytes(x=b”, encoding=None, errors=None) extends Starlark's bytes with
// Python's forms: bytes(n), bytes(s, 'utf-8'), bytes(bytearray).
func bytesBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 && len(kwargs) == 0 {
		return starlark.Bytes(""), nil
	}
	var x starlark.Value
	var encoding, errors string
	if err := starlark.UnpackArgs("bytes", args, kwargs, "x", &x, "encoding?", &encoding, "errors?", &errors); err != nil {
		return nil, err
	}
	switch v := x.(type) {
	case starlark.Int:
		n, err := starlark.AsInt32(v)
		if err != nil || n < 0 {
			return nil, exc.ValueError("negative count")
		}
		return starlark.Bytes(make([]byte, n)), nil
	case *ByteArray:
		return starlark.Bytes(v.b), nil
	case starlark.String:
		if encoding == "" {
			encoding = "utf-8"
		}
		if errors == "" {
			errors = "strict"
		}
		return encodeText(string(v), encoding, errors)
	}
	return starlark.Call(thread, starlark.Universe["bytes"], starlark.Tuple{x}, nil)
}

// asByteArrays turns the bytes in a bytes method's result (a bytes, or a
// list or tuple of them) into bytearrays, as bytearray's methods return.
func asByteArrays(v starlark.Value) starlark.Value {
	switch r := v.(type) {
	case starlark.Bytes:
		return &ByteArray{b: []byte(r)}
	case *starlark.List:
		out := make([]starlark.Value, r.Len())
		for i := range out {
			out[i] = asByteArrays(r.Index(i))
		}
		return starlark.NewList(out)
	case starlark.Tuple:
		out := make(starlark.Tuple, len(r))
		for i, x := range r {
			out[i] = asByteArrays(x)
		}
		return out
	}
	return v
}
