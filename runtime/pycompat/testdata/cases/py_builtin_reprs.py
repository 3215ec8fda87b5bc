# reprs of builtins and ranges, hash of integral floats, isinstance with range/slice
print(len, repr(max), type(len).__name__)
print(range(5), range(2, 9), range(10, 0, -3), [range(1, 2)])
print(hash(3) == hash(3.0), hash(-2.0) == hash(-2), isinstance(range(2), range), isinstance(slice(1, 2), slice))
print(slice(3), slice(1, 5, 2), [0, 1, 2, 3, 4, 5][slice(1, 5, 2)], "abcdef"[slice(None, None, -2)])
