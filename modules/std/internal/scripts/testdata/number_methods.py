print(int.bit_length(255), (1024).bit_length(), float.fromhex("0x1.8p1"), (0.5).hex(), (3.0).hex(), (-0.1).hex(), float.hex(1e300))
print(float.fromhex("1.0"), float.fromhex("-0x1p-3"), (3.5).as_integer_ratio(), (7).as_integer_ratio(), (255).bit_count(), (0.1).as_integer_ratio())
print("x".isidentifier(), "1x".isidentifier(), "_a1".isidentifier(), "".isidentifier(), "a-b".isidentifier(), "été".isidentifier())
print(float.is_integer(2.0), hasattr(1.5, "hex"), hasattr(3, "bit_length"), str.isidentifier("ok"))
