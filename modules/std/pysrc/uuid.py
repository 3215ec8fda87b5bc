"""UUID objects and uuid1/uuid3/uuid4/uuid5 (RFC 4122)."""

import hashlib as _hashlib
import os as _os
import utime as _utime

RESERVED_NCS = "reserved for NCS compatibility"
RFC_4122 = "specified in RFC 4122"
RESERVED_MICROSOFT = "reserved for Microsoft compatibility"
RESERVED_FUTURE = "reserved for future definition"


class UUID:
    """A 128-bit universally unique identifier."""

    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None, int=None, version=None, *, is_safe=None):
        given = [hex, bytes, bytes_le, fields, int].count(None)
        if given != 4:
            raise TypeError("one of the hex, bytes, bytes_le, fields, or int arguments must be given")
        if hex is not None:
            text = hex.replace("urn:", "").replace("uuid:", "").strip("{}").replace("-", "")
            if len(text) != 32:
                raise ValueError("badly formed hexadecimal UUID string")
            value = _int(text, 16)
        elif bytes is not None:
            if len(bytes) != 16:
                raise ValueError("bytes is not a 16-char string")
            value = _int.from_bytes(bytes, "big")
        elif bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError("bytes_le is not a 16-char string")
            b = bytes_le
            value = _int.from_bytes(b[3::-1] + b[5:3:-1] + b[7:5:-1] + b[8:], "big")
        elif fields is not None:
            if len(fields) != 6:
                raise ValueError("fields is not a 6-tuple")
            time_low, time_mid, time_hi, clock_hi, clock_low, node = fields
            clock_seq = (clock_hi << 8) | clock_low
            value = (time_low << 96) | (time_mid << 80) | (time_hi << 64) | (clock_seq << 48) | node
        else:
            value = int
        if not 0 <= value < (1 << 128):
            raise ValueError("int is out of range (need a 128-bit value)")
        if version is not None:
            if not 1 <= version <= 5:
                raise ValueError("illegal version number")
            value &= ~(0xC000 << 48)
            value |= 0x8000 << 48
            value &= ~(0xF000 << 64)
            value |= version << 76
        self.__dict__["int"] = value
        self.__dict__["is_safe"] = is_safe

    def __setattr__(self, name, value):
        raise TypeError("UUID objects are immutable")

    def __eq__(self, other):
        return isinstance(other, UUID) and self.int == other.int

    def __lt__(self, other):
        if not isinstance(other, UUID):
            return NotImplemented
        return self.int < other.int

    def __le__(self, other):
        return self == other or self < other

    def __gt__(self, other):
        if not isinstance(other, UUID):
            return NotImplemented
        return self.int > other.int

    def __ge__(self, other):
        return self == other or self > other

    def __hash__(self):
        return hash(self.int)

    def __int__(self):
        return self.int

    def __str__(self):
        h = "%032x" % self.int
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def __repr__(self):
        return "UUID('%s')" % str(self)

    @property
    def hex(self):
        return "%032x" % self.int

    @property
    def bytes(self):
        return self.int.to_bytes(16, "big")

    @property
    def bytes_le(self):
        b = self.bytes
        return b[3::-1] + b[5:3:-1] + b[7:5:-1] + b[8:]

    @property
    def urn(self):
        return "urn:uuid:" + str(self)

    @property
    def time_low(self):
        return self.int >> 96

    @property
    def time_mid(self):
        return (self.int >> 80) & 0xFFFF

    @property
    def time_hi_version(self):
        return (self.int >> 64) & 0xFFFF

    @property
    def clock_seq_hi_variant(self):
        return (self.int >> 56) & 0xFF

    @property
    def clock_seq_low(self):
        return (self.int >> 48) & 0xFF

    @property
    def node(self):
        return self.int & 0xFFFFFFFFFFFF

    @property
    def fields(self):
        return (self.time_low, self.time_mid, self.time_hi_version, self.clock_seq_hi_variant, self.clock_seq_low, self.node)

    @property
    def time(self):
        return ((self.time_hi_version & 0x0FFF) << 48) | (self.time_mid << 32) | self.time_low

    @property
    def clock_seq(self):
        return ((self.clock_seq_hi_variant & 0x3F) << 8) | self.clock_seq_low

    @property
    def variant(self):
        if not self.int & (0x8000 << 48):
            return RESERVED_NCS
        if not self.int & (0x4000 << 48):
            return RFC_4122
        if not self.int & (0x2000 << 48):
            return RESERVED_MICROSOFT
        return RESERVED_FUTURE

    @property
    def version(self):
        if self.variant == RFC_4122:
            return (self.int >> 76) & 0xF
        return None


_int = int
_node = []


def getnode():
    """A random 48-bit node id with the multicast bit set (RFC 4122 4.5), fixed for the run."""
    if not _node:
        _node.append(_int.from_bytes(_os.urandom(6), "big") | (1 << 40))
    return _node[0]


_last = [0]


def uuid1(node=None, clock_seq=None):
    ns = _utime.time_ns() if hasattr(_utime, "time_ns") else int(_utime.time() * 1e9)
    timestamp = ns // 100 + 0x01B21DD213814000
    if timestamp <= _last[0]:
        timestamp = _last[0] + 1
    _last[0] = timestamp
    if clock_seq is None:
        clock_seq = _int.from_bytes(_os.urandom(2), "big") & 0x3FFF
    if node is None:
        node = getnode()
    time_low = timestamp & 0xFFFFFFFF
    time_mid = (timestamp >> 32) & 0xFFFF
    time_hi = (timestamp >> 48) & 0x0FFF
    return UUID(fields=(time_low, time_mid, time_hi, (clock_seq >> 8) & 0x3F, clock_seq & 0xFF, node), version=1)


def uuid3(namespace, name):
    if isinstance(name, str):
        name = name.encode("utf-8")
    return UUID(bytes=_hashlib.md5(namespace.bytes + name).digest()[:16], version=3)


def uuid4():
    return UUID(bytes=_os.urandom(16), version=4)


def uuid5(namespace, name):
    if isinstance(name, str):
        name = name.encode("utf-8")
    return UUID(bytes=_hashlib.sha1(namespace.bytes + name).digest()[:16], version=5)


NAMESPACE_DNS = UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_URL = UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_OID = UUID("6ba7b812-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_X500 = UUID("6ba7b814-9dad-11d1-80b4-00c04fd430c8")
