"""escape and unescape HTML text."""

import re as _re

_named = {
    "amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": "\xa0", "copy": "\xa9",
    "reg": "\xae", "deg": "\xb0", "plusmn": "\xb1", "micro": "\xb5", "middot": "\xb7", "frac12": "\xbd",
    "times": "\xd7", "divide": "\xf7", "euro": "\u20ac", "hellip": "\u2026", "mdash": "\u2014",
    "ndash": "\u2013", "lsquo": "\u2018", "rsquo": "\u2019", "ldquo": "\u201c", "rdquo": "\u201d",
    "bull": "\u2022", "trade": "\u2122", "larr": "\u2190", "rarr": "\u2192", "uarr": "\u2191",
    "darr": "\u2193", "laquo": "\xab", "raquo": "\xbb", "sect": "\xa7", "para": "\xb6", "cent": "\xa2",
    "pound": "\xa3", "yen": "\xa5", "iexcl": "\xa1", "iquest": "\xbf",
}


def escape(s, quote=True):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;").replace("'", "&#x27;")
    return s


_ref = _re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


def _sub_ref(m):
    ref = m.group(1)
    if ref.startswith("#"):
        digits = ref[1:].rstrip(";")
        try:
            code = int(digits[1:], 16) if digits[:1] in ("x", "X") else int(digits)
        except ValueError:
            return m.group(0)
        if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            return "\ufffd"
        return chr(code)
    name = ref.rstrip(";")
    if name in _named:
        return _named[name]
    return m.group(0)


def unescape(s):
    if "&" not in s:
        return s
    return _ref.sub(_sub_ref, s)
