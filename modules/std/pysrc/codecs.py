"""encode/decode by codec name, including the bytes-to-bytes ones
(hex, base64) and rot13; lookup and open."""

import base64 as _base64
import binascii as _binascii

BOM_UTF8 = b"\xef\xbb\xbf"
BOM_UTF16_LE = b"\xff\xfe"
BOM_UTF16_BE = b"\xfe\xff"
BOM = BOM_UTF16_LE

_open = open


def _norm(name):
    return name.lower().replace("-", "_").replace(" ", "_")


def _rot13(text):
    out = []
    for c in text:
        o = ord(c)
        if 65 <= o <= 90:
            out.append(chr((o - 65 + 13) % 26 + 65))
        elif 97 <= o <= 122:
            out.append(chr((o - 97 + 13) % 26 + 97))
        else:
            out.append(c)
    return "".join(out)


def encode(obj, encoding="utf-8", errors="strict"):
    name = _norm(encoding)
    if name in ("rot13", "rot_13"):
        return _rot13(obj)
    if name in ("hex", "hex_codec"):
        return _binascii.hexlify(obj)
    if name in ("base64", "base64_codec", "base_64"):
        return _base64.encodebytes(obj)
    return obj.encode(encoding, errors)


def decode(obj, encoding="utf-8", errors="strict"):
    name = _norm(encoding)
    if name in ("rot13", "rot_13"):
        return _rot13(obj)
    if name in ("hex", "hex_codec"):
        return _binascii.unhexlify(obj)
    if name in ("base64", "base64_codec", "base_64"):
        return _base64.decodebytes(obj)
    return bytes(obj).decode(encoding, errors)


class CodecInfo(tuple):
    pass


_known = {"utf_8": "utf-8", "utf8": "utf-8", "u8": "utf-8", "ascii": "ascii", "us_ascii": "ascii",
          "latin_1": "iso8859-1", "latin1": "iso8859-1", "iso8859_1": "iso8859-1", "iso_8859_1": "iso8859-1",
          "utf_16": "utf-16", "gbk": "gbk", "gb2312": "gb2312", "gb18030": "gb18030", "hex": "hex", "base64": "base64",
          "rot13": "rot-13", "rot_13": "rot-13", "cp1252": "cp1252"}


class _Info:
    def __init__(self, name):
        self.name = name

    def encode(self, obj, errors="strict"):
        return encode(obj, self.name, errors), len(obj)

    def decode(self, obj, errors="strict"):
        return decode(obj, self.name, errors), len(obj)

    def __repr__(self):
        return "<codecs.CodecInfo object for encoding %s>" % self.name


def lookup(encoding):
    name = _known.get(_norm(encoding))
    if name is None:
        raise LookupError("unknown encoding: %s" % encoding)
    return _Info(name)


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def open(filename, mode="r", encoding=None, errors="strict", buffering=-1):
    if encoding is None:
        return _open(filename, mode)
    return _open(filename, mode.replace("b", ""))
