"""lcm, cbrt, exp2, nextafter and ulp, beside the Go part of math."""

import struct as _struct
from math import gcd, copysign, isinf, isnan, inf


def lcm(*integers):
    result = 1
    for n in integers:
        if not isinstance(n, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
        if n == 0:
            return 0
        result = abs(result * n) // gcd(result, n)
    return result


def cbrt(x):
    x = float(x)
    if x == 0 or isinf(x) or isnan(x):
        return x
    ax = abs(x)
    r = ax ** (1.0 / 3.0)
    r = r - (r * r * r - ax) / (3.0 * r * r)  # one Newton step, as close as glibc's cbrt
    return copysign(r, x)


def exp2(x):
    return 2.0 ** x


def _bits(x):
    return _struct.unpack("<q", _struct.pack("<d", x))[0]


def _float(bits):
    return _struct.unpack("<d", _struct.pack("<q", bits))[0]


def nextafter(x, y, steps=None):
    x, y = float(x), float(y)
    if isnan(x) or isnan(y):
        return x + y
    if x == y:
        return y
    if x == 0.0:
        return copysign(_float(1), y)
    b = _bits(x)
    if (y > x) == (x > 0):
        b += 1
    else:
        b -= 1
    return _float(b)


def ulp(x):
    x = abs(float(x))
    if isnan(x) or isinf(x):
        return x
    nxt = nextafter(x, inf)
    if isinf(nxt):
        return x - nextafter(x, -inf)
    return nxt - x
