package binascii

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of binascii (ubinascii) and base64, for help(),
// __doc__ and `qstar stubs`; TestDocsMatchBinders keeps them honest.
func init() {
	binascii := map[string]string{
		"hexlify":    "hexlify(data, sep=None)\nThe bytes of data as lowercase hex digits (bytes), sep between each byte when given.",
		"b2a_hex":    "b2a_hex(data, sep=None)\nAs hexlify.",
		"unhexlify":  "unhexlify(hexstr, /)\nThe bytes the hex digits in hexstr stand for; binascii.Error (ValueError) on an odd length or a non-hex digit.",
		"a2b_hex":    "a2b_hex(hexstr, /)\nAs unhexlify.",
		"b2a_base64": "b2a_base64(data, *, newline=True)\ndata in base64 (bytes), with a trailing newline unless newline is False.",
		"a2b_base64": "a2b_base64(data, /)\nThe bytes of base64 data (str or bytes).",
		"crc32":      "crc32(data, value=0, /)\nThe CRC-32 of data as an unsigned int, continuing from value.",
	}
	runtime.RegisterDocs("binascii", binascii)
	runtime.RegisterDocs("ubinascii", binascii)
	runtime.RegisterDocs("base64", map[string]string{
		"b64encode":          "b64encode(s, altchars=None)\ns in base64 (bytes); altchars replaces '+' and '/'.",
		"b64decode":          "b64decode(s, altchars=None, validate=False)\nThe bytes of base64 s (str or bytes); binascii.Error on bad padding, or on any non-alphabet character when validate is True.",
		"standard_b64encode": "standard_b64encode(s)\ns in the standard base64 alphabet.",
		"standard_b64decode": "standard_b64decode(s)\nThe bytes of standard base64 s.",
		"urlsafe_b64encode":  "urlsafe_b64encode(s)\ns in URL-safe base64 ('-' and '_' for '+' and '/').",
		"urlsafe_b64decode":  "urlsafe_b64decode(s)\nThe bytes of URL-safe base64 s.",
		"encodebytes":        "encodebytes(s, /)\ns in base64 with a newline after every 76 output characters and at the end (MIME).",
		"decodebytes":        "decodebytes(s)\nThe bytes of base64 s, lines and all.",
		"b32encode":          "b32encode(s, /)\ns in base32 (bytes).",
		"b32decode":          "b32decode(s, casefold=False)\nThe bytes of base32 s; lowercase accepted when casefold is True.",
		"b16encode":          "b16encode(s, /)\ns as uppercase hex digits (bytes).",
		"b16decode":          "b16decode(s, casefold=False)\nThe bytes of base16 s; lowercase accepted when casefold is True.",
	})
}
