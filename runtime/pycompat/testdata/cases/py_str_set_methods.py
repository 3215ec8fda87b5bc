print("Hello World".swapcase(), "Straße".casefold(), "a\tbc\td".expandtabs(4))
print("123".isnumeric(), "12a".isdecimal(), "abc".isascii(), "é".isascii())
s = {1, 2, 3}
print(s.isdisjoint({4, 5}), s.isdisjoint([3]))
s.difference_update({1}, [9])
print(sorted(s))
s.intersection_update({2, 7})
print(sorted(s))
s.symmetric_difference_update({2, 8})
print(sorted(s))
d = {"a": 1, "b": 2, "c": 3}
print(d.popitem(), d)
