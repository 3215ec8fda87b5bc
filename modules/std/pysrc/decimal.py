"""Decimal fixed- and floating-point arithmetic (the General Decimal
Arithmetic rules CPython's decimal follows): exact decimal values,
results rounded to the context's precision (28 digits, half-even by
default), CPython's string forms and its signals for division by zero and
invalid operations. Written in Python on integers: a value is a sign, a
coefficient and an exponent."""

from collections import namedtuple as _namedtuple

ROUND_DOWN = "ROUND_DOWN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_CEILING = "ROUND_CEILING"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_UP = "ROUND_UP"
ROUND_HALF_DOWN = "ROUND_HALF_DOWN"
ROUND_05UP = "ROUND_05UP"


class DecimalException(ArithmeticError):
    pass


class InvalidOperation(DecimalException):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class Rounded(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded):
    pass


class Clamped(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


class Context:
    def __init__(self, prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999, capitals=1, clamp=0, flags=None, traps=None):
        self.prec = prec
        self.rounding = rounding
        self.Emin = Emin
        self.Emax = Emax
        self.capitals = capitals
        self.clamp = clamp
        self.flags = {}
        self.traps = {InvalidOperation: True, DivisionByZero: True, Overflow: True}

    def copy(self):
        c = Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp)
        c.traps = dict(self.traps)
        return c

    def __repr__(self):
        return "Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, flags=[], traps=[InvalidOperation, DivisionByZero, Overflow])" % (
            self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp)

    def create_decimal(self, num="0"):
        return Decimal(num)._round(self)

    def _raise(self, signal, text):
        if self.traps.get(signal, False):
            raise signal(text)
        return None


DefaultContext = Context()
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP)
ExtendedContext = Context(prec=9)
_current = [Context()]


def getcontext():
    return _current[0]


def setcontext(context):
    _current[0] = context


class localcontext:
    def __init__(self, ctx=None, **kwargs):
        self._new = (ctx or getcontext()).copy()
        for k, v in kwargs.items():
            setattr(self._new, k, v)

    def __enter__(self):
        self._saved = _current[0]
        _current[0] = self._new
        return self._new

    def __exit__(self, *exc):
        _current[0] = self._saved


def _digits(n):
    return len(str(n)) if n else 1


def _round_coefficient(sign, coeff, drop, rounding):
    """coeff with its last drop digits removed, rounded as rounding says."""
    if drop <= 0:
        return coeff * 10 ** (-drop)
    div = 10 ** drop
    q, r = divmod(coeff, div)
    if r == 0:
        return q
    half = div // 2
    up = False
    if rounding == ROUND_HALF_EVEN:
        up = r > half or (r == half and div % 2 == 0 and q % 2 == 1)
    elif rounding == ROUND_HALF_UP:
        up = r >= half and div % 2 == 0 or r > half
    elif rounding == ROUND_HALF_DOWN:
        up = r > half
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_CEILING:
        up = sign == 0
    elif rounding == ROUND_FLOOR:
        up = sign == 1
    elif rounding == ROUND_05UP:
        up = q % 10 in (0, 5)
    return q + 1 if up else q


def _reflected(name):
    """other OP self, for an int on the left: other becomes a Decimal first."""
    def op(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return NotImplemented
        return getattr(other, name)(self)
    return op


class Decimal:
    """An exact decimal number: Decimal('1.10'), Decimal(5), Decimal(0.5)."""

    def __init__(self, value="0", context=None):
        self._special = ""  # "", "F" (infinity), "n" (NaN), "N" (signalling NaN)
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._special = value._sign, value._int, value._exp, value._special
        elif isinstance(value, bool) or isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = abs(value)
            self._exp = 0
        elif isinstance(value, float):
            d = Decimal.from_float(value)
            self._sign, self._int, self._exp, self._special = d._sign, d._int, d._exp, d._special
        elif isinstance(value, (tuple, list)):
            sign, digits, exp = value
            self._sign = sign
            self._int = int("".join(str(d) for d in digits) or "0")
            if exp == "F" or exp == "n" or exp == "N":
                self._special, self._exp = exp, 0
            else:
                self._exp = exp
        elif isinstance(value, str):
            self._parse(value)
        else:
            raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    def _parse(self, text):
        s = text.strip().replace("_", "")
        self._sign = 0
        if s[:1] in ("+", "-"):
            self._sign = 1 if s[0] == "-" else 0
            s = s[1:]
        low = s.lower()
        self._int, self._exp = 0, 0
        if low in ("inf", "infinity"):
            self._special = "F"
            return
        if low == "nan" or low == "snan" or (low.startswith("nan") and low[3:].isdigit()):
            self._special = "N" if low.startswith("s") else "n"
            return
        mantissa, exp = s, 0
        for marker in ("e", "E"):
            if marker in s:
                mantissa, _, e = s.partition(marker)
                if not e or not (e.lstrip("+-").isdigit()) or e.count("+") + e.count("-") > 1:
                    raise InvalidOperation("[<class 'decimal.ConversionSyntax'>]")
                exp = int(e)
                break
        whole, _, frac = mantissa.partition(".")
        if (not whole and not frac) or not (whole + frac).isdigit() or mantissa.count(".") > 1:
            raise InvalidOperation("[<class 'decimal.ConversionSyntax'>]")
        self._int = int(whole + frac)
        self._exp = exp - len(frac)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if f != f:
            return cls("NaN")
        if f in (float("inf"), float("-inf")):
            return cls("-Infinity" if f < 0 else "Infinity")
        sign = 1 if (f < 0 or (f == 0 and str(f).startswith("-"))) else 0
        n, d = abs(f).as_integer_ratio()
        k = d.bit_length() - 1  # d is 2**k
        return cls((sign, [int(c) for c in str(n * 5 ** k)], -k))

    # the parts
    def _is_special(self):
        return self._special != ""

    def is_nan(self):
        return self._special in ("n", "N")

    def is_snan(self):
        return self._special == "N"

    def is_qnan(self):
        return self._special == "n"

    def is_infinite(self):
        return self._special == "F"

    def is_finite(self):
        return self._special == ""

    def is_zero(self):
        return not self._special and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def is_normal(self, context=None):
        return self.is_finite() and not self.is_zero()

    def adjusted(self):
        if self._special:
            return 0
        return self._exp + _digits(self._int) - 1

    def as_tuple(self):
        exp = self._special if self._special else self._exp
        digits = tuple(int(c) for c in str(self._int)) if not self._special or self._int else ()
        return DecimalTuple(self._sign, digits, exp)

    def as_integer_ratio(self):
        if self._special:
            raise ValueError("cannot convert NaN or infinity to integer ratio") if self.is_nan() else OverflowError("cannot convert Infinity to integer ratio")
        n = self._int * (10 ** self._exp if self._exp > 0 else 1)
        d = 10 ** (-self._exp) if self._exp < 0 else 1
        g = _gcd(n, d)
        n, d = n // g, d // g
        return (-n if self._sign else n), d

    # string forms
    def __str__(self):
        return self._to_string(eng=False)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def to_eng_string(self, context=None):
        return self._to_string(eng=True)

    def _to_string(self, eng=False):
        sign = "-" if self._sign else ""
        if self._special == "F":
            return sign + "Infinity"
        if self._special == "n":
            return sign + "NaN"
        if self._special == "N":
            return sign + "sNaN"
        digits = str(self._int)
        exp = self._exp
        leftdigits = exp + len(digits)
        if exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart, fracpart = "0", "." + "0" * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart, fracpart = digits + "0" * (dotplace - len(digits)), ""
        else:
            intpart, fracpart = digits[:dotplace], "." + digits[dotplace:]
        if leftdigits == dotplace:
            e = ""
        else:
            e = "E%+d" % (leftdigits - dotplace)
        return sign + intpart + fracpart + e

    def __format__(self, spec):
        if not spec:
            return str(self)
        import re as _re_mod
        m = _re_mod.match(r"^(?:(.)?([<>=^]))?([-+ ])?(0)?(\d+)?(,|_)?(?:\.(\d+))?([eEfFgGn%])?$", spec)
        if not m:
            raise ValueError("Invalid format specifier")
        fill, align, signopt, zero, width, grouping, prec, kind = m.groups()
        if self._special:
            body = str(abs(self)) if self._special != "F" else "Infinity"
            sign = "-" if self._sign else ("+" if signopt == "+" else (" " if signopt == " " else ""))
            return _pad(sign, body, fill, align, zero, width)
        value = abs(self)
        if kind == "%":
            value = Decimal((0, [int(c) for c in str(value._int)], value._exp + 2))
        if kind in ("f", "F", "%"):
            if prec is not None:
                value = value._rescale(-int(prec), getcontext().rounding)
            body = value._fixed()
        elif kind in ("e", "E"):
            if prec is not None:
                value = value._round_digits(int(prec) + 1, getcontext().rounding)
            digits = str(value._int)
            exp = value.adjusted()
            frac = digits[1:]
            if prec is not None:
                frac = (frac + "0" * int(prec))[:int(prec)]
            body = digits[0] + ("." + frac if frac else "") + ("e" if kind == "e" else "E") + "%+d" % exp
        elif kind in ("g", "G", "n", None):
            if prec is not None:
                value = value._round_digits(max(1, int(prec)), getcontext().rounding)
            body = str(value)
            if kind == "G":
                body = body.upper()
        else:
            body = str(value)
        if kind == "%":
            body += "%"
        if grouping:
            intpart, dot, rest = body.partition(".")
            tail = ""
            if "E" in intpart or "e" in intpart:
                pass
            else:
                groups = []
                while len(intpart) > 3:
                    groups.insert(0, intpart[-3:])
                    intpart = intpart[:-3]
                groups.insert(0, intpart)
                body = grouping.join(groups) + dot + rest + tail
        neg = self._sign == 1 and not (self.is_zero() and kind in ("f", "F", "%") and body.strip("0.%") == "")
        neg = self._sign == 1
        sign = "-" if neg else ("+" if signopt == "+" else (" " if signopt == " " else ""))
        return _pad(sign, body, fill, align, zero, width)

    def _fixed(self):
        digits = str(self._int)
        if self._exp >= 0:
            return digits + "0" * self._exp
        n = -self._exp
        digits = digits.rjust(n + 1, "0")
        return digits[:-n] + "." + digits[-n:]

    # rounding
    def _round_digits(self, prec, rounding):
        """self with at most prec significant digits."""
        if self._special:
            return self
        n = _digits(self._int)
        if n <= prec:
            return self
        drop = n - prec
        coeff = _round_coefficient(self._sign, self._int, drop, rounding)
        exp = self._exp + drop
        if _digits(coeff) > prec:
            coeff //= 10
            exp += 1
        return Decimal((self._sign, _coeff_digits(coeff), exp))

    def _round(self, context=None):
        context = context or getcontext()
        return self._round_digits(context.prec, context.rounding)

    def _rescale(self, exp, rounding):
        if self._special:
            return self
        if exp <= self._exp:
            return Decimal((self._sign, _coeff_digits(self._int * 10 ** (self._exp - exp)), exp))
        coeff = _round_coefficient(self._sign, self._int, exp - self._exp, rounding)
        return Decimal((self._sign, _coeff_digits(coeff), exp))

    def quantize(self, exp, rounding=None, context=None):
        exp = _convert(exp)
        context = context or getcontext()
        if self._special or exp._special:
            if self.is_infinite() and exp.is_infinite():
                return Decimal(self)
            return context._raise(InvalidOperation, "quantize with one INF") or Decimal("NaN")
        result = self._rescale(exp._exp, rounding or context.rounding)
        if _digits(result._int) > context.prec:
            return context._raise(InvalidOperation, "[<class 'decimal.InvalidOperation'>]") or Decimal("NaN")
        return result

    def to_integral_value(self, rounding=None, context=None):
        if self._special or self._exp >= 0:
            return Decimal(self)
        return self._rescale(0, rounding or getcontext().rounding)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        return self.to_integral_value(rounding, context)

    def normalize(self, context=None):
        if self._special:
            return Decimal(self)
        d = self._round(context)
        if d._int == 0:
            return Decimal((d._sign, [0], 0))
        coeff, exp = d._int, d._exp
        while coeff % 10 == 0:
            coeff //= 10
            exp += 1
        return Decimal((d._sign, _coeff_digits(coeff), exp))

    def __round__(self, n=None):
        if n is None:
            if self._special:
                raise ValueError("cannot round a NaN") if self.is_nan() else OverflowError("cannot round an infinity")
            return int(self._rescale(0, ROUND_HALF_EVEN))
        return self.quantize(Decimal((0, [1], -n)))

    def __int__(self):
        if self._special:
            raise ValueError("cannot convert NaN to integer") if self.is_nan() else OverflowError("cannot convert Infinity to integer")
        if self._exp >= 0:
            v = self._int * 10 ** self._exp
        else:
            v = self._int // 10 ** (-self._exp)
        return -v if self._sign else v

    __trunc__ = __int__

    def __floor__(self):
        return int(self._rescale(0, ROUND_FLOOR))

    def __ceil__(self):
        return int(self._rescale(0, ROUND_CEILING))

    def __float__(self):
        if self.is_nan():
            return float("nan")
        return float(str(self))

    def __bool__(self):
        return self._special != "" or self._int != 0

    def __hash__(self):
        if self._special:
            return hash(float(self)) if not self.is_snan() else 0
        n, d = self.as_integer_ratio()
        if d == 1:
            return hash(n)
        f = n / d
        if Decimal.from_float(f) == self:
            return hash(f)
        return hash((n, d))

    # comparisons
    def _cmp(self, other):
        """-1, 0 or 1; None when either is NaN."""
        if self.is_nan() or other.is_nan():
            return None
        if self.is_infinite() or other.is_infinite():
            a = 0 if not self.is_infinite() else (-1 if self._sign else 1)
            b = 0 if not other.is_infinite() else (-1 if other._sign else 1)
            if a != b:
                return -1 if a < b else 1
            if a != 0:
                return 0
        if self.is_zero() and other.is_zero():
            return 0
        if self._sign != other._sign:
            if self.is_zero():
                return -1 if other._sign == 0 else 1
            if other.is_zero():
                return 1 if self._sign == 0 else -1
            return -1 if self._sign else 1
        e = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - e)
        b = other._int * 10 ** (other._exp - e)
        c = 1 if a > b else (-1 if a < b else 0)
        return -c if self._sign else c

    def __eq__(self, other):
        other = _convert(other, compare=True)
        if other is NotImplemented:
            return NotImplemented
        return self._cmp(other) == 0

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        return self._order(other, lambda c: c < 0)

    def __le__(self, other):
        return self._order(other, lambda c: c <= 0)

    def __gt__(self, other):
        return self._order(other, lambda c: c > 0)

    def __ge__(self, other):
        return self._order(other, lambda c: c >= 0)

    def _order(self, other, test):
        other = _convert(other, compare=True)
        if other is NotImplemented:
            return NotImplemented
        c = self._cmp(other)
        if c is None:
            raise InvalidOperation("[<class 'decimal.InvalidOperation'>]")
        return test(c)

    def compare(self, other, context=None):
        c = self._cmp(_convert(other))
        if c is None:
            return Decimal("NaN")
        return Decimal(c)

    def max(self, other, context=None):
        other = _convert(other)
        return self if self._cmp(other) >= 0 else other

    def min(self, other, context=None):
        other = _convert(other)
        return self if self._cmp(other) <= 0 else other

    # arithmetic
    def __neg__(self):
        d = Decimal(self)
        if not d.is_zero() or d._special:
            d._sign = 1 - d._sign
        return d._round()

    def __pos__(self):
        return Decimal(self)._round()

    def __abs__(self):
        d = Decimal(self)
        d._sign = 0
        return d._round()

    def copy_abs(self):
        d = Decimal(self)
        d._sign = 0
        return d

    def copy_negate(self):
        d = Decimal(self)
        d._sign = 1 - d._sign
        return d

    def copy_sign(self, other, context=None):
        d = Decimal(self)
        d._sign = _convert(other)._sign
        return d

    def _nan_result(self, other):
        if self.is_nan():
            return Decimal(self)
        if other is not None and other.is_nan():
            return Decimal(other)
        return None

    def __add__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return NotImplemented
        nan = self._nan_result(other)
        if nan is not None:
            return nan
        if self.is_infinite() or other.is_infinite():
            if self.is_infinite() and other.is_infinite() and self._sign != other._sign:
                return getcontext()._raise(InvalidOperation, "-INF + INF") or Decimal("NaN")
            return Decimal(self if self.is_infinite() else other)
        e = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - e) * (-1 if self._sign else 1)
        b = other._int * 10 ** (other._exp - e) * (-1 if other._sign else 1)
        s = a + b
        sign = 1 if s < 0 else 0
        if s == 0:
            sign = 1 if (self._sign and other._sign) or (getcontext().rounding == ROUND_FLOOR and self._sign != other._sign) else 0
        return Decimal((sign, _coeff_digits(abs(s)), e))._round(context)

    __radd__ = __add__

    def __sub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__add__(other.copy_negate(), context)

    __rsub__ = _reflected("__sub__")

    def __mul__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return NotImplemented
        nan = self._nan_result(other)
        if nan is not None:
            return nan
        sign = self._sign ^ other._sign
        if self.is_infinite() or other.is_infinite():
            if self.is_zero() or other.is_zero():
                return getcontext()._raise(InvalidOperation, "0 * INF") or Decimal("NaN")
            return Decimal((sign, [0], "F"))
        return Decimal((sign, _coeff_digits(self._int * other._int), self._exp + other._exp))._round(context)

    __rmul__ = __mul__

    def __truediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return NotImplemented
        context = context or getcontext()
        nan = self._nan_result(other)
        if nan is not None:
            return nan
        sign = self._sign ^ other._sign
        if self.is_infinite() and other.is_infinite():
            return context._raise(InvalidOperation, "(+-)INF/(+-)INF") or Decimal("NaN")
        if self.is_infinite():
            return Decimal((sign, [0], "F"))
        if other.is_infinite():
            return Decimal((sign, [0], context.Emin - context.prec + 1))
        if other.is_zero():
            if self.is_zero():
                return context._raise(InvalidOperation, "[<class 'decimal.DivisionUndefined'>]") or Decimal("NaN")
            return context._raise(DivisionByZero, "[<class 'decimal.DivisionByZero'>]") or Decimal((sign, [0], "F"))
        ideal = self._exp - other._exp
        if self.is_zero():
            return Decimal((sign, [0], ideal))
        # scale the dividend so the quotient has prec + 1 digits at least
        shift = max(0, context.prec + _digits(other._int) - _digits(self._int) + 1)
        q, r = divmod(self._int * 10 ** shift, other._int)
        exp = ideal - shift
        if r == 0:
            # exact: drop trailing zeros down to the ideal exponent
            while exp < ideal and q % 10 == 0:
                q //= 10
                exp += 1
            return Decimal((sign, _coeff_digits(q), exp))._round(context)
        # inexact: a sticky digit below the quotient decides the rounding
        q = q * 10 + (1 if r * 2 != other._int else 0) * 0 + _sticky(r, other._int)
        exp -= 1
        return Decimal((sign, _coeff_digits(q), exp))._round(context)

    __rtruediv__ = _reflected("__truediv__")

    def _divmod(self, other):
        context = getcontext()
        if self.is_nan() or other.is_nan():
            return Decimal("NaN"), Decimal("NaN")
        if other.is_zero():
            if self.is_zero():
                context._raise(InvalidOperation, "[<class 'decimal.DivisionUndefined'>]")
                return Decimal("NaN"), Decimal("NaN")
            context._raise(DivisionByZero, "x // 0")
            return Decimal((self._sign ^ other._sign, [0], "F")), Decimal("NaN")
        e = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - e)
        b = other._int * 10 ** (other._exp - e)
        q, r = divmod(a, b)  # both positive: truncation toward zero
        sign = self._sign ^ other._sign
        quotient = Decimal((sign, _coeff_digits(q), 0))
        remainder = Decimal((self._sign, _coeff_digits(r), e))._round()
        return quotient, remainder

    def __floordiv__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return NotImplemented
        return self._divmod(other)[0]

    __rfloordiv__ = _reflected("__floordiv__")

    def __mod__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return NotImplemented
        return self._divmod(other)[1]

    __rmod__ = _reflected("__mod__")

    def __divmod__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return NotImplemented
        return self._divmod(other)

    def remainder_near(self, other, context=None):
        other = _convert(other)
        q = (self / other).to_integral_value(ROUND_HALF_EVEN)
        return self - q * other

    def __pow__(self, other, modulo=None):
        other = _convert(other)
        if other is NotImplemented:
            return NotImplemented
        if other._special or other._exp < 0 and other.to_integral_value() != other:
            if other == Decimal("0.5"):
                return self.sqrt()
            return Decimal(float(self) ** float(other))._round()
        n = int(other)
        if modulo is not None:
            return Decimal(pow(int(self), n, int(modulo)))
        if n >= 0:
            result = Decimal((self._sign if n % 2 else 0, _coeff_digits(self._int ** n), self._exp * n))
            return result._round()
        if self.is_zero():
            return getcontext()._raise(DivisionByZero, "0 ** -n") or Decimal((0, [0], "F"))
        return Decimal(1) / Decimal((self._sign if n % 2 else 0, _coeff_digits(self._int ** -n), self._exp * -n))

    __rpow__ = _reflected("__pow__")

    def sqrt(self, context=None):
        context = context or getcontext()
        if self._special:
            if self.is_infinite() and not self._sign:
                return Decimal(self)
            return Decimal("NaN")
        if self.is_zero():
            return Decimal((self._sign, [0], self._exp // 2))
        if self._sign:
            return context._raise(InvalidOperation, "sqrt(-x), x > 0") or Decimal("NaN")
        prec = context.prec
        # coefficient c and even exponent e with c * 10**e == self, c with 2*prec+2 digits or more
        c, e = self._int, self._exp
        if e % 2:
            c *= 10
            e -= 1
        extra = max(0, 2 * (prec + 1) - _digits(c))
        extra += extra % 2
        c *= 10 ** extra
        e -= extra
        r = _isqrt(c)
        ideal = self._exp // 2
        if r * r == c:
            exp = e // 2
            while exp < ideal and r % 10 == 0:
                r //= 10
                exp += 1
            return Decimal((0, _coeff_digits(r), exp))._round(context)
        r = r * 10 + 1  # sticky: inexact, above r
        return Decimal((0, _coeff_digits(r), e // 2 - 1))._round(context)

    def exp(self, context=None):
        import math as _math
        return Decimal(repr(_math.exp(float(self))))._round(context)

    def ln(self, context=None):
        import math as _math
        return Decimal(repr(_math.log(float(self))))._round(context)

    def log10(self, context=None):
        import math as _math
        return Decimal(repr(_math.log10(float(self))))._round(context)

    def fma(self, other, third, context=None):
        return (self * _convert(other) + _convert(third))

    def conjugate(self):
        return self

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


DecimalTuple = _namedtuple("DecimalTuple", "sign digits exponent")


def _coeff_digits(n):
    return [int(c) for c in str(n)]


def _sticky(r, d):
    """A digit that rounds as the remainder r / d would: 5 exactly at a half, below or above otherwise."""
    if 2 * r == d:
        return 5
    return 1 if 2 * r < d else 9


def _isqrt(n):
    if n < 2:
        return n
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def _convert(other, compare=False):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if compare and isinstance(other, float):
        return Decimal.from_float(other)
    return NotImplemented


def _pad(sign, body, fill, align, zero, width):
    width = int(width) if width else 0
    if zero and not align:
        fill, align = "0", "="
    fill = fill or " "
    align = align or ">"
    n = width - len(sign) - len(body)
    if n <= 0:
        return sign + body
    if align == "<":
        return sign + body + fill * n
    if align == "^":
        left = n // 2
        return fill * left + sign + body + fill * (n - left)
    if align == "=":
        return sign + fill * n + body
    return fill * n + sign + body
