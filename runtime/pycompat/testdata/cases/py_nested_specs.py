# format specs with nested fields, in f-strings and str.format; positional-only parameters
value = 3.14159
width, prec = 10, 3
print(f"[{value:{width}.{prec}f}]", f"[{'mid':*^{width + 2}}]", f"[{42:>{width}}]")
print("[{:{}.{}f}]".format(value, width, prec), "[{0:{1}}]".format("ab", 5), "[{v:<{w}}]".format(v="x", w=4))
rows = [("apple", 1.5), ("kiwi", 12.25)]
name_w = max(len(n) for n, _ in rows)
for n, price in rows:
    print(f"{n:<{name_w}} {price:>{width}.{2}f}")
def clamp(x, lo, hi, /, *, strict=False):
    return min(max(x, lo), hi)
print(clamp(15, 0, 10), clamp(-3, 0, 10, strict=True))
