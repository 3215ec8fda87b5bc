from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN, InvalidOperation, DivisionByZero
import decimal
a, b = Decimal("0.1"), Decimal("0.2")
print(a + b, a + b == Decimal("0.3"), repr(a * 3), Decimal("1.10") + Decimal("2.205"))
print(Decimal(1) / Decimal(3), Decimal(2) / Decimal(3), Decimal(1) / Decimal(4), Decimal(10) / Decimal(2), Decimal("1.00") / Decimal(8))
print(Decimal(0.1), Decimal(5), Decimal(-7) // 2, Decimal(-7) % 2, Decimal(7) // Decimal("-2"), divmod(Decimal(17), Decimal(5)))
print(Decimal("19.995").quantize(Decimal("0.01")), Decimal("19.995").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), Decimal("2.675").quantize(Decimal("0.01"), ROUND_DOWN))
print(Decimal("1E+3"), Decimal("123.456e-10"), Decimal("0.000001"), Decimal("0.0000001"), Decimal("-0"), Decimal("100").normalize(), Decimal("1.2300").normalize())
print(Decimal(2).sqrt(), Decimal(16).sqrt(), Decimal("1.44").sqrt(), Decimal(2) ** 10, Decimal("1.5") ** 2, Decimal(2) ** -2)
print(round(Decimal("2.5")), round(Decimal("3.14159"), 2), int(Decimal("-3.9")), float(Decimal("1.5")), Decimal("3.5") > 3, Decimal(3) == 3, Decimal("0.5") == 0.5)
print(sum([Decimal("0.1")] * 10), max(Decimal("1.5"), Decimal("1.25")), sorted([Decimal("2"), Decimal("-1"), Decimal("1.5")]))
print(f"{Decimal('1234.5678'):.2f}", format(Decimal("1234567.891"), ",.2f"), f"{Decimal('0.125'):.1%}", f"{Decimal('3.14159'):10.3f}|", f"{Decimal('42'):e}")
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7), Decimal("123456789") + 0)
print(Decimal(1) / Decimal(7), getcontext().prec)
try:
    Decimal(1) / 0
except DivisionByZero as e:
    print("DivisionByZero", type(e).__mro__[1].__name__, isinstance(e, ZeroDivisionError))
try:
    Decimal("abc")
except InvalidOperation:
    print("InvalidOperation")
print(Decimal("Infinity") > 10**100, Decimal("NaN").is_nan(), Decimal("-1.5").as_tuple(), Decimal("12.50").as_integer_ratio())
print(hash(Decimal(5)) == hash(5), Decimal("1.1") + 1, 1 - Decimal("0.9"), 2 * Decimal("1.25"), Decimal("7.5") / 2.5 if False else "skip")
getcontext().rounding = ROUND_HALF_UP
print(Decimal("2.5").quantize(Decimal("1")), round(Decimal("0.125"), 2))
