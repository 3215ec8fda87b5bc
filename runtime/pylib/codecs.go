package pylib

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// The single-byte codecs str.encode, bytes.decode and bytes(s, enc)
// know besides UTF-8: ascii (limit 128) and latin-1 (limit 256).

// codecLimit is the first code point enc cannot encode; 0 for UTF-8.
func codecLimit(enc string) (string, rune) {
	switch strings.ToLower(strings.ReplaceAll(enc, "_", "-")) {
	case "ascii", "us-ascii":
		return "ascii", 128
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1":
		return "latin-1", 256
	}
	return "utf-8", 0
}

// encodeText is s.encode(enc, errors) for UTF-8, ascii and latin-1.
func encodeText(s, enc, errors string) (starlark.Value, error) {
	if err := checkEncoding(enc); err != nil {
		return nil, err
	}
	name, limit := codecLimit(enc)
	if limit == 0 {
		return starlark.Bytes(s), nil
	}
	runes := []rune(s)
	var b strings.Builder
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		if r < limit {
			b.WriteByte(byte(r))
			continue
		}
		switch errors {
		case "ignore":
		case "replace":
			b.WriteByte('?')
		case "xmlcharrefreplace":
			fmt.Fprintf(&b, "&#%d;", r)
		case "backslashreplace":
			b.WriteString(escapeRune(r))
		default:
			j := i + 1
			for j < len(runes) && runes[j] >= limit {
				j++
			}
			if j-i == 1 {
				return nil, exc.New("UnicodeEncodeError", "'%s' codec can't encode character '%s' in position %d: ordinal not in range(%d)", name, escapeRune(r), i, limit)
			}
			return nil, exc.New("UnicodeEncodeError", "'%s' codec can't encode characters in position %d-%d: ordinal not in range(%d)", name, i, j-1, limit)
		}
	}
	return starlark.Bytes(b.String()), nil
}

// escapeRune is a character as \xNN, \uNNNN or \UNNNNNNNN.
func escapeRune(r rune) string {
	switch {
	case r < 0x100:
		return fmt.Sprintf(`\x%02x`, r)
	case r < 0x10000:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return fmt.Sprintf(`\U%08x`, r)
}

// decodeBytes is b.decode(enc, errors) for UTF-8, ascii and latin-1.
func decodeBytes(b, enc, errors string) (starlark.Value, error) {
	if err := checkEncoding(enc); err != nil {
		return nil, err
	}
	name, limit := codecLimit(enc)
	switch limit {
	case 0:
		return decodeUTF8(b, errors)
	case 256:
		runes := make([]rune, len(b))
		for i := 0; i < len(b); i++ {
			runes[i] = rune(b[i])
		}
		return starlark.String(string(runes)), nil
	}
	var sb strings.Builder
	for i := 0; i < len(b); i++ {
		if b[i] < 128 {
			sb.WriteByte(b[i])
			continue
		}
		switch errors {
		case "ignore":
		case "replace":
			sb.WriteRune('\uFFFD')
		default:
			return nil, exc.New("UnicodeDecodeError", "'%s' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", name, b[i], i)
		}
	}
	return starlark.String(sb.String()), nil
}

// DecodeBytes is str(b, encoding, errors): "" means utf-8 and strict.
func DecodeBytes(b []byte, encoding, errors string) (starlark.Value, error) {
	if encoding == "" {
		encoding = "utf-8"
	}
	if errors == "" {
		errors = "strict"
	}
	return decodeBytes(string(b), encoding, errors)
}
