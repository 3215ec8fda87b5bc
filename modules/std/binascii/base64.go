package binascii

import (
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func newBase64(_ *runtime.Env) (starlark.StringDict, error) {
	return pyargs.Builtins(map[string]builtinFn{
		"b64encode":          b64encode("b64encode", ""),
		"b64decode":          b64decode("b64decode", ""),
		"standard_b64encode": b64encode("standard_b64encode", ""),
		"standard_b64decode": b64decode("standard_b64decode", ""),
		"urlsafe_b64encode":  b64encode("urlsafe_b64encode", "-_"),
		"urlsafe_b64decode":  b64decode("urlsafe_b64decode", "-_"),
		"encodebytes":        encodebytes,
		"decodebytes":        b64decode("decodebytes", ""),
		"b32encode":          b32encode,
		"b32decode":          b32decode,
		"b16encode":          b16encode,
		"b16decode":          b16decode,
	}), nil
}

// altchars reads the optional two replacement characters for '+' and '/'.
func altchars(fn string, v starlark.Value, fixed string) (string, error) {
	if fixed != "" || v == nil || v == starlark.None {
		return fixed, nil
	}
	s, err := pyargs.Text(fn, "altchars", v)
	if err != nil {
		return "", err
	}
	if len(s) != 2 {
		return "", exc.ValueError("%s(): altchars must be a bytes-like object of length 2, not length %d", fn, len(s))
	}
	return s, nil
}

func b64encode(name, fixedAlt string) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var data, alt starlark.Value = nil, starlark.None
		if err := starlark.UnpackArgs(name, args, kwargs, "s", &data, "altchars?", &alt); err != nil {
			return nil, err
		}
		buf, err := pyargs.Buffer(name, "s", data)
		if err != nil {
			return nil, err
		}
		a, err := altchars(name, alt, fixedAlt)
		if err != nil {
			return nil, err
		}
		s := base64.StdEncoding.EncodeToString(buf)
		if a != "" {
			s = strings.NewReplacer("+", a[:1], "/", a[1:]).Replace(s)
		}
		return starlark.Bytes(s), nil
	}
}

func b64decode(name, fixedAlt string) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var data, alt starlark.Value = nil, starlark.None
		validate := false
		if err := starlark.UnpackArgs(name, args, kwargs, "s", &data, "altchars?", &alt, "validate?", &validate); err != nil {
			return nil, err
		}
		s, err := pyargs.Text(name, "s", data)
		if err != nil {
			return nil, err
		}
		a, err := altchars(name, alt, fixedAlt)
		if err != nil {
			return nil, err
		}
		if a != "" {
			s = strings.NewReplacer(a[:1], "+", a[1:], "/").Replace(s)
		}
		out, err := DecodeBase64(s, validate)
		if err != nil {
			return nil, err
		}
		return starlark.Bytes(out), nil
	}
}

// encodebytes splits the encoding into lines of 76 characters, each
// ending in a newline.
func encodebytes(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	buf, err := oneBuffer(b, args, kwargs)
	if err != nil {
		return nil, err
	}
	s := base64.StdEncoding.EncodeToString(buf)
	var sb strings.Builder
	for len(s) > 0 {
		n := min(76, len(s))
		sb.WriteString(s[:n] + "\n")
		s = s[n:]
	}
	return starlark.Bytes(sb.String()), nil
}

func b32encode(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	buf, err := oneBuffer(b, args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.Bytes(base32.StdEncoding.EncodeToString(buf)), nil
}

func b32decode(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	casefold := false
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "s", &data, "casefold?", &casefold); err != nil {
		return nil, err
	}
	s, err := pyargs.Text(b.Name(), "s", data)
	if err != nil {
		return nil, err
	}
	if casefold {
		s = strings.ToUpper(s)
	}
	if len(s)%8 != 0 {
		return nil, exc.ValueError("Incorrect padding")
	}
	out, err := base32.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, exc.ValueError("Non-base32 digit found")
	}
	return starlark.Bytes(out), nil
}

func b16encode(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	buf, err := oneBuffer(b, args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.Bytes(strings.ToUpper(hex.EncodeToString(buf))), nil
}

func b16decode(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	casefold := false
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "s", &data, "casefold?", &casefold); err != nil {
		return nil, err
	}
	s, err := pyargs.Text(b.Name(), "s", data)
	if err != nil {
		return nil, err
	}
	if casefold {
		s = strings.ToUpper(s)
	}
	// base16 is upper case only unless casefold is set, as in CPython.
	if strings.ContainsAny(s, "abcdef") {
		return nil, exc.ValueError("Non-base16 digit found")
	}
	if len(s)%2 != 0 {
		return nil, exc.ValueError("Odd-length string")
	}
	out, err := hex.DecodeString(s)
	if err != nil {
		return nil, exc.ValueError("Non-base16 digit found")
	}
	return starlark.Bytes(out), nil
}

// oneBuffer unpacks the single bytes-or-str argument s of an encoder.
func oneBuffer(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) ([]byte, error) {
	var data starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &data); err != nil {
		return nil, err
	}
	return pyargs.Buffer(b.Name(), "s", data)
}
