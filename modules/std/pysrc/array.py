"""Typed arrays of numbers (array('B', [1, 2]), as CPython's and
MicroPython's array module): a list whose items are checked against the
typecode's range and packed with struct by tobytes/frombytes."""

import struct as _struct

typecodes = "bBuhHiIlLqQfd"

_limits = {
    "b": (-128, 127, "signed char"),
    "B": (0, 255, "unsigned byte integer"),
    "h": (-32768, 32767, "signed short integer"),
    "H": (0, 65535, "unsigned short"),
    "i": (-2147483648, 2147483647, "signed integer"),
    "I": (0, 4294967295, "unsigned int"),
    "l": (-9223372036854775808, 9223372036854775807, "signed long"),
    "L": (0, 18446744073709551615, "unsigned long"),
    "q": (-9223372036854775808, 9223372036854775807, "signed long long"),
    "Q": (0, 18446744073709551615, "unsigned long long"),
}
_sizes = {"b": 1, "B": 1, "u": 4, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8, "L": 8, "q": 8, "Q": 8, "f": 4, "d": 8}


def _check(typecode, x):
    if typecode in "fd":
        if not isinstance(x, (int, float)) or isinstance(x, bool) and False:
            raise TypeError("must be real number, not %s" % type(x).__name__)
        return float(x)
    if typecode == "u":
        if not isinstance(x, str) or len(x) != 1:
            raise TypeError("array item must be unicode character")
        return x
    if isinstance(x, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if not isinstance(x, int):
        raise TypeError("an integer is required (got type %s)" % type(x).__name__)
    lo, hi, name = _limits[typecode]
    if x < lo:
        if lo == 0:
            raise OverflowError("%s is less than minimum" % name)
        raise OverflowError("%s is less than minimum" % name)
    if x > hi:
        raise OverflowError("%s is greater than maximum" % name)
    return int(x)


class array:
    """array(typecode[, initializer]): items of one C type."""

    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1 or typecode not in typecodes:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self.typecode = typecode
        self.itemsize = _sizes[typecode]
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            if typecode != "u":
                raise TypeError("cannot use a str to initialize an array with typecode '%s'" % typecode)
            self._items = list(initializer)
        elif isinstance(initializer, array) and initializer.typecode != typecode and (typecode == "u" or initializer.typecode == "u"):
            raise TypeError("cannot use a unicode array to initialize an array with typecode '%s'" % typecode)
        else:
            self.extend(initializer)

    def _fmt(self, n):
        return "<%d%s" % (n, "I" if self.typecode == "u" else self.typecode)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            out = array(self.typecode)
            out._items = self._items[i]
            return out
        return self._items[i]

    def __setitem__(self, i, x):
        if isinstance(i, slice):
            if not isinstance(x, array) or x.typecode != self.typecode:
                raise TypeError("can only assign array (not \"%s\") to array slice" % type(x).__name__)
            self._items[i] = list(x._items)
            return
        self._items[i] = _check(self.typecode, x)

    def __delitem__(self, i):
        del self._items[i]

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        return self._items < other._items

    def __le__(self, other):
        return self._items <= other._items

    def __gt__(self, other):
        return self._items > other._items

    def __ge__(self, other):
        return self._items >= other._items

    def __add__(self, other):
        if not isinstance(other, array) or other.typecode != self.typecode:
            raise TypeError("can only append array (not \"%s\") to array" % type(other).__name__)
        out = array(self.typecode)
        out._items = self._items + other._items
        return out

    def __iadd__(self, other):
        if not isinstance(other, array) or other.typecode != self.typecode:
            raise TypeError("can only extend with array (not \"%s\")" % type(other).__name__)
        self._items += other._items
        return self

    def __mul__(self, n):
        out = array(self.typecode)
        out._items = self._items * n
        return out

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= n
        return self

    def __copy__(self):
        return self[:]

    def __deepcopy__(self, memo):
        return self[:]

    def __repr__(self):
        if not self._items:
            return "array('%s')" % self.typecode
        if self.typecode == "u":
            return "array('u', %r)" % "".join(self._items)
        return "array('%s', %r)" % (self.typecode, self._items)

    def __bytes__(self):
        return self.tobytes()

    def append(self, x):
        self._items.append(_check(self.typecode, x))

    def extend(self, iterable):
        if isinstance(iterable, array) and iterable.typecode != self.typecode:
            raise TypeError("can only extend with array of same kind")
        self._items.extend([_check(self.typecode, x) for x in iterable])

    def insert(self, i, x):
        self._items.insert(i, _check(self.typecode, x))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError("pop from empty array")
        return self._items.pop(i)

    def remove(self, x):
        if x not in self._items:
            raise ValueError("array.remove(x): x not in array")
        self._items.remove(x)

    def index(self, x, start=0, stop=None):
        items = self._items[start:stop] if stop is not None else self._items[start:]
        if x not in items:
            raise ValueError("array.index(x): x not in array")
        return items.index(x) + start

    def count(self, x):
        return self._items.count(x)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        self.extend(items)

    def tobytes(self):
        if self.typecode == "u":
            return _struct.pack(self._fmt(len(self._items)), *[ord(c) for c in self._items])
        return _struct.pack(self._fmt(len(self._items)), *self._items)

    def frombytes(self, data):
        data = bytes(data)
        if len(data) % self.itemsize:
            raise ValueError("bytes length not a multiple of item size")
        values = list(_struct.unpack(self._fmt(len(data) // self.itemsize), data))
        if self.typecode == "u":
            values = [chr(v) for v in values]
        self._items.extend(values)

    def tounicode(self):
        if self.typecode != "u":
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return "".join(self._items)

    def fromunicode(self, s):
        if self.typecode != "u":
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._items.extend(list(s))

    def byteswap(self):
        if self.itemsize == 1:
            return
        raw = self.tobytes()
        n = self.itemsize
        swapped = b"".join(raw[i:i + n][::-1] for i in range(0, len(raw), n))
        self._items = []
        self.frombytes(swapped)

    def buffer_info(self):
        return (id(self), len(self._items))


ArrayType = array
